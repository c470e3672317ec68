/**
 * How construct props map to the resource model's fields.
 *
 * Construct props are the model's fields (lib/model) with the changes `props-spec.ts` lists for
 * each construct. The one change every construct shares: a field that holds another object's
 * server-assigned ID (`packageId`, `bootImageId`, `driverPackageIds`, …) is a typed reference to the
 * construct (`package: IPackage`, `bootImage: IBootImage`, `driverPackages: IDriverPackage[]`),
 * so stack authors never handle ID strings. `specFields` states that mapping; the generated props
 * interfaces (constructs/generated/props.ts) are written from it and `modelFromProps` undoes it
 * at synth, driven by the schema's own `references` keyword.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { keyword, type ACTIONS, type ActionName, type KindName } from '../lib/model';
import type { PropSpec } from './props-spec';

/** Flattens an intersection so editors show one plain object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The prop name of a reference field: `packageId` → `package`, `driverPackageIds` → `driverPackages`. */
export type ReferencePropName<F extends string> = F extends `${infer Base}Ids` ? `${Base}s` : F extends `${infer Base}Id` ? Base : F;

/** The keys of `T` that may be left out. */
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

/**
 * The model fields `T` with each reference field named in `R` replaced by a typed reference:
 * `WithReferences<{ packageId?: string; x: number }, { packageId: IPackage }>` is
 * `{ package?: IPackage; x: number }`. Whether a field is required carries over. The generated
 * props are checked against it (test/constructs/model-props.test.ts).
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

/** A model field that is a prop, and under which name. */
export interface SpecField {
  /** The model's field name. */
  readonly field: string;
  readonly schema: TSchema;
  /** The prop's name. */
  readonly prop: string;
  /** For a reference field: the kind of object it refers to. */
  readonly references?: KindName;
  readonly required: boolean;
}

/** The model fields of `spec`'s schema that are props (its own, not those of the interfaces it extends). */
export function specFields(spec: PropSpec): SpecField[] {
  if (!spec.schema) return [];
  const required = new Set(spec.schema.required ?? []);
  const out: SpecField[] = [];
  for (const [field, schema] of Object.entries(spec.schema.properties as Record<string, TSchema>)) {
    if (schema.readOnly || spec.omit?.includes(field) || (spec.pick && !spec.pick.includes(field))) continue;
    const references = referencedKind(schema);
    const prop = spec.rename?.[field] ?? (references ? referencePropName(field) : field);
    const isRequired = spec.required?.includes(field) || (required.has(field) && !spec.optional?.includes(field));
    out.push({ field, schema, prop, ...(references ? { references } : {}), required: Boolean(isRequired) });
  }
  return out;
}

/**
 * Writes a typed reference as the ID string the model expects: a token when rendering, a stand-in
 * ID when validating. `expected` is the kind the field refers to and `field` the prop's name, for
 * the error when `reference` is not a reference of that kind.
 */
export type IdWriter = (reference: unknown, expected: KindName, field: string) => string;

/**
 * The model-shaped fields of `spec` read from construct props: each field from its prop, a
 * reference written by `ids`. Props that are not fields of `spec` are ignored, so a construct's
 * other props (extra ones, those of another spec) pass through untouched.
 */
export function modelFromProps(spec: PropSpec, props: object, ids: IdWriter): Record<string, unknown> {
  const source = props as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const { field, prop, references } of specFields(spec)) {
    const value = source[prop];
    if (value === undefined) continue;
    if (references) out[field] = Array.isArray(value) ? value.map((r, i) => ids(r, references, `${prop}[${i}]`)) : ids(value, references, prop);
    else out[field] = value;
  }
  return out;
}
