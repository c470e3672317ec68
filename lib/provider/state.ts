/**
 * Between Terraform values (snake_case, every attribute present, null for absent, `Unknown` for
 * values only apply will know) and model values (camelCase, absent fields left out), on the
 * model's value mapper (`mapFields`).
 */
import type { TObject } from '@sinclair/typebox';
import { DESCEND, mapFields, setAt, terraformPath, toTerraformName, valueAt, versionAttributeName, type Path } from '../model';
import { Unknown, type TfObject, type TfValue } from '../tfplugin';

/** A Terraform object of `schema`'s shape as a model value (nulls dropped, unknowns kept). */
export function toModel(schema: TObject, value: TfObject): Record<string, unknown> {
  return (mapFields(schema, value, {
    inputKey: toTerraformName,
    node: (_schema, v) => (v === null ? undefined : v === Unknown ? v : typeof v === 'bigint' ? Number(v) : DESCEND),
  }) ?? {}) as Record<string, unknown>;
}

/**
 * A model value as a Terraform object of `schema`'s shape: every attribute present, nested ones
 * too, `null` where the model has nothing, `Unknown` kept. Secrets are null (write-only); the
 * `_wo_version` beside each secret exists only in Terraform, so it is carried over from `carry`
 * (the configuration when planning, the prior state when reading).
 */
export function toTerraform(schema: TObject, value: Record<string, unknown>, carry?: TfObject | null): TfObject {
  return mapFields(schema, value, {
    outputKey: toTerraformName,
    node: (s, v) => (v === Unknown ? Unknown : s.writeOnly ? null : DESCEND),
    absent: () => null,
    beside: (field, s, path, out) => {
      if (!s.writeOnly) return;
      const version = versionAttributeName(toTerraformName(field));
      out[version] = (valueAt(carry, [...terraformPath(path.slice(0, -1)), version]) as TfValue | undefined) ?? null;
    },
  }) as TfObject;
}

/** `value` with `Unknown` put back at each of `paths` (the values `partlyKnown` took out). */
export function withUnknownsAt(value: Record<string, unknown>, paths: readonly Path[]): Record<string, unknown> {
  for (const path of paths) setAt(value, path, Unknown);
  return value;
}
