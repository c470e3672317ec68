/**
 * Conversions between the generated wire messages (wire.ts) and the plain types handlers use
 * (types.ts): enum names to numbers, attribute-path arrays to AttributePath steps, cty types to
 * their JSON bytes, DynamicValues to JS values.
 */
import type {
  AttributePath,
  ClientCapabilities,
  Deferred,
  Diagnostic,
  Schema,
  SchemaAttribute,
  SchemaBlock,
  SchemaNestedBlock,
  SchemaObject,
  StringKind,
} from '../protocol/types.js';
import { decodeDynamicValue, isTfObject, type TfObject } from '../protocol/values.js';
import type {
  WireAttributePath,
  WireClientCapabilities,
  WireDeferred,
  WireDiagnostic,
  WireDynamicValue,
  WireSchema,
  WireSchemaAttribute,
  WireSchemaBlock,
  WireSchemaNestedBlock,
  WireSchemaObject,
  WireStep,
} from '../protocol/wire.js';

const SEVERITY = { ERROR: 1, WARNING: 2 } as const;
const STRING_KIND = { PLAIN: 0, MARKDOWN: 1 } as const;
const NESTING = { SINGLE: 1, LIST: 2, SET: 3, MAP: 4, GROUP: 5 } as const;
const DEFERRED_REASON = { RESOURCE_CONFIG_UNKNOWN: 1, PROVIDER_CONFIG_UNKNOWN: 2, ABSENT_PREREQ: 3 } as const;

/** Looks a name up in an enum table, failing loudly on a typo rather than sending 0 (INVALID). */
function enumValue<T extends Record<string, number>>(table: T, name: string, what: string): number {
  const value = (table as Record<string, number>)[name];
  if (value === undefined) throw new Error(`invalid ${what} "${name}"; expected one of ${Object.keys(table).join(', ')}`);
  return value;
}

// --- paths and diagnostics -----------------------------------------------------------------

export function wirePath(path: AttributePath): WireAttributePath {
  const steps = path.map((step): WireStep => {
    if (typeof step === 'string') return { attribute_name: step };
    if (typeof step === 'number') {
      if (!Number.isInteger(step) || step < 0) throw new Error(`invalid list index ${step} in attribute path`);
      return { element_key_int: step };
    }
    return { element_key_string: step.key };
  });
  return { steps };
}

export function wireDiagnostic(diagnostic: Diagnostic): WireDiagnostic {
  const wire: WireDiagnostic = {
    severity: enumValue(SEVERITY, diagnostic.severity, 'diagnostic severity'),
    summary: diagnostic.summary,
  };
  if (diagnostic.detail) wire.detail = diagnostic.detail;
  if (diagnostic.attribute && diagnostic.attribute.length > 0) wire.attribute = wirePath(diagnostic.attribute);
  return wire;
}

export function wireDiagnostics(diagnostics: readonly Diagnostic[] | undefined): WireDiagnostic[] | undefined {
  return diagnostics && diagnostics.length > 0 ? diagnostics.map(wireDiagnostic) : undefined;
}

export function wireDeferred(deferred: Deferred | undefined): WireDeferred | undefined {
  return deferred ? { reason: enumValue(DEFERRED_REASON, deferred.reason, 'deferred reason') } : undefined;
}

// --- schemas -----------------------------------------------------------------------------------

function kind(value: StringKind | undefined): number | undefined {
  return value === undefined ? undefined : enumValue(STRING_KIND, value, 'description kind');
}

function wireAttribute(attribute: SchemaAttribute): WireSchemaAttribute {
  const { type, nested_type, description_kind, ...flags } = attribute;
  if ((type === undefined) === (nested_type === undefined)) {
    throw new Error(`schema attribute "${attribute.name}" needs exactly one of type and nested_type`);
  }
  const wire: WireSchemaAttribute = { ...flags, description_kind: kind(description_kind) };
  if (type !== undefined) wire.type = type instanceof Uint8Array ? type : Buffer.from(JSON.stringify(type));
  if (nested_type !== undefined) wire.nested_type = wireObject(nested_type);
  return wire;
}

function wireObject(object: SchemaObject): WireSchemaObject {
  return {
    attributes: object.attributes.map(wireAttribute),
    nesting: enumValue(NESTING, object.nesting, 'nested attribute nesting'),
  };
}

function wireNestedBlock(nested: SchemaNestedBlock): WireSchemaNestedBlock {
  return {
    ...nested,
    block: wireBlock(nested.block),
    nesting: enumValue(NESTING, nested.nesting, 'block nesting'),
  };
}

function wireBlock(block: SchemaBlock): WireSchemaBlock {
  return {
    ...block,
    attributes: block.attributes?.map(wireAttribute),
    block_types: block.block_types?.map(wireNestedBlock),
    description_kind: kind(block.description_kind),
  };
}

export function wireSchema(schema: Schema): WireSchema {
  return { version: schema.version, block: wireBlock(schema.block) };
}

export function wireSchemas(schemas: Record<string, Schema> | undefined): Record<string, WireSchema> | undefined {
  if (!schemas) return undefined;
  const out: Record<string, WireSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) out[name] = wireSchema(schema);
  return out;
}

// --- request values ----------------------------------------------------------------------------

export function clientCapabilities(wire: WireClientCapabilities | null): ClientCapabilities {
  return {
    deferral_allowed: wire?.deferral_allowed ?? false,
    write_only_attributes_allowed: wire?.write_only_attributes_allowed ?? false,
  };
}

/** A DynamicValue that must hold an object or null (state, plan, config). */
export function objectOrNull(value: WireDynamicValue | null, field: string): TfObject | null {
  const decoded = decodeDynamicValue(value);
  if (decoded === null || isTfObject(decoded)) return decoded;
  throw new Error(`${field}: expected an object value from Terraform`);
}

/** A DynamicValue that must hold an object (config and state where Terraform never sends null). */
export function objectValue(value: WireDynamicValue | null, field: string): TfObject {
  const decoded = objectOrNull(value, field);
  if (decoded === null) throw new Error(`${field}: expected an object value, got null`);
  return decoded;
}

/** Private state bytes; the generated decoder gives a shared empty buffer when absent. */
export function privateBytes(value: Uint8Array | null | undefined): Uint8Array {
  return value ?? new Uint8Array(0);
}
