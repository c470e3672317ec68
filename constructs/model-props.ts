/**
 * How construct props are derived from the resource model.
 *
 * The model (lib/model) states each object's fields once, as TypeBox schemas. Construct props are
 * those same fields with one change: a field that holds another object's server-assigned ID
 * (`packageId`, `bootImageId`, `driverPackageIds`, …) becomes a typed reference to the construct
 * (`package: IPackage`, `bootImage: IBootImage`, `driverPackages: IDriverPackage[]`), so stack
 * authors never handle ID strings. The types here do that renaming at compile time, and
 * `modelFromProps` undoes it at run time, driven by the schema's own `references` keyword.
 */
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { keyword, type ACTIONS, type ActionName, type KindName } from '../lib/model';

/** Flattens an intersection so editors show one plain object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The prop name of a reference field: `packageId` → `package`, `driverPackageIds` → `driverPackages`. */
export type ReferencePropName<F extends string> = F extends `${infer Base}Ids` ? `${Base}s` : F extends `${infer Base}Id` ? Base : F;

/** The keys of `T` that may be left out. */
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

/**
 * The model fields `T` with each reference field named in `R` replaced by a typed reference:
 * `WithReferences<{ packageId?: string; x: number }, { packageId: IPackage }>` is
 * `{ package?: IPackage; x: number }`. Whether a field is required carries over.
 */
export type WithReferences<T, R extends { [K in keyof R]: unknown }> = Simplify<
  Omit<T, keyof R> & {
    [K in keyof R & keyof T as K extends OptionalKeys<T> ? never : ReferencePropName<K & string>]: R[K];
  } & {
    [K in keyof R & keyof T as K extends OptionalKeys<T> ? ReferencePropName<K & string> : never]?: R[K];
  }
>;

/** The model type of a task sequence action (`ACTIONS[A]`'s static type). */
export type ActionModel<A extends ActionName> = Static<(typeof ACTIONS)[A]>;

/** Runtime twin of `ReferencePropName`. */
export function referencePropName(field: string): string {
  if (field.endsWith('Ids')) return `${field.slice(0, -3)}s`;
  if (field.endsWith('Id')) return field.slice(0, -2);
  return field;
}

/** The kind of object a field refers to (a string with `references`, or a list of them); undefined for other fields. */
export function referencedKind(schema: TSchema): KindName | undefined {
  const direct = keyword(schema, 'references');
  if (direct) return direct as KindName;
  if (schema.type === 'array' && schema.items !== undefined) return keyword(schema.items as TSchema, 'references') as KindName | undefined;
  return undefined;
}

/**
 * Writes a typed reference as the ID string the model expects: a token when rendering, a stand-in
 * ID when validating. `expected` is the kind the field refers to and `field` the prop's name, for
 * the error when `reference` is not a reference of that kind.
 */
export type IdWriter = (reference: unknown, expected: KindName, field: string) => string;

/**
 * Builds the model-shaped value of an object from construct props: every top-level field of
 * `schema` is copied from the prop of the same name, except reference fields, which are read from
 * their renamed prop and written by `ids`. Props that are not model fields are ignored, so a
 * construct may take extra, construct-only props.
 */
export function modelFromProps(schema: TObject, props: object, ids: IdWriter): Record<string, unknown> {
  const source = props as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.properties as Record<string, TSchema>)) {
    if (fieldSchema.readOnly) continue;
    const kind = referencedKind(fieldSchema);
    if (kind) {
      const prop = referencePropName(field);
      const ref = source[prop];
      if (ref === undefined) continue;
      out[field] = Array.isArray(ref) ? ref.map((r, i) => ids(r, kind, `${prop}[${i}]`)) : ids(ref, kind, prop);
    } else if (source[field] !== undefined) {
      out[field] = source[field];
    }
  }
  return out;
}
