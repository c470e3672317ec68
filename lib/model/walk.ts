/**
 * Walks a value alongside its schema. The model's own keywords (`maxBytes`, `exactlyOneOf`,
 * `references`, `writeOnly`, `readOnly`) are read this way, so each concern that needs them is a
 * small visitor instead of another hand-written list of fields.
 */
import type { TSchema } from '@sinclair/typebox';
import { pointer } from './issues';

export type Visitor = (schema: TSchema, value: unknown, path: (string | number)[]) => void;

/** Visits every schema node that has a value present, parents before children. */
export function walk(schema: TSchema, value: unknown, visit: Visitor, path: (string | number)[] = []): void {
  if (value === undefined) return;
  visit(schema, value, path);
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    for (const [key, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      walk(child, value[key], visit, [...path, key]);
    }
  } else if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    value.forEach((item, i) => walk(schema.items as TSchema, item, visit, [...path, i]));
  }
}

/** Maps a value alongside its schema, bottom-up; `transform` may replace any node's value. */
export function mapValue(
  schema: TSchema,
  value: unknown,
  transform: (schema: TSchema, value: unknown, path: (string | number)[]) => unknown,
  path: (string | number)[] = [],
): unknown {
  let next = value;
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const [key, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { pointer };
