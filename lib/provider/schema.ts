/**
 * Terraform schemas derived from the resource model: a field's type, whether Terraform must be
 * given it, may be given it, or learns it from the server, whether it is secret, and its
 * description all come from the kind's TypeBox schema.
 *
 *   required field                        → required
 *   optional field with a default          → optional + computed (the plan shows the default)
 *   optional field                         → optional
 *   read-only field (`id`, `flags`)         → computed
 *   secret (`writeOnly`)                    → optional + sensitive + write_only (never in plan or state),
 *                                            beside it `<name>_wo_version`: Terraform cannot see a change
 *                                            of a value it never stores, so a new version sends it again
 *   object / list of objects               → nested attributes (SINGLE / LIST), so a plan names the
 *                                            element that changed: steps[4].run_command_line.command_line
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import { ctyTypeOf, hasDefault, toTerraformName, versionAttributeName } from '../model';
import type { CtyType, SchemaAttribute, SchemaObject } from '../tfplugin';

export interface AttributeOptions {
  /** Whether Terraform may send write-only attributes (its client capability). Without it secrets are sensitive attributes. */
  readonly writeOnly: boolean;
  /** For data sources: every field is computed, except the lookup keys given here. */
  readonly lookupKeys?: readonly string[];
}


export function attributesOf(object: TObject, options: AttributeOptions): SchemaAttribute[] {
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties as Record<string, TSchema>).flatMap(([field, schema]) => {
    const attribute = attributeOf(field, schema, required.has(field), options);
    if (!schema.writeOnly) return [attribute];
    const version: SchemaAttribute = {
      name: versionAttributeName(attribute.name),
      type: 'number',
      ...(options.lookupKeys ? { computed: true } : { optional: true }),
      description: `Change this number to send a new \`${attribute.name}\`: the value itself is never stored, so Terraform cannot see it change.`,
      description_kind: 'MARKDOWN',
    };
    return [attribute, version];
  });
}

function attributeOf(field: string, schema: TSchema, isRequired: boolean, options: AttributeOptions): SchemaAttribute {
  const attribute: SchemaAttribute = {
    name: toTerraformName(field),
    description: schema.description,
    description_kind: 'MARKDOWN',
  };
  const nested = nestedTypeOf(schema, options);
  if (nested) attribute.nested_type = nested;
  else attribute.type = ctyTypeOf(schema);

  if (options.lookupKeys) {
    if (options.lookupKeys.includes(field)) attribute[isRequired ? 'required' : 'optional'] = true;
    else attribute.computed = true;
  } else if (schema.readOnly) attribute.computed = true;
  else if (isRequired) attribute.required = true;
  else {
    attribute.optional = true;
    if (hasDefault(schema)) attribute.computed = true;
  }
  if (schema.writeOnly) {
    attribute.sensitive = true;
    if (options.writeOnly && !options.lookupKeys) {
      attribute.write_only = true;
      attribute.computed = false;
      attribute.required = false;
      attribute.optional = true;
    }
  }
  return attribute;
}

function nestedTypeOf(schema: TSchema, options: AttributeOptions): SchemaObject | undefined {
  if (schema.type === 'object' && schema.properties) {
    return { nesting: 'SINGLE', attributes: attributesOf(schema as TObject, options) };
  }
  if (schema.type === 'array' && schema.items?.type === 'object') {
    return { nesting: 'LIST', attributes: attributesOf(schema.items as TObject, options) };
  }
  return undefined;
}
