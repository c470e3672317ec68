/**
 * Shape validation of an object against its kind's schema: types, limits, required fields,
 * unknown fields, and the model's own keywords. TypeBox does the JSON Schema part; this file
 * turns its findings into `Issue`s that name the field, the value and the expectation.
 */
import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import { keyword } from './annotations';
import { error, field, isWithin, msg, pointerSegments, show, value, type Issue, type MessagePart, type Path } from './issues';
import { KINDS, type KindName } from './kinds';
import { isRecord, mapValue, walk } from './walk';

/** The constraint each TypeBox finding stands for, as `Issue.rule` names it. */
const CONSTRAINT: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.ArrayMaxItems]: 'maxItems',
  [ValueErrorType.ArrayMinItems]: 'minItems',
  [ValueErrorType.IntegerMaximum]: 'maximum',
  [ValueErrorType.IntegerMinimum]: 'minimum',
  [ValueErrorType.Integer]: 'type',
  [ValueErrorType.Boolean]: 'type',
  [ValueErrorType.String]: 'type',
  [ValueErrorType.Array]: 'type',
  [ValueErrorType.Object]: 'type',
  [ValueErrorType.ObjectAdditionalProperties]: 'unknownField',
  [ValueErrorType.ObjectRequiredProperty]: 'required',
  [ValueErrorType.StringMaxLength]: 'maxLength',
  [ValueErrorType.StringMinLength]: 'minLength',
  [ValueErrorType.StringPattern]: 'pattern',
  [ValueErrorType.Union]: 'enum',
};

/** Removes the fields the server sets (`readOnly`): a client may send back what it read. */
export function withoutReadOnly(kind: KindName, input: unknown): unknown {
  return mapValue(KINDS[kind].schema, input, (schema, value) => (schema.readOnly ? undefined : value));
}

/** Finds everything wrong with the shape of `input` as an object of `kind` (read-only fields ignored). */
export function validateShape(kind: KindName, input: unknown): Issue[] {
  const schema = KINDS[kind].schema;
  const writable = withoutReadOnly(kind, input);
  const issues: Issue[] = [];
  // A value nested deeper than the model holds is reported once, by its depth, not by what the deepest level lacks.
  const tooDeep: Path[] = [];
  walk(schema, writable, (node, v, path) => {
    const limit = keyword(node, 'nestingLimit');
    if (!limit || !isRecord(v) || v[limit.field] === undefined) return;
    const at = [...path, limit.field];
    tooDeep.push([...path]);
    issues.push(error(at, 'nesting', msg`${field(at)} nests ${limit.what} more than ${limit.levels} levels deep, which the model does not hold; combine some of the inner ones into fewer levels`));
  });
  const seen = new Set<string>();
  for (const e of Value.Errors(schema, writable)) {
    // A union reports once per branch; one message for the field is enough.
    const key = `${e.path}|${e.type === ValueErrorType.Union ? 'union' : e.type}`;
    // A missing field is reported once as required, not again as having the wrong type.
    if (seen.has(key) || (e.value === undefined && seen.has(`${e.path}|${ValueErrorType.ObjectRequiredProperty}`))) continue;
    seen.add(key);
    const path = pointerSegments(e.path);
    if (tooDeep.some((deep) => isWithin(path, deep))) continue;
    issues.push(toIssue(e.type, e.schema, path, e.value, e.message));
  }
  walk(schema, writable, (node, value, path) => {
    if (!tooDeep.some((deep) => isWithin(path, deep))) issues.push(...modelKeywordIssues(node, value, path));
  });
  return issues;
}

function toIssue(type: ValueErrorType, schema: TSchema, path: Path, v: unknown, fallback: string): Issue {
  // A secret's value never goes into a message: messages end up in logs and terminals.
  const shown: MessagePart = schema.writeOnly ? 'a secret' : value(v);
  const at = field(path);
  const rule = keyword(schema, 'rule') ?? CONSTRAINT[type] ?? 'schema';
  let message: MessagePart[];
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      message = msg`${at} is required`;
      break;
    case ValueErrorType.ObjectAdditionalProperties:
      return error(path, 'unknownField', msg`${at} is not a known field`);
    case ValueErrorType.StringMaxLength:
      message = msg`${at} is ${String(v).length} characters long (${shown}); at most ${schema.maxLength as number} are allowed`;
      break;
    case ValueErrorType.StringMinLength:
      message = msg`${at} must have at least ${schema.minLength as number} character(s), got ${shown}`;
      break;
    case ValueErrorType.StringPattern:
      message = msg`${at} has the value ${shown}, which does not match ${String(schema.pattern)}${schema.description ? ` (${String(schema.description)})` : ''}`;
      break;
    case ValueErrorType.Union: {
      const allowed = Array.isArray(schema.anyOf) ? schema.anyOf.map((s: TSchema) => s.const).filter((c: unknown) => c !== undefined) : [];
      message = allowed.length
        ? msg`${at} has the value ${shown}; expected one of ${allowed.map((a: unknown) => show(a)).join(', ')}`
        : msg`${at} has the value ${shown}: ${fallback}`;
      break;
    }
    case ValueErrorType.ArrayMinItems:
      message = msg`${at} has ${Array.isArray(v) ? v.length : 0} item(s); at least ${schema.minItems as number} are required${schema.description ? ` (${String(schema.description)})` : ''}`;
      break;
    case ValueErrorType.ArrayMaxItems:
      message = msg`${at} has ${Array.isArray(v) ? v.length : 0} items; at most ${schema.maxItems as number} are allowed`;
      break;
    default:
      message = msg`${at} has the value ${shown}: ${fallback.charAt(0).toLowerCase()}${fallback.slice(1)}`;
  }
  return error(path, rule, message);
}

/** The model's own keywords, which JSON Schema validators do not know. */
function modelKeywordIssues(schema: TSchema, v: unknown, path: Path): Issue[] {
  const at = field([...path]);
  const issues: Issue[] = [];
  const maxBytes = keyword(schema, 'maxBytes');
  if (maxBytes !== undefined && typeof v === 'string') {
    const bytes = Buffer.byteLength(v, 'utf8');
    const shown: MessagePart = schema.writeOnly ? 'a secret' : value(v);
    if (bytes > maxBytes) issues.push(error([...path], 'maxBytes', msg`${at} is ${bytes} bytes long (${shown}); at most ${maxBytes} bytes are allowed`));
  }
  const choice = keyword(schema, 'exactlyOneOf');
  if (choice && isRecord(v)) {
    const set = choice.filter((k) => v[k] !== undefined && v[k] !== null);
    if (set.length !== 1) {
      const what = set.length === 0 ? 'none is set' : `${set.join(' and ')} are all set`;
      issues.push(error([...path], 'exactlyOneOf', msg`${at} must set exactly one of ${choice.join(', ')}; ${what}`));
    }
  }
  return issues;
}
