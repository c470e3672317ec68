/**
 * Defaults and derived values: what the server stores for an object when the client leaves a
 * field out, and the read-only fields computed from the others. The provider plans the same
 * values, so a plan never shows "known after apply" for a field the model can compute.
 */
import { Value } from '@sinclair/typebox/value';
import { KINDS, type KindName } from './kinds';
import { DEFAULT_CLIENT_SOURCE, type Package } from './package';
import { programFlags, type Program } from './program';

/** `input` with every schema default filled in and derived fields computed. Does not modify `input`. */
export function withDefaults<T extends Record<string, unknown>>(kind: KindName, input: T): T {
  const out = Value.Default(KINDS[kind].schema, structuredClone(input)) as Record<string, unknown>;
  if (kind === 'package') {
    const pkg = out as Package;
    // R3: the client installation files are on every site server at a known place.
    if (pkg.role === 'client' && !pkg.sourcePath) pkg.sourcePath = DEFAULT_CLIENT_SOURCE;
  }
  if (kind === 'program') out.flags = programFlags(out as Program);
  return out as T;
}
