/**
 * Deciding whether a write whose response was lost took effect.
 *
 * A PUT with If-Match whose response is lost after the server committed it is answered 412 on the
 * retry: the ETag changed, by that very write. Failing the call would make Terraform report an
 * error for a change that was made. So the client reads the object back and compares it with
 * what it sent, the way the server stores it: read-only fields dropped, defaults filled in. If
 * they match, the object is in the state the caller asked for and the update counts as done.
 *
 * Secrets cannot be compared (a read only shows `{ set, version }`); a secret sent as a new value
 * must read as set. The model is loaded here on first use only: this path is rare.
 */
import type { KindName } from '../model';

type Model = typeof import('../model');
let model: Model | undefined;
const load = (): Model => (model ??= require('../model') as Model);

/** Whether `read` (what the server now holds) is what writing `sent` would have stored. */
export function holdsWhatWasSent(kind: KindName, sent: unknown, read: unknown): boolean {
  const m = load();
  const sentSecrets = m.secretsOf(kind, sent);
  const readSecrets = m.secretsOf(kind, read);
  for (const [pointer, value] of sentSecrets) {
    if (typeof value !== 'string') continue; // a status sent back keeps whatever is stored
    const status = readSecrets.get(pointer);
    if (!m.isSecretStatus(status) || !status.set) return false;
  }
  return canonical(comparable(m, kind, sent)) === canonical(comparable(m, kind, read));
}

function comparable(m: Model, kind: KindName, value: unknown): unknown {
  const withoutSecrets = m.replaceSecrets(kind, value, () => undefined);
  const writable = m.withoutReadOnly(kind, withoutSecrets) as Record<string, unknown>;
  return m.withDefaults(kind, writable);
}

/** JSON with object keys sorted, so two equal values give the same text whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
