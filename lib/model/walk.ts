/**
 * Walking and mapping values alongside their schema. The model's own keywords (`maxBytes`,
 * `exactlyOneOf`, `references`, `writeOnly`, `readOnly`) are read this way, so each concern that
 * needs them is a small visitor or a few hooks instead of another hand-written walk over fields:
 * Terraform naming, provider state, secrets, read-only fields and unknown values all go through
 * `walk`, `mapValue` or `mapFields`.
 */
import type { TSchema } from '@sinclair/typebox';
import type { Path } from './issues';

export type Visitor = (schema: TSchema, value: unknown, path: (string | number)[]) => void;

/** Visits every schema node that has a value present, parents before children. */
export function walk(schema: TSchema, value: unknown, visit: Visitor, path: (string | number)[] = []): void {
  if (value === undefined) return;
  visit(schema, value, path);
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    for (const [key, child] of fieldsOf(schema)) walk(child, value[key], visit, [...path, key]);
  } else if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    value.forEach((item, i) => walk(schema.items as TSchema, item, visit, [...path, i]));
  }
}

/**
 * Maps a value alongside its schema, bottom-up; `transform` may replace any node's value
 * (undefined removes a field). Keys the schema does not know are kept as they are.
 */
export function mapValue(
  schema: TSchema,
  value: unknown,
  transform: (schema: TSchema, value: unknown, path: (string | number)[]) => unknown,
  path: (string | number)[] = [],
): unknown {
  let next = value;
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const [key, child] of fieldsOf(schema)) {
      if (!(key in value)) continue;
      const mapped = mapValue(child, value[key], transform, [...path, key]);
      if (mapped === undefined) delete out[key];
      else out[key] = mapped;
    }
    next = out;
  } else if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    next = value.map((item, i) => mapValue(schema.items as TSchema, item, transform, [...path, i]));
  }
  return transform(schema, next, path);
}

/** Returned by `FieldMapping.node` to map a value the usual way (its fields, or its items). */
export const DESCEND: unique symbol = Symbol('descend');

/**
 * How `mapFields` maps a value. Paths handed to the hooks are model paths (field names as the
 * model spells them) and are reused between calls: copy one to keep it.
 */
export interface FieldMapping {
  /** The key of a field in the input object (default: the field name). */
  readonly inputKey?: (field: string) => string;
  /** The key of a field in the output object (default: the field name). */
  readonly outputKey?: (field: string) => string;
  /**
   * Called for every value present (not undefined), before its fields or items: return the
   * output for it (undefined leaves the field out), or `DESCEND` to map it the usual way.
   */
  readonly node?: (schema: TSchema, value: unknown, path: Path) => unknown;
  /** The output of a field an input object leaves out (default: left out). */
  readonly absent?: (schema: TSchema, path: Path) => unknown;
  /** Adds entries beside field `field` in the output object (e.g. a Terraform-only attribute). */
  readonly beside?: (field: string, schema: TSchema, path: Path, output: Record<string, unknown>) => void;
}

/**
 * Maps a value field by field along its schema: an object's output holds the schema's fields
 * only (keys renamed by `inputKey`/`outputKey`), a list's output its mapped items, anything else
 * is copied unless `node` says otherwise.
 */
export function mapFields(schema: TSchema, value: unknown, mapping: FieldMapping): unknown {
  return mapNode(schema, value, mapping, []);
}

function mapNode(schema: TSchema, value: unknown, m: FieldMapping, path: (string | number)[]): unknown {
  if (m.node) {
    const own = m.node(schema, value, path);
    if (own !== DESCEND) return own;
  }
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [field, child] of fieldsOf(schema)) {
      const item = value[m.inputKey ? m.inputKey(field) : field];
      path.push(field);
      const mapped = item === undefined ? m.absent?.(child, path) : mapNode(child, item, m, path);
      if (mapped !== undefined) out[m.outputKey ? m.outputKey(field) : field] = mapped;
      m.beside?.(field, child, path, out);
      path.pop();
    }
    return out;
  }
  if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    const items = schema.items as TSchema;
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out[i] = mapNode(items, value[i], m, path);
      path.pop();
    }
    return out;
  }
  return value;
}

/** The fields of an object schema, listed once per schema: the mappers run on every value of every call. */
const fieldLists = new WeakMap<TSchema, [string, TSchema][]>();

export function fieldsOf(schema: TSchema): [string, TSchema][] {
  let fields = fieldLists.get(schema);
  if (!fields) {
    fields = Object.entries((schema.properties ?? {}) as Record<string, TSchema>);
    fieldLists.set(schema, fields);
  }
  return fields;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `root`, or undefined. */
export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Sets `value` at `path` inside `root`, creating the objects and lists on the way. */
export function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  }
  if (path.length > 0) node[path[path.length - 1]] = value;
}
