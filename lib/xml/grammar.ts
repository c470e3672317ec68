/**
 * The task sequence XML grammar as far as this layer knows it: element names and, per element, the
 * attributes it understands, in the order they are written. Reader and writer both work from these
 * tables, so an attribute is declared once; the document model's types are derived from them.
 *
 * Attributes not declared here are kept as they were read (see `XmlAttribute` in `document.ts`).
 */

/** Element names of the sequence grammar. */
export const ELEMENT = {
  sequence: 'sequence',
  globalVarList: 'globalVarList',
  group: 'group',
  step: 'step',
  condition: 'condition',
  operator: 'operator',
  expression: 'expression',
  action: 'action',
  defaultVarList: 'defaultVarList',
  variable: 'variable',
} as const;

/** Root of the 2007 console export, and its child that holds the `<sequence>`. */
export const CONSOLE_PACKAGE = 'SmsTaskSequencePackage';
export const SEQUENCE_DATA = 'SequenceData';

/**
 * Elements that appear at most once in their parent: an element path names them without a
 * position (`/sequence/group[2]/condition`), every other element with one (`step[5]`).
 */
export const SINGLE_ELEMENTS: ReadonlySet<string> = new Set([
  ELEMENT.globalVarList,
  ELEMENT.condition,
  ELEMENT.action,
  ELEMENT.defaultVarList,
  SEQUENCE_DATA,
]);

/** `SMS_TaskSequence.SchemaVersion` values this reader knows: 3.00 (the SDK default) and 3.10 (current-branch exports). */
export const SCHEMA_VERSIONS = ['3.00', '3.10'] as const;

/** The `type` values of `<operator>` (`SMS_TaskSequence_ConditionOperator.OperatorType`). */
export const OPERATOR_TYPES = ['and', 'or', 'not'] as const;

// ---- codecs: attribute text <-> model value --------------------------------------------------

/** What a codec found wrong with an attribute's text: a phrase that follows `attribute x="…"`. */
export interface Problem {
  readonly problem: string;
}

export interface Codec<T> {
  decode(text: string): T | Problem;
  encode(value: T): string;
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'problem' in value;
}

const text: Codec<string> = { decode: (t) => t, encode: (v) => v };

/** `true`/`false`, read in any letter case (ConfigMgr writes lower case, so the writer does). */
const flag: Codec<boolean> = {
  decode: (t) => {
    const lower = t.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return { problem: 'is not true or false' };
  },
  encode: (v) => (v ? 'true' : 'false'),
};

/** An unsigned 32-bit decimal number (the WMI `UInt32` of `Timeout` and the retry count). */
const uint32: Codec<number> = {
  decode: (t) => {
    if (!/^[0-9]{1,10}$/.test(t) || Number(t) > 0xffffffff) return { problem: 'is not a whole number from 0 to 4294967295' };
    return Number(t);
  },
  encode: (v) => String(v),
};

function oneOf<T extends string>(values: readonly T[], what: string): Codec<T> {
  return {
    decode: (t) => ((values as readonly string[]).includes(t) ? (t as T) : { problem: `is not ${what} (known: ${values.join(', ')})` }),
    encode: (v) => v,
  };
}

// ---- attribute declarations ------------------------------------------------------------------

interface AttributeSpec<T, Required extends boolean> {
  readonly codec: Codec<T>;
  readonly required: Required;
  /** For a required attribute: what the reader says when it is missing or empty. */
  readonly missing?: string;
}

type AnySpec = AttributeSpec<any, boolean>;
export type AttributeSpecs = Readonly<Record<string, AnySpec>>;

function required<T>(codec: Codec<T>, missing: string): AttributeSpec<T, true> {
  return { codec, required: true, missing };
}
function optional<T>(codec: Codec<T>): AttributeSpec<T, false> {
  return { codec, required: false };
}

type ValueOf<S> = S extends AttributeSpec<infer T, boolean> ? T : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends AttributeSpec<unknown, true> ? K : never }[keyof S];
type OptionalKeys<S> = Exclude<keyof S, RequiredKeys<S>>;

/** The model values of the attributes `S` declares: required ones always there, the others when the XML had them. */
export type AttributeValues<S> = { readonly [K in RequiredKeys<S>]: ValueOf<S[K]> } & { readonly [K in OptionalKeys<S>]?: ValueOf<S[K]> };

/** The attributes each element of the grammar knows, keyed by element name, in the order they are written. */
export const ATTRIBUTES = {
  /** `<sequence>` */
  sequence: {
    version: required(oneOf(SCHEMA_VERSIONS, 'a known sequence schema version'), 'a sequence needs a version attribute: its schema version, 3.00 or 3.10'),
  },

  /** `<group>` (`SMS_TaskSequence_Group`; `expand` and the like stay other attributes). */
  group: {
    name: required(text, 'a group needs a name attribute'),
    description: optional(text),
    disable: optional(flag),
    continueOnError: optional(flag),
  },

  /** `<step>` (an `SMS_TaskSequence_Action` subclass). */
  step: {
    type: required(text, 'a step needs a type attribute: the WMI class of its action, e.g. SMS_TaskSequence_RunCommandLineAction'),
    name: required(text, 'a step needs a name attribute'),
    description: optional(text),
    disable: optional(flag),
    continueOnError: optional(flag),
    runIn: optional(text),
    successCodeList: optional(text),
    timeout: optional(uint32),
    retryCount: optional(uint32),
    runFromNet: optional(flag),
  },

  /** `<variable>` in `<defaultVarList>`, `<globalVarList>` and `<expression>`; its text is the value. */
  variable: {
    name: required(text, 'a variable needs a name attribute'),
    property: optional(text),
    hidden: optional(flag),
  },

  /** `<operator>` (`SMS_TaskSequence_ConditionOperator`). */
  operator: {
    type: required(oneOf(OPERATOR_TYPES, 'an operator type'), 'an operator needs a type attribute: and, or or not'),
  },

  /** `<expression>` (an `SMS_TaskSequence_ConditionExpression` subclass). */
  expression: {
    type: required(text, 'an expression needs a type attribute: the WMI class of its test, e.g. SMS_TaskSequence_VariableConditionExpression'),
  },
} satisfies Record<string, AttributeSpecs>;

/**
 * Children of the 2007 console export `<SmsTaskSequencePackage>`, in the order they are written
 * (the `SMS_TaskSequencePackage` properties it carries; `SequenceData` holds the `<sequence>`).
 */
export const CONSOLE_PACKAGE_ELEMENTS = [
  'BootImageID',
  'Category',
  'DependentProgram',
  'Description',
  'Duration',
  'Name',
  'ProgramFlags',
  'SequenceData',
  'SourceDate',
  'SupportedOperatingSystems',
  'IconSize',
] as const;
