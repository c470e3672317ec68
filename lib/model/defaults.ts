/**
 * Defaults and derived values: what the server stores for an object when the client leaves a
 * field out, and the read-only fields computed from the others. The provider plans the same
 * values, so a plan never shows "known after apply" for a field the model can compute.
 */
import { Value } from '@sinclair/typebox/value';
import { KINDS, type KindName } from './kinds';

/** `input` with every schema default filled in and derived fields computed (`KindDefinition.derive`). Does not modify `input`. */
export function withDefaults<T extends Record<string, unknown>>(kind: KindName, input: T): T {
  const out = Value.Default(KINDS[kind].schema, structuredClone(input)) as Record<string, unknown>;
  KINDS[kind].derive?.(out);
  return out as T;
}
