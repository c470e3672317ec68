/**
 * What changed between two values of one object (or one step), field by field along the model's
 * schema, each field named as Terraform names it (`run_command_line.command_line`,
 * `partitions[1].size`): the names both an HCL user and a cdktf user see in `terraform plan` and
 * `cdktf diff`.
 *
 * A change carries the values before and after as JSON, never a hidden one: a value known only
 * after apply is flagged, a sensitive one is only said to have changed, a write-only secret whose
 * version changed reads as rotated.
 */
import type { TSchema } from '@sinclair/typebox';
import { isRecord, terraformPathText, type Path } from '../model';
import { fieldsOf } from '../model/walk';
import { isHidden, sameValue, Secret, Sensitive, UNKNOWN } from './values';

export interface FieldChange {
  /** The attribute, as Terraform names it, relative to the object or step. */
  readonly field: string;
  /** The value before; absent when the field was not set (or is sensitive or secret). */
  readonly before?: unknown;
  /** The value after; absent when the field is not set (or is unknown, sensitive or secret). */
  readonly after?: unknown;
  /** The value after is known only when the plan is applied. */
  readonly afterUnknown?: true;
  /** The value is sensitive: only that it changed is told. */
  readonly sensitive?: true;
  /** A write-only secret: sent anew (`rotated`), given for the first time (`set`), or no longer given (`removed`). */
  readonly secret?: 'rotated' | 'set' | 'removed';
  /** The values are readable text made from the field (a condition: `Model LIKE '%R710%'`), not the field's own value. */
  readonly readable?: true;
}

export interface DiffOptions {
  /** Fields left out of the comparison (e.g. a step's name and group, which identify it). */
  readonly skip?: (field: string, path: Path) => boolean;
  /** For a field compared as a whole and shown as text (a condition): the text of a value. */
  readonly asText?: (path: Path) => ((value: unknown) => string) | undefined;
  /** Leave out values equal to the schema's default when there is no value before (a new object). */
  readonly omitDefaults?: boolean;
}

/** The changes from `before` to `after` (either may be undefined: a new or a removed object). */
export function diffFields(schema: TSchema | undefined, before: unknown, after: unknown, options: DiffOptions = {}): FieldChange[] {
  const out: FieldChange[] = [];
  diffNode(schema, before, after, [], options, out);
  return out;
}

function diffNode(schema: TSchema | undefined, before: unknown, after: unknown, path: (string | number)[], options: DiffOptions, out: FieldChange[]): void {
  if (sameValue(before, after) || (before === undefined && after === undefined)) return;
  const text = path.length > 0 ? options.asText?.(path) : undefined;
  if (text) {
    const [b, a] = [before === undefined ? undefined : text(before), after === undefined ? undefined : text(after)];
    if (b !== a) out.push({ ...leaf(path, b, a), readable: true });
    return;
  }
  if (!isHidden(before) && !isHidden(after) && (isRecord(before) || isRecord(after)) && !Array.isArray(before) && !Array.isArray(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    for (const [field, child] of childFields(schema, b, a)) {
      const at = [...path, field];
      if (options.skip?.(field, at)) continue;
      diffNode(child, b[field], a[field], at, options, out);
    }
    return;
  }
  const items = schema?.type === 'array' ? (schema.items as TSchema | undefined) : undefined;
  const objectItems = items ? items.type === 'object' : [before, after].some((v) => Array.isArray(v) && v.some(isRecord));
  if (objectItems && (Array.isArray(before) || before === undefined) && (Array.isArray(after) || after === undefined)) {
    const b = (before as unknown[] | undefined) ?? [];
    const a = (after as unknown[] | undefined) ?? [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffNode(items, b[i], a[i], [...path, i], options, out);
    return;
  }
  if (before === undefined && options.omitDefaults && schema?.default !== undefined && sameValue(schema.default, after)) return;
  out.push(leaf(path, before, after));
}

/** The fields to compare: the schema's, in its order, or (without a schema) both values' keys, sorted. */
function childFields(schema: TSchema | undefined, before: Record<string, unknown>, after: Record<string, unknown>): [string, TSchema | undefined][] {
  if (schema?.type === 'object' && schema.properties) return fieldsOf(schema);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort().map((k) => [k, undefined]);
}

function leaf(path: Path, before: unknown, after: unknown): FieldChange {
  const field = terraformPathText(path);
  if (before instanceof Secret || after instanceof Secret) {
    return { field, secret: before === undefined ? 'set' : after === undefined ? 'removed' : 'rotated' };
  }
  if (before instanceof Sensitive || after instanceof Sensitive) return { field, sensitive: true };
  return {
    field,
    ...(before !== undefined && before !== UNKNOWN ? { before: shown(before) } : {}),
    ...(after === UNKNOWN ? { afterUnknown: true as const } : after !== undefined ? { after: shown(after) } : {}),
  };
}

/** A value as JSON: a list's hidden items (never expected) read as null. */
function shown(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (isHidden(x) ? null : shown(x)));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isHidden(x) ? null : shown(x)]));
  return v;
}
