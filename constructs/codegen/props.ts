/**
 * Writes the construct props interfaces (constructs/generated/props.ts) from `props-spec.ts` and
 * the model. TypeBox's `Static` types carry no comments, so an editor hovering a prop derived
 * from them shows nothing; written out as interfaces, each prop carries the model's description,
 * its limits and its default.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import { keyword } from '../../lib/model';
import { specFields, type SpecField } from '../model-props';
import { ALL_PROP_SPECS, type ExtraProp, type PropSpec } from '../props-spec';

/** Where the types the props use come from, relative to constructs/generated/. */
const TYPE_SOURCES: Readonly<Record<string, string>> = {
  Condition: '../conditions',
  ConfigMgrVersion: '../../lib/model',
};
const REFERENCE_SOURCE = '../references';

/** What a reference prop takes, said once under each. */
const REFERENCE_NOTE = 'A construct of this library, or a reference to an existing object from its `fromPackageId`.';

/** One prop as the generated interface states it. */
export interface PropDoc {
  readonly name: string;
  /** TypeScript type. */
  readonly type: string;
  readonly optional: boolean;
  /** JSDoc text without `@default`: the description, limits, notes. */
  readonly doc: string;
  /** Text after `@default`. */
  readonly default?: string;
}

/** One generated interface. */
export interface InterfaceDoc {
  readonly name: string;
  readonly doc?: string;
  readonly extends: readonly string[];
  readonly props: readonly PropDoc[];
}

/** The interface of `spec`, then those of the nested objects its props hold; the types they use from elsewhere are added to `used`. */
export function interfacesOf(spec: PropSpec, used = new Set<string>()): InterfaceDoc[] {
  const nested: InterfaceDoc[] = [];
  const stem = spec.name.replace(/Props$/, '');
  const props: PropDoc[] = specFields(spec).map((f) => {
    const defaultText = f.required ? undefined : (spec.defaults?.[f.prop] ?? defaultOf(f.schema));
    return {
      name: f.prop,
      type: propType(spec, f, stem, used, nested),
      optional: !f.required,
      doc: fieldDoc(f.schema, f.references ? REFERENCE_NOTE : undefined),
      ...(defaultText !== undefined ? { default: defaultText } : {}),
    };
  });
  for (const extra of spec.extra ?? []) {
    for (const type of extra.type.match(/\b[A-Z]\w*/g) ?? []) if (!ALL_PROP_SPECS.some((s) => s.name === type)) used.add(type);
    props.push({ name: extra.name, type: extra.type, optional: Boolean(extra.optional), doc: extra.doc, ...(extra.default !== undefined ? { default: extra.default } : {}) });
  }
  return [{ name: spec.name, doc: spec.doc, extends: spec.extends ?? [], props }, ...nested];
}

/** The whole file. */
export function renderPropsFile(): string {
  const used = new Set<string>();
  const interfaces = ALL_PROP_SPECS.flatMap((spec) => interfacesOf(spec, used)).map(renderInterface);
  const bySource = new Map<string, string[]>();
  for (const type of [...used].sort()) {
    const source = TYPE_SOURCES[type] ?? REFERENCE_SOURCE;
    bySource.set(source, [...(bySource.get(source) ?? []), type]);
  }
  const imports = [...bySource].map(([source, types]) => `import type { ${types.join(', ')} } from '${source}';`);
  return [
    '/**',
    ' * Construct props, generated from the resource model (lib/model) and constructs/props-spec.ts by',
    ' * `npm run docs`. Do not edit: change the model or the spec and run it again (a test fails when',
    ' * this file is stale).',
    ' */',
    ...imports,
    '',
    interfaces.join('\n\n'),
    '',
  ].join('\n');
}

function renderInterface(i: InterfaceDoc): string {
  const heritage = i.extends.length ? ` extends ${i.extends.join(', ')}` : '';
  const members = i.props.map((p) => {
    const doc = p.default !== undefined ? `${p.doc}\n@default ${p.default}` : p.doc;
    return `${docBlock(doc, '  ')}\n  readonly ${p.name}${p.optional ? '?' : ''}: ${p.type};`;
  });
  return [...(i.doc ? [docBlock(i.doc, '')] : []), `export interface ${i.name}${heritage} {`, ...members, '}'].join('\n');
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function propType(spec: PropSpec, f: SpecField, stem: string, used: Set<string>, nested: InterfaceDoc[]): string {
  const override = spec.types?.[f.field];
  if (override) {
    used.add(override);
    return override;
  }
  if (f.references) {
    // A package that must play a role here is referred to by that role's interface (`requiredRole: 'usmt'` → IUsmtPackage).
    const role = keyword(f.schema.type === 'array' ? (f.schema.items as TSchema) : f.schema, 'requiredRole');
    const reference = role ? `I${capital(role)}Package` : `I${capital(f.references)}`;
    used.add(reference);
    return f.schema.type === 'array' ? `${reference}[]` : reference;
  }
  return tsType(f.schema, spec.nestedNames?.[f.field] ?? nestedName(stem, f.field, f.schema), nested);
}

/** `<stem><Field>`, singular when the field is a list (`drivers` of a driver package: `DriverPackageDriver`). */
function nestedName(stem: string, field: string, schema: TSchema): string {
  const singular = schema.type === 'array' ? field.replace(/ies$/, 'y').replace(/s$/, '') : field;
  return `${stem}${singular.charAt(0).toUpperCase()}${singular.slice(1)}`;
}

/** The TypeScript type of a model value; an object becomes interface `name`, appended to `nested`. */
function tsType(schema: TSchema, name: string, nested: InterfaceDoc[]): string {
  if (Array.isArray(schema.anyOf) && schema.anyOf.every((s: TSchema) => s.const !== undefined)) {
    return schema.anyOf.map((s: TSchema) => literal(s.const)).join(' | ');
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = tsType(schema.items as TSchema, name, nested);
      return item.includes('|') ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
      nested.push(nestedInterface(schema as TObject, name, nested));
      return name;
    default:
      throw new Error(`props codegen: no TypeScript type for schema ${JSON.stringify(schema)} (${name})`);
  }
}

function nestedInterface(schema: TObject, name: string, nested: InterfaceDoc[]): InterfaceDoc {
  const required = new Set(schema.required ?? []);
  const props = Object.entries(schema.properties as Record<string, TSchema>).map(([field, child]): PropDoc => {
    const defaultText = required.has(field) ? undefined : defaultOf(child);
    return {
      name: field,
      type: tsType(child, `${name}${field.charAt(0).toUpperCase()}${field.slice(1)}`, nested),
      optional: !required.has(field),
      doc: fieldDoc(child),
      ...(defaultText !== undefined ? { default: defaultText } : {}),
    };
  });
  return { name, ...(schema.description ? { doc: String(schema.description) } : {}), extends: [], props };
}

/** The JSDoc of a field: the model's description and the limits it does not already state. */
export function fieldDoc(schema: TSchema, note?: string): string {
  const description = sentence(String(schema.description ?? ''));
  const notes = limits(schema).filter((limit) => !limit.numbers.some((n) => new RegExp(`(^|[^\\d])${n}([^\\d]|$)`).test(description)));
  const item = schema.type === 'array' && schema.items?.type !== 'object' && schema.items?.description ? `Each: ${sentence(String(schema.items.description))}` : '';
  const lines = [[description, ...notes.map((n) => n.text), item].filter(Boolean).join(' ')];
  if (note) lines.push(note);
  if (keyword(schema, 'immutable')) lines.push('It cannot change once the object exists: a change replaces the object.');
  if (schema.writeOnly) lines.push("A secret: pass a sensitive `TerraformVariable`'s value, so it stays out of git and cdk.tf.json; it is never in a plan or state.");
  return lines.join('\n');
}

/** The schema's own default, as TypeScript source. */
function defaultOf(schema: TSchema): string | undefined {
  if (schema.default !== undefined) return literal(schema.default);
  if (keyword(schema, 'derivedDefault')) return 'derived from the other fields (see above)';
  return undefined;
}

interface Limit {
  readonly text: string;
  /** The numbers the note states: a description that names them already says it. */
  readonly numbers: number[];
}

function limits(schema: TSchema): Limit[] {
  const out: Limit[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string): Limit | undefined => {
    if (min !== undefined && max !== undefined) return { text: `${min} to ${max} ${unit}.`, numbers: [max] };
    if (max !== undefined) return { text: `At most ${max} ${unit}.`, numbers: [max] };
    if (min !== undefined && min > 0) return { text: min === 1 && unit === 'characters' ? 'Not empty.' : `At least ${min} ${unit}.`, numbers: [min] };
    return undefined;
  };
  if (schema.type === 'string') {
    const length = range(schema.minLength, schema.maxLength, 'characters');
    if (length) out.push(length);
    const bytes = keyword(schema, 'maxBytes');
    if (bytes !== undefined) out.push({ text: `At most ${bytes} bytes in UTF-8.`, numbers: [bytes] });
  } else if (schema.type === 'integer' || schema.type === 'number') {
    const whole = schema.type === 'integer' ? 'A whole number' : 'A number';
    if (schema.minimum !== undefined && schema.maximum !== undefined) out.push({ text: `${whole} from ${schema.minimum} to ${schema.maximum}.`, numbers: [schema.maximum] });
    else if (schema.minimum !== undefined) out.push({ text: `${whole}, at least ${schema.minimum}.`, numbers: [schema.minimum] });
    else if (schema.maximum !== undefined) out.push({ text: `${whole}, at most ${schema.maximum}.`, numbers: [schema.maximum] });
  } else if (schema.type === 'array') {
    const items = range(schema.minItems, schema.maxItems, 'items');
    if (items) out.push(items);
  }
  return out;
}

/** TypeScript source of a JSON value: strings single-quoted. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return JSON.stringify(value);
}

function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' || /[.!?)…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function docBlock(text: string, indent: string): string {
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  return [`${indent}/**`, ...lines.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`].join('\n');
}
