/**
 * How the model's names and values appear in Terraform: attributes are the model's fields in
 * snake_case (`commandLine` → `command_line`), resource types come from the kind registry. The
 * provider and the constructs both translate through here, so HCL, cdktf and the API agree.
 */
import type { TSchema } from '@sinclair/typebox';
import { isRecord } from './walk';

/** `commandLine` → `command_line`, `disable64BitRedirection` → `disable_64bit_redirection`. */
export function toTerraformName(field: string): string {
  let name = names.get(field);
  if (name === undefined) {
    name = field
      .replace(/([a-z])(\d+)([A-Z])/g, '$1_$2$3')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase();
    names.set(field, name);
  }
  return name;
}

/** Field names are few and converted on every value of every call: convert each once. */
const names = new Map<string, string>();

/** Converts a model value to its Terraform shape, renaming object keys along the schema. */
export function toTerraformValue(schema: TSchema, value: unknown): unknown {
  return rename(schema, value, toTerraformName);
}

function rename(schema: TSchema, value: unknown, name: (f: string) => string): unknown {
  if (value === null || value === undefined) return value;
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [field, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      if (value[field] !== undefined) out[name(field)] = rename(child, value[field], name);
    }
    return out;
  }
  if (schema.type === 'array' && schema.items && Array.isArray(value)) return value.map((v) => rename(schema.items as TSchema, v, name));
  return value;
}
