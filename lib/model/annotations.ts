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
  /** On a task sequence action or condition test: the ConfigMgr class that stores it (see `ConfigMgrClass`). */
  configMgrClass?: ConfigMgrClass;
  /** On a field of an action or condition test: how ConfigMgr stores the field (see `ConfigMgrField`). */
  configMgr?: ConfigMgrField;
  /**
   * On an object: a field that the same object has at shallower levels but not at this one, because
   * the model nests it only so deep (conditions); a value that goes deeper is refused with this limit.
   */
  nestingLimit?: { readonly field: string; readonly levels: number; readonly what: string };
  /** On a nested object that repeats another one's fields (a deeper level of conditions): the name of the first, for docs. */
  sameAs?: string;
}

// ---- ConfigMgr's own storage of steps and conditions ------------------------------------------------
//
// ConfigMgr stores a task sequence as XML (`SMS_TaskSequencePackage.Sequence`): each action is a
// `<step type="SMS_TaskSequence_…Action">` with an `<action>` command line and a `<defaultVarList>`
// of `<variable name="…" property="…">value</variable>`, each condition test an
// `<expression type="…">` of `<variable name="…">` children (STEP-CATALOGUE.md §1.3, §3). The
// model declares that mapping beside each action's and test's schema, with the two keywords
// below, so that a step cannot be typed without it and the XML converter reads it from here:
//
//   configMgrClass   on the action (or test) object: the WMI class, the `<action>` text, `runIn`
//   configMgr        on each field: the WMI property and how the value is written, or why the
//                    field has no ConfigMgr property of its own (`modelOnly`)
//
// Value spelling, unless the field says otherwise: booleans `true`/`false`; numbers in decimal;
// a closed set of strings (`oneOf`) as the model spells it, or as `values` maps it; a list of
// strings or numbers joined by `list`.

/** Where a ConfigMgr action runs by its class's `SupportedEnvironment` qualifier (the `runIn` attribute). */
export type ConfigMgrEnvironment = 'WinPE' | 'FullOS' | 'WinPEandFullOS';

/** The ConfigMgr class of a task sequence action, group or condition test. */
export interface ConfigMgrClass {
  /** The WMI class: `<step type=…>`, `<group>` for `SMS_TaskSequence_Group`, `<expression type=…>` for a condition test. */
  readonly type: string;
  /**
   * The class's `CommandLine` qualifier: the text of `<action>`. `%n` stands for the field whose
   * `argument` is n; `%%NAME%%` (a variable of the step) and `<?n: …>` segments (written only
   * when argument n has a value) are kept as ConfigMgr writes them. Actions only.
   */
  readonly action?: string;
  /** The class's default `SupportedEnvironment`, written as the step's `runIn` attribute. Actions only. */
  readonly runIn?: ConfigMgrEnvironment;
  /** The class's `VariablePrefix` qualifier, when it has one (the field declarations spell every variable name in full). */
  readonly variablePrefix?: string;
}

/** A `<step>` or `<group>` attribute that a field's value is (also) written to. */
export type ConfigMgrStepAttribute = 'name' | 'description' | 'disable' | 'continueOnError' | 'successCodeList' | 'timeout' | 'retryCount' | 'runFromNet';

/** How ConfigMgr stores one field of an action or condition test. */
export type ConfigMgrField = ConfigMgrProperty | ConfigMgrModelOnly;

/** A field that is a property of the ConfigMgr class. */
export interface ConfigMgrProperty {
  /** The WMI property name (`property=` of its `<variable>`). */
  readonly property: string;
  /**
   * The task sequence variable (`<variable name=…>`), by the rules of STEP-CATALOGUE.md §1.4: the
   * `VariableName` qualifier, else the class's `VariablePrefix` + the property name. Absent for a
   * property that is only a command-line argument.
   */
  readonly variable?: string;
  /** Other variable names the same property is known by (§1.4 conflicts): accepted on import, never written. */
  readonly alsoAccept?: readonly string[];
  /** The property's `CommandLineArg(n)`: its value replaces `%n` in the action text. Per the SDK such a property is no task sequence variable. */
  readonly argument?: number;
  /** The step attribute the value is written to as well (`successCodeList="0 3010"`). */
  readonly attribute?: ConfigMgrStepAttribute;
  /** Written with `hidden="true"` (observed on `CommandLine`, `SuccessCodes`, `VariableName`). */
  readonly hidden?: boolean;
  /** The property has the `Global` qualifier (the variable stays visible for the rest of the sequence). */
  readonly global?: boolean;
  /** How the model's values are spelled in ConfigMgr (`{ windowsPe: 'WinPE', installedOs: 'HD' }`; for a boolean, `{ true: …, false: … }`). */
  readonly values?: Readonly<Record<string, string>>;
  /** A list is written as one string, its items joined by this (`','`, `' '`). */
  readonly list?: string;
  /** The model's number times this is ConfigMgr's (minutes in the model, seconds in ConfigMgr: 60). */
  readonly scale?: number;
  /** A timestamp: ISO 8601 in the model, a WMI DATETIME (`yyyymmddHHMMSS.mmmmmm+000`, UTC) in ConfigMgr. */
  readonly dateTime?: true;
  /**
   * On a condition: a root whose `match` is this is written as the element's own operands, which
   * ConfigMgr combines with `and` (a step's `<condition>`); any other root is its one operand.
   */
  readonly implicitMatch?: 'all';
  /**
   * A list of objects, each item's fields flattened into variables `<variable><index><item variable>`
   * with properties `<property><index><item property>` (index from 0: `OSDAdapter0EnableDHCP`);
   * `count` names the property that holds the number of items, when the class has one.
   */
  readonly items?: { readonly count?: { readonly property: string; readonly variable: string } };
}

/** A field the model has although the ConfigMgr class has no property for it. */
export interface ConfigMgrModelOnly {
  /**
   * Why, and how the field survives a round trip through ConfigMgr XML: `implied` (it follows from
   * which other properties are set, and import sets it from them), or `marker` (it is kept as a
   * marker in the step's description, `describedAs`).
   */
  readonly modelOnly: 'implied' | 'marker';
  /** For `implied`: from what; for `marker`: the marker's form. */
  readonly how: string;
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

/** A field with its ConfigMgr mapping: the only way a field of an action or condition test is declared. */
export function cm<T extends TSchema>(schema: T, mapping: ConfigMgrField): T & { configMgr: ConfigMgrField } {
  return { ...schema, configMgr: mapping };
}

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
