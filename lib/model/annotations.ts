/**
 * The vocabulary the resource model uses to describe a field beyond its type.
 *
 * Every object kind is a TypeBox schema (plain JSON Schema at run time). JSON Schema already has
 * `readOnly` (the server sets it) and `writeOnly` (a secret: accepted, never returned); the model
 * adds a few keywords of its own. The server's validation, the provider's schema, the constructs'
 * props and the docs all read these keywords, so a field's behaviour is stated exactly once.
 */
import { Type, type TSchema, type TString, type StringOptions } from '@sinclair/typebox';

/** Keywords the model adds to JSON Schema. */
export interface ModelKeywords {
  /** The server cannot change this field after create: Terraform plans a replacement. */
  immutable?: boolean;
  /** Upper bound in bytes of the UTF-8 encoding (ConfigMgr counts some limits in bytes). */
  maxBytes?: number;
  /** The seed rule (R1–R8) a violation of this field's constraint reports, when one applies. */
  rule?: string;
  /** On an object: exactly one of these properties must be set (a tagged choice, e.g. a step's action). */
  exactlyOneOf?: string[];
  /** On a string: the kind of object whose ID it holds (`package`, `bootImage`, …). */
  references?: string;
  /** On a reference to a package: the role the package must have here (R2; R5 for USMT, R3 for the client). */
  requiredRole?: string;
  /**
   * On an object: two of its fields together name an object of `kind` (a program is named by its
   * package ID and its name): `fields` maps the ID's fields (the kind's `id.fromFields`) to this
   * object's fields, `at` is the field a finding about the reference points at.
   */
  referencesBy?: { readonly kind: string; readonly fields: Readonly<Record<string, string>>; readonly at: string };
  /** Left out, the field is filled in from the object's other fields (see `withDefaults`). */
  derivedDefault?: boolean;
}

/** Server-assigned; ignored when a client sends it (a client may send back what it read). */
export function computed<T extends TSchema>(schema: T) {
  return Type.Optional({ ...schema, readOnly: true } as T);
}

/** Set on create, never changed afterwards. */
export function immutable<T extends TSchema>(schema: T): T {
  return { ...schema, immutable: true };
}

/**
 * A secret: accepted on write, never returned. A read shows `{ set, version }` instead
 * (see `SecretStatus`), and the provider keeps the value out of plans and state.
 *
 * Passwords and keys are typed into Windows setup, where a control character (tab, line break,
 * NUL) cannot be typed and would end the value early: such a value is refused, like in a name.
 */
export function secret(options: StringOptions = {}): TString {
  const description = [options.description, 'No control characters.'].filter((d) => d !== undefined).join(' ');
  return Type.String({ minLength: 1, maxLength: 255, pattern: PRINTABLE_PATTERN, ...options, description, writeOnly: true });
}

/** A reference to another object by its server-assigned ID; `requiredRole` for a package that must play a role here. */
export function reference(kind: string, description: string, requiredRole?: string): TString {
  return Type.String({ pattern: PACKAGE_ID_PATTERN, references: kind, description, ...(requiredRole ? { requiredRole } : {}) });
}

/** Printable text: control characters (tabs, line breaks, NUL) have no place in a name the console shows. */
export const PRINTABLE_PATTERN = '^[^\\u0000-\\u001f\\u007f]*$';

/** A name people read in the console: 1 to `max` printable characters. */
export function displayName(max: number, description: string): TString {
  return Type.String({ minLength: 1, maxLength: max, pattern: PRINTABLE_PATTERN, description: `${description} No control characters.` });
}

/** What a read returns in place of a secret's value. */
export const SecretStatus = Type.Object(
  {
    set: Type.Boolean({ description: 'Whether a value is stored.' }),
    version: Type.Integer({ minimum: 0, description: 'Incremented each time a different value is written.' }),
  },
  { additionalProperties: false },
);

/**
 * ConfigMgr package IDs: a 3-character site code and 5 hex digits (`CM100012`). This is the
 * observed convention; ConfigMgr documents no regular expression for it.
 */
export const PACKAGE_ID_PATTERN = '^[A-Z0-9]{3}[0-9A-F]{5}$';

/** Reads a model keyword from a schema node (TypeBox keeps unknown keywords as they are). */
export function keyword<K extends keyof ModelKeywords>(schema: TSchema, key: K): ModelKeywords[K] | undefined {
  return (schema as TSchema & ModelKeywords)[key];
}

/** A closed set of strings (rendered as an enumeration in docs, a string with a check in Terraform). */
export function oneOf<const V extends string>(values: readonly V[], options: { description: string; default?: V; rule?: string }) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
}
