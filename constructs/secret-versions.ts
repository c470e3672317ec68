/**
 * Rotating secrets. Secrets are write-only: Terraform never stores them, so it cannot see one
 * change. The provider puts a `<name>_wo_version` number beside each secret attribute; changing
 * it makes Terraform send the secret again. Constructs take one `secretsVersion` per object and
 * write it beside every secret the object sets.
 */
import type { TSchema } from '@sinclair/typebox';
import { toTerraformName, versionAttributeName } from '../lib/model';

/**
 * `attributes` (Terraform names, shaped by `schema`) with `<secret>_wo_version: version` beside
 * every secret that is set. Does not modify `attributes`.
 */
export function withSecretVersions(schema: TSchema, attributes: unknown, version: number): unknown {
  if (attributes === null || attributes === undefined) return attributes;
  if (schema.type === 'object' && schema.properties && typeof attributes === 'object' && !Array.isArray(attributes)) {
    const out: Record<string, unknown> = { ...(attributes as Record<string, unknown>) };
    for (const [field, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      const name = toTerraformName(field);
      if (out[name] === undefined) continue;
      if (child.writeOnly) out[versionAttributeName(name)] = version;
      else out[name] = withSecretVersions(child, out[name], version);
    }
    return out;
  }
  if (schema.type === 'array' && schema.items && Array.isArray(attributes)) {
    return attributes.map((item) => withSecretVersions(schema.items as TSchema, item, version));
  }
  return attributes;
}
