/**
 * How the server keeps write-only fields (secrets, schema `writeOnly`) out of everything it shows.
 *
 * A write may carry, at a secret's place, a value (store it) or the `{ set, version }` status a
 * read returned (keep what is stored); a secret left out is removed. Secrets live in their own
 * table keyed by JSON pointer, never in the object's body, and reads and audit records only ever
 * show the status (messages never hold a secret: the model leaves them out). Which fields are secret comes from the model (`secretsOf`,
 * `replaceSecrets`), never from a list here.
 */
import { error, field, isRecord, isSecretStatus, msg, pointerSegments, replaceSecrets, secretsOf, value, type Issue, type KindName } from '../model';
import type { StoredSecret } from './store';

/**
 * `input` with every `{ set: true, version }` status replaced by the value stored at that pointer,
 * and every `{ set: false }` status dropped. A status for which nothing is stored is an error: the
 * server cannot keep a value it does not have.
 */
export function resolveSecretStatuses(kind: KindName, input: unknown, stored: readonly StoredSecret[]): { input: unknown; errors: Issue[] } {
  const byPointer = new Map(stored.filter((s) => s.value !== null).map((s) => [s.pointer, s]));
  const errors: Issue[] = [];
  const resolved = replaceSecrets(kind, input, (at, current) => {
    if (!isSecretStatus(current)) return current;
    if (!current.set) return undefined;
    const kept = byPointer.get(at);
    if (kept) return kept.value;
    const path = pointerSegments(at);
    errors.push(
      error(path, 'writeOnly', msg`${field(path)} is ${value(current)}, which asks to keep the stored secret, but none is stored there; send the secret's value instead`),
    );
    return current;
  });
  return { input: resolved, errors };
}

/** Splits a checked object into its body (secrets removed) and its secrets by pointer. */
export function splitSecrets(kind: KindName, value: Record<string, unknown>): { body: Record<string, unknown>; secrets: Map<string, string> } {
  const secrets = new Map<string, string>();
  for (const [at, v] of secretsOf(kind, value)) if (typeof v === 'string') secrets.set(at, v);
  const body = secrets.size === 0 ? value : (replaceSecrets(kind, value, () => undefined) as Record<string, unknown>);
  return { body, secrets };
}

/**
 * The secret rows to store after a write: an unchanged value keeps its version, a new or
 * different value gets the next one, and a secret no longer sent stays as a tombstone (value
 * null) so that its version never goes back.
 */
export function nextSecretRows(previous: readonly StoredSecret[], next: ReadonlyMap<string, string>): StoredSecret[] {
  const before = new Map(previous.map((s) => [s.pointer, s]));
  const rows: StoredSecret[] = [];
  for (const [pointer, value] of next) {
    const old = before.get(pointer);
    rows.push({ pointer, value, version: old && old.value === value ? old.version : (old?.version ?? 0) + 1 });
  }
  for (const old of previous) if (!next.has(old.pointer)) rows.push({ pointer: old.pointer, value: null, version: old.version });
  return rows;
}

/** The object as a read shows it: the body with `{ set: true, version }` at each stored secret's place. */
export function withSecretStatuses(body: Record<string, unknown>, secrets: readonly StoredSecret[]): Record<string, unknown> {
  const present = secrets.filter((s) => s.value !== null);
  if (present.length === 0) return body;
  const view = structuredClone(body);
  for (const s of present) setAtPointer(view, s.pointer, { set: true, version: s.version });
  return view;
}

/** The object with its secret values restored (what the rules see as the stored object). */
export function withSecretValues(body: Record<string, unknown>, secrets: readonly StoredSecret[]): Record<string, unknown> {
  const present = secrets.filter((s) => s.value !== null);
  if (present.length === 0) return body;
  const full = structuredClone(body);
  for (const s of present) setAtPointer(full, s.pointer, s.value);
  return full;
}

/** Sets `value` at a JSON pointer whose parents exist (they do: the pointer came from this object). */
function setAtPointer(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = pointerSegments(pointer);
  let node: unknown = target;
  for (const segment of segments.slice(0, -1)) {
    node = Array.isArray(node) ? node[segment as number] : isRecord(node) ? node[segment] : undefined;
    if (node === undefined) return;
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(node)) node[last as number] = value;
  else if (isRecord(node)) node[last as string] = value;
}
