/**
 * Secrets (schema `writeOnly`): passwords and keys inside task sequence steps. The API accepts
 * them and never returns them; a read shows `{ set, version }` in their place.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { SecretStatus } from './annotations';
import { pointer } from './issues';
import { KINDS, type KindName } from './kinds';
import { isRecord, mapValue, walk } from './walk';

export type SecretStatusValue = Static<typeof SecretStatus>;

/** The JSON pointers of the secrets present in `value`, with what is there (a value or a status). */
export function secretsOf(kind: KindName, value: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  walk(KINDS[kind].schema, value, (schema, v, path) => {
    if (schema.writeOnly) found.set(pointer(...path), v);
  });
  return found;
}

/** Replaces each secret in `value` by what `replace` returns for its pointer (undefined removes it). */
export function replaceSecrets(kind: KindName, value: unknown, replace: (pointer: string, current: unknown) => unknown): unknown {
  return mapValue(KINDS[kind].schema, value, (schema, v, path) => (schema.writeOnly ? replace(pointer(...path), v) : v));
}

/** Whether `v` is the `{ set, version }` a read returns in place of a secret. */
export function isSecretStatus(v: unknown): v is SecretStatusValue {
  return isRecord(v) && typeof v.set === 'boolean' && typeof v.version === 'number' && Object.keys(v).length === 2;
}

/** Whether the kind has secret fields anywhere in its schema. */
export function hasSecrets(kind: KindName): boolean {
  const anyWriteOnly = (schema: TSchema): boolean =>
    schema.writeOnly === true ||
    (schema.type === 'object' && Object.values((schema.properties ?? {}) as Record<string, TSchema>).some(anyWriteOnly)) ||
    (schema.type === 'array' && schema.items !== undefined && anyWriteOnly(schema.items as TSchema));
  return anyWriteOnly(KINDS[kind].schema);
}
