/**
 * Values in the shape a schema gives them. Terraform insists that a state carries exactly the
 * schema's attributes, at every depth; state stored by an older build may lack an attribute
 * added since or hold one since dropped.
 */
import type { Schema, SchemaAttribute, SchemaBlock, SchemaNestedBlock, SchemaObject } from './protocol/types.js';
import { isTfObject, type TfObject, type TfValue } from './protocol/values.js';

/**
 * `value` with every attribute of `schema` (null where it has none) and no others, nested
 * attributes and blocks included; attribute values themselves are kept as they are (numbers
 * exactly). Anything but an object gives null.
 */
export function fitToSchema(schema: Schema, value: TfValue | undefined): TfObject | null {
  return isTfObject(value) ? fitBlock(schema.block, value) : null;
}

function fitBlock(block: SchemaBlock, value: TfObject): TfObject {
  const out: TfObject = {};
  for (const attribute of block.attributes ?? []) out[attribute.name] = fitAttribute(attribute, value[attribute.name]);
  for (const nested of block.block_types ?? []) out[nested.type_name] = fitNestedBlock(nested, value[nested.type_name]);
  return out;
}

function fitAttribute(attribute: SchemaAttribute, value: TfValue | undefined): TfValue {
  if (value === undefined || value === null) return null;
  return attribute.nested_type ? fitNested(attribute.nested_type.nesting, value, (v) => fitObject(attribute.nested_type!, v)) : value;
}

function fitObject(object: SchemaObject, value: TfObject): TfObject {
  return fitBlock({ attributes: object.attributes }, value);
}

function fitNestedBlock(nested: SchemaNestedBlock, value: TfValue | undefined): TfValue {
  if (value === undefined || value === null) {
    if (nested.nesting === 'GROUP') return fitBlock(nested.block, {});
    return nested.nesting === 'LIST' || nested.nesting === 'SET' ? [] : null;
  }
  return fitNested(nested.nesting === 'GROUP' ? 'SINGLE' : nested.nesting, value, (v) => fitBlock(nested.block, v));
}

/** Applies `fit` to the object, to each element of a list or set, or to each value of a map. */
function fitNested(nesting: SchemaObject['nesting'], value: TfValue, fit: (object: TfObject) => TfObject): TfValue {
  switch (nesting) {
    case 'SINGLE':
      return isTfObject(value) ? fit(value) : value;
    case 'LIST':
    case 'SET':
      return Array.isArray(value) ? value.map((item) => (isTfObject(item) ? fit(item) : item)) : value;
    case 'MAP':
      return isTfObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, isTfObject(item) ? fit(item) : item])) : value;
  }
}
