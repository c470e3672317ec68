/**
 * The generated protobuf code (generated/protocol.cjs), typed.
 *
 * The generated folder is not in git, and its code is loaded with a plain `require` rather than an
 * import so that type-checking does not depend on it having been generated; these interfaces
 * describe the part of it the transport uses. Field names and numbers live in the .proto files.
 *
 * Decoded messages: absent fields read as their proto3 default (through the message prototype),
 * submessages as null, int64 as a number or a long.js Long (see {@link int64ToNumber}).
 * Messages to encode: plain objects; enums as numbers; unset fields may be left out.
 */

export type Int64 = number | { toNumber(): number };

export function int64ToNumber(value: Int64 | null | undefined): number {
  if (value == null) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

export interface WireDynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export type WireStep = { attribute_name: string } | { element_key_string: string } | { element_key_int: number };

export interface WireAttributePath {
  steps: WireStep[];
}

export interface WireDiagnostic {
  /** 1 error, 2 warning. */
  severity: number;
  summary: string;
  detail?: string;
  attribute?: WireAttributePath;
}

export interface WireSchemaAttribute {
  name: string;
  type?: Uint8Array;
  nested_type?: WireSchemaObject;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  description_kind?: number;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface WireSchemaObject {
  attributes: WireSchemaAttribute[];
  nesting: number;
}

export interface WireSchemaNestedBlock {
  type_name: string;
  block: WireSchemaBlock;
  nesting: number;
  min_items?: number;
  max_items?: number;
}

export interface WireSchemaBlock {
  version?: number;
  attributes?: WireSchemaAttribute[];
  block_types?: WireSchemaNestedBlock[];
  description?: string;
  description_kind?: number;
  deprecated?: boolean;
}

export interface WireSchema {
  version?: number;
  block: WireSchemaBlock;
}

export interface WireServerCapabilities {
  plan_destroy?: boolean;
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
}

export interface WireClientCapabilities {
  deferral_allowed: boolean;
  write_only_attributes_allowed: boolean;
}

export interface WireDeferred {
  reason: number;
}

/** Every response that can carry diagnostics. */
export interface WireWithDiagnostics {
  diagnostics?: WireDiagnostic[];
}

// Requests as decoded. Submessages may be null when Terraform left them out.

export interface ConfigRequest {
  type_name: string;
  config: WireDynamicValue | null;
}

export interface UpgradeResourceStateRequest {
  type_name: string;
  version: Int64;
  raw_state: { json: Uint8Array; flatmap: Record<string, string> } | null;
}

export interface ConfigureProviderRequest {
  terraform_version: string;
  config: WireDynamicValue | null;
  client_capabilities: WireClientCapabilities | null;
}

export interface ReadResourceRequest {
  type_name: string;
  current_state: WireDynamicValue | null;
  private: Uint8Array;
  provider_meta: WireDynamicValue | null;
  client_capabilities: WireClientCapabilities | null;
}

export interface PlanResourceChangeRequest {
  type_name: string;
  prior_state: WireDynamicValue | null;
  proposed_new_state: WireDynamicValue | null;
  config: WireDynamicValue | null;
  prior_private: Uint8Array;
  provider_meta: WireDynamicValue | null;
  client_capabilities: WireClientCapabilities | null;
}

export interface ApplyResourceChangeRequest {
  type_name: string;
  prior_state: WireDynamicValue | null;
  planned_state: WireDynamicValue | null;
  config: WireDynamicValue | null;
  planned_private: Uint8Array;
  provider_meta: WireDynamicValue | null;
}

export interface ImportResourceStateRequest {
  type_name: string;
  id: string;
  client_capabilities: WireClientCapabilities | null;
}

export interface ReadDataSourceRequest {
  type_name: string;
  config: WireDynamicValue | null;
  provider_meta: WireDynamicValue | null;
  client_capabilities: WireClientCapabilities | null;
}

// --- the generated module -------------------------------------------------------------------

export interface MessageCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

type Call<Req, Res> = { Request: MessageCodec<Req>; Response: MessageCodec<Res> };
type Empty = Record<string, never>;

export interface GeneratedProtocol {
  tfplugin6: {
    GetMetadata: Call<Empty, WireWithDiagnostics & {
      server_capabilities?: WireServerCapabilities;
      resources?: { type_name: string }[];
      data_sources?: { type_name: string }[];
    }>;
    GetProviderSchema: Call<Empty, WireWithDiagnostics & {
      provider?: WireSchema;
      resource_schemas?: Record<string, WireSchema>;
      data_source_schemas?: Record<string, WireSchema>;
      provider_meta?: WireSchema;
      server_capabilities?: WireServerCapabilities;
    }>;
    ValidateProviderConfig: Call<{ config: WireDynamicValue | null }, WireWithDiagnostics>;
    ValidateResourceConfig: Call<ConfigRequest, WireWithDiagnostics>;
    ValidateDataResourceConfig: Call<ConfigRequest, WireWithDiagnostics>;
    UpgradeResourceState: Call<UpgradeResourceStateRequest, WireWithDiagnostics & { upgraded_state?: WireDynamicValue }>;
    ConfigureProvider: Call<ConfigureProviderRequest, WireWithDiagnostics>;
    ReadResource: Call<ReadResourceRequest, WireWithDiagnostics & {
      new_state?: WireDynamicValue;
      private?: Uint8Array;
      deferred?: WireDeferred;
    }>;
    PlanResourceChange: Call<PlanResourceChangeRequest, WireWithDiagnostics & {
      planned_state?: WireDynamicValue;
      requires_replace?: WireAttributePath[];
      planned_private?: Uint8Array;
      deferred?: WireDeferred;
    }>;
    ApplyResourceChange: Call<ApplyResourceChangeRequest, WireWithDiagnostics & {
      new_state?: WireDynamicValue;
      private?: Uint8Array;
    }>;
    ImportResourceState: Call<ImportResourceStateRequest, WireWithDiagnostics & {
      imported_resources?: { type_name: string; state: WireDynamicValue; private?: Uint8Array }[];
      deferred?: WireDeferred;
    }>;
    ReadDataSource: Call<ReadDataSourceRequest, WireWithDiagnostics & {
      state?: WireDynamicValue;
      deferred?: WireDeferred;
    }>;
    GetFunctions: Call<Empty, WireWithDiagnostics & { functions?: Record<string, never> }>;
    StopProvider: Call<Empty, { Error?: string }>;
  };
  plugin: {
    Empty: MessageCodec<Empty>;
  };
}

let loaded: GeneratedProtocol | undefined;

/** The generated code; loaded on first use (not needed for the handshake). */
export function protocol(): GeneratedProtocol {
  if (!loaded) {
    try {
      // A literal path, so esbuild bundles the file into the provider.
      loaded = require('./generated/protocol.cjs') as GeneratedProtocol;
    } catch (err) {
      throw new Error(
        `the provider's protocol code is missing (lib/tfplugin/protocol/generated): run "npm run provider:generate" (${String(err)})`,
      );
    }
  }
  return loaded;
}
