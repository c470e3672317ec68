/**
 * The plugin protocol as plain types: one request and response type per call, field names exactly
 * as in tfplugin6.proto (snake_case), values already decoded. Providers do not implement these
 * (they implement `Provider` and `Resource`, provider.ts, which dispatch.ts maps onto them); the
 * schema, diagnostic and path types are shared by both.
 *
 * The transport (../transport) turns gRPC messages into these and back:
 *   - DynamicValue fields arrive as JS values (see values.ts) and are encoded again on the way out;
 *   - private state is a Uint8Array, empty when Terraform has none;
 *   - enums are their names ('LIST', 'ERROR', ...), not numbers;
 *   - a schema attribute's `type` may be given as the cty type itself; the transport JSON-encodes it;
 *   - attribute paths are simple arrays (see {@link PathStep}).
 * A handler that throws is answered with an error diagnostic, never a gRPC error: Terraform shows
 * a gRPC error only as "Plugin did not respond".
 */
import type { CallContext } from '../provider.js';
import type { TfObject, TfValue } from './values.js';

export type { TfObject, TfValue } from './values.js';

// --- attribute paths and diagnostics ----------------------------------------------------------

/**
 * One step of an attribute path: a string is an attribute name, a number a list index, and
 * `{ key }` a map key (a map key cannot be a plain string, which would read as an attribute).
 * Example: ['steps', 3, 'run_command_line', 'command_line'], ['environment', { key: 'PATH' }].
 */
export type PathStep = string | number | { readonly key: string };
export type AttributePath = readonly PathStep[];

export type Severity = 'ERROR' | 'WARNING';

export interface Diagnostic {
  severity: Severity;
  summary: string;
  detail?: string;
  /** Where in the configuration the problem is; Terraform underlines that expression. */
  attribute?: AttributePath;
}

export function errorDiagnostic(summary: string, detail?: string, path?: AttributePath): Diagnostic {
  return { severity: 'ERROR', summary, detail, attribute: path };
}

export function warningDiagnostic(summary: string, detail?: string, path?: AttributePath): Diagnostic {
  return { severity: 'WARNING', summary, detail, attribute: path };
}

export function hasErrors(diagnostics: readonly Diagnostic[] | undefined): boolean {
  return diagnostics?.some((d) => d.severity === 'ERROR') ?? false;
}

// --- schema -------------------------------------------------------------------------------------

/** A cty type, as Terraform writes it in JSON: "string", ["list","string"], ["object",{...}]. */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }]
  | readonly ['tuple', readonly CtyType[]];

export type StringKind = 'PLAIN' | 'MARKDOWN';

export interface SchemaAttribute {
  name: string;
  /** The attribute's type; leave out when `nested_type` is set. Bytes are sent as they are. */
  type?: CtyType | Uint8Array;
  /** Attributes whose value is an object or a collection of objects (nested attributes). */
  nested_type?: SchemaObject;
  description?: string;
  description_kind?: StringKind;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  /**
   * Terraform 1.11 write-only attribute: read from configuration at plan and apply, always null in
   * plan and state. Managed resources only; needs client_capabilities.write_only_attributes_allowed.
   */
  write_only?: boolean;
}

export interface SchemaObject {
  attributes: SchemaAttribute[];
  nesting: 'SINGLE' | 'LIST' | 'SET' | 'MAP';
}

export interface SchemaNestedBlock {
  type_name: string;
  block: SchemaBlock;
  nesting: 'SINGLE' | 'LIST' | 'SET' | 'MAP' | 'GROUP';
  min_items?: number;
  max_items?: number;
}

export interface SchemaBlock {
  version?: number;
  attributes?: SchemaAttribute[];
  block_types?: SchemaNestedBlock[];
  description?: string;
  description_kind?: StringKind;
  deprecated?: boolean;
}

export interface Schema {
  /** Bump when the stored state's shape changes; UpgradeResourceState receives the old number. */
  version?: number;
  block: SchemaBlock;
}

export interface ServerCapabilities {
  /** Ask Terraform to call PlanResourceChange for destroys too (proposed_new_state null). */
  plan_destroy?: boolean;
  /** Terraform may reuse a cached schema instead of calling GetProviderSchema. */
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
}

export interface ClientCapabilities {
  deferral_allowed: boolean;
  write_only_attributes_allowed: boolean;
}

export type DeferredReason = 'RESOURCE_CONFIG_UNKNOWN' | 'PROVIDER_CONFIG_UNKNOWN' | 'ABSENT_PREREQ';

/** Only when client_capabilities.deferral_allowed is true. */
export interface Deferred {
  reason: DeferredReason;
}

// --- calls --------------------------------------------------------------------------------------

interface WithDiagnostics {
  diagnostics?: readonly Diagnostic[];
}

export interface GetProviderSchemaResponse extends WithDiagnostics {
  provider?: Schema;
  resource_schemas?: Record<string, Schema>;
  data_source_schemas?: Record<string, Schema>;
  provider_meta?: Schema;
  server_capabilities?: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  /** May contain Unknown. */
  config: TfObject;
}
export type ValidateProviderConfigResponse = WithDiagnostics;

export interface ValidateResourceConfigRequest {
  type_name: string;
  /** May contain Unknown; write-only attributes carry their configured values. */
  config: TfObject;
}
export type ValidateResourceConfigResponse = WithDiagnostics;

export interface ValidateDataResourceConfigRequest {
  type_name: string;
  config: TfObject;
}
export type ValidateDataResourceConfigResponse = WithDiagnostics;

export interface UpgradeResourceStateRequest {
  type_name: string;
  /** Schema version the stored state was written with. */
  version: number;
  raw_state: {
    /** The stored state decoded from JSON (exact numbers), or null when stored as flatmap. */
    json: TfValue;
    /** Pre-0.12 flat state; empty for anything written by this provider. */
    flatmap: Record<string, string>;
  };
}
export interface UpgradeResourceStateResponse extends WithDiagnostics {
  /** The state in the current schema's shape: every attribute present, no others. */
  upgraded_state: TfObject | null;
}

export interface ConfigureProviderRequest {
  terraform_version: string;
  config: TfObject;
  client_capabilities: ClientCapabilities;
}
export type ConfigureProviderResponse = WithDiagnostics;

export interface ReadResourceRequest {
  type_name: string;
  current_state: TfObject;
  private: Uint8Array;
  provider_meta: TfValue;
  client_capabilities: ClientCapabilities;
}
export interface ReadResourceResponse extends WithDiagnostics {
  /** null: the object is gone; Terraform removes it from state and plans a create. */
  new_state: TfObject | null;
  private?: Uint8Array;
  deferred?: Deferred;
}

export interface PlanResourceChangeRequest {
  type_name: string;
  /** null when the resource is being created. */
  prior_state: TfObject | null;
  /** Config merged with prior state for computed attributes; null when destroying. */
  proposed_new_state: TfObject | null;
  /** null when destroying (only with plan_destroy). Write-only values are only here. */
  config: TfObject | null;
  prior_private: Uint8Array;
  provider_meta: TfValue;
  client_capabilities: ClientCapabilities;
}
export interface PlanResourceChangeResponse extends WithDiagnostics {
  /** Unknown for values decided at apply; write-only attributes must be null. */
  planned_state: TfObject | null;
  /** Attributes whose change forces a replacement. */
  requires_replace?: readonly AttributePath[];
  planned_private?: Uint8Array;
  deferred?: Deferred;
}

export interface ApplyResourceChangeRequest {
  type_name: string;
  /** null when creating. */
  prior_state: TfObject | null;
  /** null when destroying. */
  planned_state: TfObject | null;
  /** null when destroying. Write-only values are only here. */
  config: TfObject | null;
  planned_private: Uint8Array;
  provider_meta: TfValue;
}
export interface ApplyResourceChangeResponse extends WithDiagnostics {
  /** Must match every known planned value; null after a destroy. Write-only attributes null. */
  new_state: TfObject | null;
  private?: Uint8Array;
}

export interface ImportResourceStateRequest {
  type_name: string;
  id: string;
  client_capabilities: ClientCapabilities;
}
export interface ImportedResource {
  type_name: string;
  state: TfObject;
  private?: Uint8Array;
}
export interface ImportResourceStateResponse extends WithDiagnostics {
  imported_resources: readonly ImportedResource[];
  deferred?: Deferred;
}

export interface ReadDataSourceRequest {
  type_name: string;
  config: TfObject;
  provider_meta: TfValue;
  client_capabilities: ClientCapabilities;
}
export interface ReadDataSourceResponse extends WithDiagnostics {
  state: TfObject | null;
  deferred?: Deferred;
}

// --- the provider --------------------------------------------------------------------------

/**
 * The protocol calls a provider process answers, one async method each: what dispatch.ts makes of
 * a `Provider`, and what the transport serves. The transport calls them concurrently (Terraform
 * runs up to 10 resource operations at once in one process). GetMetadata, GetFunctions,
 * StreamStdio and Shutdown are answered by the transport.
 */
export interface ProviderHandlers {
  getProviderSchema(ctx: CallContext): Promise<GetProviderSchemaResponse>;
  validateProviderConfig(req: ValidateProviderConfigRequest, ctx: CallContext): Promise<ValidateProviderConfigResponse>;
  configureProvider(req: ConfigureProviderRequest, ctx: CallContext): Promise<ConfigureProviderResponse>;
  validateResourceConfig(req: ValidateResourceConfigRequest, ctx: CallContext): Promise<ValidateResourceConfigResponse>;
  upgradeResourceState(req: UpgradeResourceStateRequest, ctx: CallContext): Promise<UpgradeResourceStateResponse>;
  readResource(req: ReadResourceRequest, ctx: CallContext): Promise<ReadResourceResponse>;
  planResourceChange(req: PlanResourceChangeRequest, ctx: CallContext): Promise<PlanResourceChangeResponse>;
  applyResourceChange(req: ApplyResourceChangeRequest, ctx: CallContext): Promise<ApplyResourceChangeResponse>;
  importResourceState(req: ImportResourceStateRequest, ctx: CallContext): Promise<ImportResourceStateResponse>;
  validateDataResourceConfig(req: ValidateDataResourceConfigRequest, ctx: CallContext): Promise<ValidateDataResourceConfigResponse>;
  readDataSource(req: ReadDataSourceRequest, ctx: CallContext): Promise<ReadDataSourceResponse>;
}
