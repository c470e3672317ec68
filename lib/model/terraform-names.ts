/**
 * How the model's names and values appear in Terraform: attributes are the model's fields in
 * snake_case (`commandLine` → `command_line`), resource types come from the kind registry, and a
 * field in a message is a Terraform attribute path (`steps[3].run_command_line`). The provider
 * and the constructs both translate through here, so HCL, cdktf and the API agree.
 */
import type { TSchema } from '@sinclair/typebox';
import type { MessageStyle } from './format';
import type { Path } from './issues';
import { mapFields } from './walk';

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
  return mapFields(schema, value, { outputKey: toTerraformName });
}

/** A model path as a Terraform attribute path: `['steps', 3, 'runCommandLine']` → `['steps', 3, 'run_command_line']`. */
export function terraformPath(path: Path): (string | number)[] {
  return path.map((s) => (typeof s === 'number' ? s : toTerraformName(s)));
}

/** A model path as Terraform writes it: `steps[3].run_command_line.hardware`. */
export function terraformPathText(path: Path): string {
  let text = '';
  for (const s of path) text += typeof s === 'number' ? `[${s}]` : text === '' ? toTerraformName(s) : `.${toTerraformName(s)}`;
  return text;
}

/** Messages as a Terraform user reads them: fields as attribute paths. */
export const TERRAFORM_STYLE: MessageStyle = {
  field: (path) => (path.length === 0 ? 'the resource' : terraformPathText(path)),
};

/** The attribute beside a write-only one whose change makes Terraform send the secret again. */
export function versionAttributeName(secretAttribute: string): string {
  return `${secretAttribute}_wo_version`;
}

/** Terraform's type of a field that is not an object (its cty type, as JSON): what the provider schema and the docs show. */
export type TerraformType = 'string' | 'number' | 'bool' | readonly ['list', TerraformType];

/** The Terraform type of a field that is not an object. */
export function ctyTypeOf(schema: TSchema): TerraformType {
  if (Array.isArray(schema.anyOf)) return 'string'; // a closed set of strings
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'array':
      return ['list', ctyTypeOf(schema.items as TSchema)];
    default:
      throw new Error(`the model has a field of a type Terraform has no mapping for: ${JSON.stringify(schema).slice(0, 120)}`);
  }
}

/** Whether a field is filled in by the server (or the plan) when the configuration leaves it out: Terraform computes it. */
export function hasDefault(schema: TSchema): boolean {
  return schema.default !== undefined || schema.derivedDefault === true;
}
