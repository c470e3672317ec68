/**
 * A planned value as the review compares it: the model's shape (camelCase fields, absent for
 * null) read from Terraform's (snake_case, every attribute present), with three kinds of value
 * that are never shown:
 *
 *   UNKNOWN    known only after apply (`after_unknown`), e.g. the ID of an object being created;
 *   Sensitive  marked sensitive by Terraform (`before_sensitive` / `after_sensitive`): only a
 *              digest is kept, enough to tell whether it changed;
 *   Secret     a write-only secret: never in a plan; its `<name>_wo_version` beside it is, and a
 *              new version means the secret was rotated.
 */
import { createHash } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import { DESCEND, isRecord, mapFields, toTerraformName, valueAt, versionAttributeName, type Path } from '../model';

export const UNKNOWN: unique symbol = Symbol('known after apply');

export class Sensitive {
  /** A digest of the value, to compare before and after; the value itself is not kept. */
  constructor(readonly digest: string) {}
}

export class Secret {
  constructor(readonly version: number) {}
}

export type Hidden = typeof UNKNOWN | Sensitive | Secret;

export function isHidden(v: unknown): v is Hidden {
  return v === UNKNOWN || v instanceof Sensitive || v instanceof Secret;
}

function sensitive(v: unknown): Sensitive {
  return new Sensitive(createHash('sha256').update(JSON.stringify(v) ?? 'null').digest('base64'));
}

/** Terraform marks a value unknown or sensitive with `true` at its place in a tree of the value's shape. */
function marked(tree: unknown, path: readonly (string | number)[]): boolean {
  return tree === true || valueAt(tree, path) === true;
}

export interface Markings {
  readonly unknown?: unknown;
  readonly sensitive?: unknown;
}

/**
 * Follows a tree of Terraform's shape (a marking, or the value itself) along the model paths that
 * `mapFields` visits, parents before children: each lookup is one step from the parent's node, not
 * a walk from the root (plans are large).
 */
class Follower {
  private readonly nodes: unknown[];
  constructor(root: unknown) {
    this.nodes = [root];
  }
  /** The tree's node at `path`, which must be a child of the last path looked up at its parent's depth. */
  at(path: Path): unknown {
    const depth = path.length;
    if (depth === 0) return this.nodes[0];
    const parent = this.nodes[depth - 1];
    const segment = path[depth - 1];
    const node = parent === true ? true : typeof parent === 'object' && parent !== null ? (parent as Record<string | number, unknown>)[typeof segment === 'number' ? segment : toTerraformName(segment)] : undefined;
    this.nodes[depth] = node;
    return node;
  }
  /** The node last looked up at `depth`. */
  last(depth: number): unknown {
    return this.nodes[depth];
  }
}

/**
 * A Terraform object of `schema`'s kind as a model value. `undefined` for no object (the before
 * of a create, the after of a delete).
 */
export function toModelValue(schema: TSchema, value: unknown, markings: Markings): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  const values = new Follower(value);
  const unknown = new Follower(markings.unknown);
  const sensitiveMarks = new Follower(markings.sensitive);
  const out = mapFields(schema, value, {
    inputKey: toTerraformName,
    node: (_s, v, path) => {
      values.at(path);
      const isUnknown = unknown.at(path) === true;
      const isSensitive = sensitiveMarks.at(path) === true;
      if (isUnknown) return UNKNOWN;
      if (v === null) return undefined;
      if (isSensitive) return sensitive(v);
      return DESCEND;
    },
    absent: (_s, path) => (unknown.at(path) === true ? UNKNOWN : undefined),
    beside: (field, s, path, output) => {
      if (!s.writeOnly) return;
      // The secret itself is null in every plan; the version beside it says whether it was sent anew.
      const parent = values.last(path.length - 1) as Record<string, unknown> | undefined;
      const version = parent?.[versionAttributeName(toTerraformName(field))];
      if (typeof version === 'number') output[field] = new Secret(version);
    },
  });
  return isRecord(out) ? out : undefined;
}

/**
 * A value of a resource type the model does not know (another provider's), kept in Terraform's
 * own names with the same markings.
 */
export function toPlainValue(value: unknown, markings: Markings, path: (string | number)[] = []): unknown {
  if (marked(markings.unknown, path)) return UNKNOWN;
  if (value === null || value === undefined) return undefined;
  if (marked(markings.sensitive, path)) return sensitive(value);
  if (Array.isArray(value)) return value.map((v, i) => toPlainValue(v, markings, [...path, i]));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const mapped = toPlainValue(v, markings, [...path, key]);
      if (mapped !== undefined) out[key] = mapped;
    }
    for (const key of unknownKeys(markings.unknown, path)) if (!(key in out)) out[key] = UNKNOWN;
    return out;
  }
  return value;
}

function unknownKeys(tree: unknown, path: readonly (string | number)[]): string[] {
  const node = valueAt(tree, path);
  return isRecord(node) ? Object.keys(node).filter((k) => node[k] === true) : [];
}

/** Whether two compared values are the same (an unknown value is never the same as anything). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === UNKNOWN || b === UNKNOWN) return false;
  if (a instanceof Sensitive || b instanceof Sensitive) return a instanceof Sensitive && b instanceof Sensitive && a.digest === b.digest;
  if (a instanceof Secret || b instanceof Secret) return a instanceof Secret && b instanceof Secret && a.version === b.version;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}
