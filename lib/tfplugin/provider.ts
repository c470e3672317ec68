/**
 * What a provider implements, shaped like HashiCorp's terraform-plugin-framework: a provider with
 * the schema of its configuration block, its resources and its data sources; each resource a
 * schema and one method per operation. `dispatch.ts` maps the plugin protocol's calls onto them:
 *
 *   protocol call                                 method
 *   ValidateProviderConfig                        Provider.validateConfig       (optional)
 *   ConfigureProvider                             Provider.configure
 *   ValidateResourceConfig                        Resource.validateConfig       (optional)
 *   UpgradeResourceState                          Resource.upgradeState         (optional; default: the stored state fitted to the schema)
 *   ReadResource                                  Resource.read
 *   PlanResourceChange                            Resource.modifyPlan           (optional; default: Terraform's proposed new state)
 *   ApplyResourceChange, no prior state           Resource.create
 *   ApplyResourceChange, prior and planned state  Resource.update
 *   ApplyResourceChange, no planned state         Resource.delete
 *   ImportResourceState                           Resource.importState          (optional; default: an error, not importable)
 *   ValidateDataResourceConfig                    DataSource.validateConfig     (optional)
 *   ReadDataSource                                DataSource.read
 *   StopProvider                                  aborts `CallContext.stopSignal`
 *
 * Values are Terraform values as `values.ts` describes them (attribute names as in the schema,
 * every attribute present, `null` for absent, `Unknown` for what only apply will know). A method
 * that throws is answered with an error diagnostic; report expected failures as diagnostics.
 * Terraform calls the methods of one process concurrently (up to 10 operations at once).
 */
import type { Logger } from './log.js';
import type { AttributePath, ClientCapabilities, Diagnostic, Schema } from './protocol/types.js';
import type { TfObject, TfValue } from './protocol/values.js';

/** What every method gets besides its request. */
export interface CallContext {
  /**
   * Aborted when Terraform asks the provider to stop (StopProvider, after a Ctrl-C). Pass it to
   * what can be cut short (reads, waits); an operation that changes something should finish or
   * undo the step in hand, then answer, so Terraform records what was done.
   */
  readonly stopSignal: AbortSignal;
  /** The provider's log: hclog JSON lines on stderr, shown by Terraform under TF_LOG. */
  readonly log: Logger;
}

/** Answers that may carry diagnostics (errors stop Terraform, warnings are shown). */
export interface WithDiagnostics {
  readonly diagnostics?: readonly Diagnostic[];
}

// --- the provider ------------------------------------------------------------------------------

export interface ConfigureRequest {
  /** The provider block; may hold `Unknown` when it depends on resources not yet created. */
  readonly config: TfObject;
  readonly terraformVersion: string;
  readonly clientCapabilities: ClientCapabilities;
}

export interface Provider {
  /** The schema of the `provider "<name>" { … }` block. */
  readonly schema: Schema;
  /** Its resource types; each `typeName` once. */
  readonly resources: readonly Resource[];
  readonly dataSources?: readonly DataSource[];
  /** Checks the provider block before anything else runs (values may be unknown). */
  validateConfig?(config: TfObject, ctx: CallContext): Promise<WithDiagnostics>;
  /**
   * Called once per provider process before any read, plan or apply: keep what the resources need
   * (a client, a session). Not called by the processes that only validate.
   */
  configure(req: ConfigureRequest, ctx: CallContext): Promise<WithDiagnostics>;
}

// --- resources ---------------------------------------------------------------------------------

export interface ReadRequest {
  /** The state Terraform holds (after `upgradeState`). */
  readonly state: TfObject;
  /** Private state the last create, update or read returned; empty when none. */
  readonly private: Uint8Array;
  readonly clientCapabilities: ClientCapabilities;
}
export interface ReadResult extends WithDiagnostics {
  /** The object as it is now; `null` when it is gone (Terraform drops it from state and plans a create). */
  readonly state: TfObject | null;
  /** Default: the request's private state, unchanged. */
  readonly private?: Uint8Array;
}

export interface PlanRequest {
  /** The configuration; write-only attributes carry their values only here. */
  readonly config: TfObject;
  /** The current state; `null` when the resource is being created. */
  readonly prior: TfObject | null;
  /** Terraform's proposal: the configuration, with prior values for computed attributes left unset. */
  readonly proposed: TfObject;
  readonly priorPrivate: Uint8Array;
  readonly clientCapabilities: ClientCapabilities;
}
export interface PlanResult extends WithDiagnostics {
  /** What apply will produce: known values must come out as planned; `Unknown` for the rest. Write-only attributes null. */
  readonly planned: TfObject;
  /** Attributes whose change cannot be applied in place: Terraform plans a replacement. */
  readonly requiresReplace?: readonly AttributePath[];
  /** Handed to create or update as `plannedPrivate`. Default: the prior private state. */
  readonly plannedPrivate?: Uint8Array;
}

export interface CreateRequest {
  /** The configuration; write-only attributes carry their values only here. */
  readonly config: TfObject;
  readonly planned: TfObject;
  readonly plannedPrivate: Uint8Array;
}
export interface UpdateRequest extends CreateRequest {
  readonly prior: TfObject;
}
export interface ApplyResult extends WithDiagnostics {
  /**
   * The new state, matching every known planned value. Left out: after a create, nothing was
   * created (state null); after an update, the prior state stands. Given together with errors,
   * Terraform records it (a created object it marks tainted).
   */
  readonly state?: TfObject | null;
  readonly private?: Uint8Array;
}

export interface DeleteRequest {
  readonly prior: TfObject;
  readonly plannedPrivate: Uint8Array;
}
/** Without errors the object leaves the state; with errors it stays as it was. */
export type DeleteResult = WithDiagnostics;

export interface ImportRequest {
  /** What the user gave `terraform import` (or an `import` block's `id`). */
  readonly id: string;
  readonly clientCapabilities: ClientCapabilities;
}
export interface ImportResult extends WithDiagnostics {
  /** Enough state for `read` to find the object (typically the ID, every other attribute null); Terraform reads it next. */
  readonly state?: TfObject;
  readonly private?: Uint8Array;
}

export interface UpgradeRequest {
  /** The schema version the state was written with. */
  readonly version: number;
  /** The stored state, decoded from JSON with every number exact. */
  readonly state: TfValue;
}
export interface UpgradeResult extends WithDiagnostics {
  /** The state in the current schema's shape: every attribute present, no others. */
  readonly state: TfObject | null;
}

export interface Resource {
  /** `<provider>_<name>`, e.g. `osd_package`. */
  readonly typeName: string;
  readonly schema: Schema;
  /** Checks a configuration without contacting anything (values may be unknown). */
  validateConfig?(config: TfObject, ctx: CallContext): Promise<WithDiagnostics>;
  /** Brings state written by an older schema version (or build) to the current shape. */
  upgradeState?(req: UpgradeRequest, ctx: CallContext): Promise<UpgradeResult>;
  read(req: ReadRequest, ctx: CallContext): Promise<ReadResult>;
  /** Computes the planned state of a create or update: defaults, known-after-apply values, replacements. */
  modifyPlan?(req: PlanRequest, ctx: CallContext): Promise<PlanResult>;
  create(req: CreateRequest, ctx: CallContext): Promise<ApplyResult>;
  update(req: UpdateRequest, ctx: CallContext): Promise<ApplyResult>;
  delete(req: DeleteRequest, ctx: CallContext): Promise<DeleteResult>;
  importState?(req: ImportRequest, ctx: CallContext): Promise<ImportResult>;
}

// --- data sources ------------------------------------------------------------------------------

export interface DataSourceReadRequest {
  readonly config: TfObject;
  readonly clientCapabilities: ClientCapabilities;
}
export interface DataSourceReadResult extends WithDiagnostics {
  /** Every attribute of the schema; `null` only together with an error. */
  readonly state: TfObject | null;
}

export interface DataSource {
  readonly typeName: string;
  readonly schema: Schema;
  validateConfig?(config: TfObject, ctx: CallContext): Promise<WithDiagnostics>;
  read(req: DataSourceReadRequest, ctx: CallContext): Promise<DataSourceReadResult>;
}
