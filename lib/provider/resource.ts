/**
 * One managed resource type per model kind (`osd_package`, `osd_task_sequence`, …), all driven by
 * the kind's schema: plan fills the model's defaults so a plan never shows "known after apply" for
 * what the model can compute, immutable fields force a replacement, everything else updates in
 * place, reads report drift, and rules that need other objects are checked at plan time against
 * the server.
 */
import type { TSchema } from '@sinclair/typebox';
import {
  checkPartlyKnown,
  checkRules,
  keyword,
  KIND_NAMES,
  KINDS,
  lookupsFor,
  objectId,
  partlyKnown,
  PENDING_REFERENCE,
  toTerraformName,
  touchesUnknown,
  UNRESOLVED,
  withDefaults,
  withoutReadOnly,
  type Issue,
  type KindDefinition,
  type KindName,
  type Path,
  type Resolved,
  type Site,
} from '../model';
import { describeError, issueDiagnostics } from './diagnostics';
import type { ObjectApi } from './object-api';
import {
  errorDiagnostic,
  warningDiagnostic,
  type ApplyResourceChangeRequest,
  type ApplyResourceChangeResponse,
  type Diagnostic,
  type ImportResourceStateRequest,
  type ImportResourceStateResponse,
  type PlanResourceChangeRequest,
  type PlanResourceChangeResponse,
  type ReadResourceRequest,
  type ReadResourceResponse,
  type Schema,
  type ValidateResourceConfigRequest,
  type ValidateResourceConfigResponse,
} from './protocol/types';
import { Unknown, type TfObject, type TfValue } from './protocol/values';
import { attributesOf } from './schema';
import { toModel, toTerraform, withUnknownsAt } from './state';

/** What a resource needs from the configured provider. */
export interface ProviderSession {
  readonly api: ObjectApi;
  site(): Promise<Site>;
}

export class ManagedResource {
  readonly typeName: string;
  readonly schema: Schema;
  private readonly def: KindDefinition;
  /** The fields that make an object's ID (`id` for a package kind, `packageId` and `name` for a program). */
  private readonly idFields: readonly string[];
  /** Read-only fields other than `id` that the model derives (`flags`), with their attribute names. */
  private readonly derivedFields: readonly [field: string, attribute: string][];

  constructor(readonly kind: KindName) {
    this.def = KINDS[kind];
    this.idFields = Object.keys(this.def.id.parse(this.def.id.example) ?? {});
    this.derivedFields = Object.entries(this.def.schema.properties as Record<string, TSchema>)
      .filter(([field, schema]) => schema.readOnly && field !== 'id')
      .map(([field]) => [field, toTerraformName(field)]);
    this.typeName = this.def.terraformType;
    this.schema = {
      version: 0,
      block: {
        attributes: attributesOf(this.def.schema, { writeOnly: true }),
        description: this.def.schema.description,
        description_kind: 'MARKDOWN',
      },
    };
  }

  /** Shape and the rules that need nothing but the configuration itself. */
  validate(req: ValidateResourceConfigRequest): ValidateResourceConfigResponse {
    const { known, unknown } = partlyKnown(this.kind, toModel(this.def.schema, req.config), isUnknown);
    const checked = checkPartlyKnown(this.kind, known, { resolve: () => UNRESOLVED }, unknown);
    return { diagnostics: issueDiagnostics([...checked.errors, ...checked.warnings], this.def.title) };
  }

  async plan(req: PlanResourceChangeRequest, session: ProviderSession | undefined): Promise<PlanResourceChangeResponse> {
    if (req.config === null || req.proposed_new_state === null) return { planned_state: null };
    const prior = req.prior_state;
    const { known, unknown } = partlyKnown(this.kind, toModel(this.def.schema, req.config), isUnknown);
    const model = withDefaults(this.kind, withoutReadOnly(this.kind, known) as Record<string, unknown>);
    const planned = toTerraform(this.def.schema, withUnknownsAt(structuredClone(model), unknown), req.config);

    const requiresReplace = prior ? this.replacedFields(prior, planned) : [];
    planned.id = prior && requiresReplace.length === 0 ? prior.id : this.plannedId(model, unknown);
    // Fields the model derives (a program's flags word) are known at plan when all they derive from is.
    for (const [field, attribute] of this.derivedFields) planned[attribute] = unknown.length === 0 ? ((model[field] as TfValue | undefined) ?? null) : Unknown;

    const diagnostics = session ? await this.serverRuleDiagnostics(model, unknown, prior, session) : [];
    return {
      planned_state: planned,
      requires_replace: requiresReplace.map((name) => [name]),
      planned_private: req.prior_private,
      diagnostics,
    };
  }

  async read(req: ReadResourceRequest, session: ProviderSession): Promise<ReadResourceResponse> {
    const id = String(req.current_state.id ?? '');
    try {
      const stored = await session.api.get(this.kind, id);
      if (!stored) return { new_state: null };
      return { new_state: this.state(stored.value, req.current_state), private: encodePrivate(stored.etag) };
    } catch (err) {
      return { new_state: req.current_state, diagnostics: [errorDiagnostic(`Cannot read ${this.def.title.toLowerCase()} ${id}`, describeError(err))] };
    }
  }

  async apply(req: ApplyResourceChangeRequest, session: ProviderSession): Promise<ApplyResourceChangeResponse> {
    const title = this.def.title.toLowerCase();
    if (req.planned_state === null) {
      const id = String(req.prior_state?.id ?? '');
      try {
        await session.api.delete(this.kind, id);
        return { new_state: null };
      } catch (err) {
        return { new_state: req.prior_state, diagnostics: [errorDiagnostic(`Cannot delete ${title} ${id}`, describeError(err))] };
      }
    }
    // The configuration holds the secrets (write-only values never reach the plan).
    const body = withoutReadOnly(this.kind, toModel(this.def.schema, req.config ?? {})) as Record<string, unknown>;
    const prior = req.prior_state;
    try {
      const stored = prior
        ? await session.api.update(this.kind, String(prior.id), body, decodePrivate(req.planned_private))
        : await session.api.create(this.kind, body);
      const diagnostics: Diagnostic[] = (stored.warnings ?? []).map((w) => warningDiagnostic(`${this.def.title}: advice (${w.rule})`, w.message));
      if (stored.adopted) {
        diagnostics.push(
          warningDiagnostic(
            `${this.def.title} ${objectId(this.kind, stored.value)} was already on the server`,
            `The server held a ${title} with exactly this configuration (probably created by an apply that was interrupted before it could record it); it is now managed by this resource instead of being created again.`,
          ),
        );
      }
      return { new_state: this.state(stored.value, req.config), private: encodePrivate(stored.etag), diagnostics };
    } catch (err) {
      const what = prior ? `Cannot update ${title} ${String(prior.id)}` : `Cannot create ${title} ${JSON.stringify(body.name ?? '')}`;
      return { new_state: prior, diagnostics: [errorDiagnostic(what, describeError(err))] };
    }
  }

  import(req: ImportResourceStateRequest): ImportResourceStateResponse {
    if (!this.def.id.parse(req.id)) {
      return { imported_resources: [], diagnostics: [errorDiagnostic(`Cannot import ${this.typeName}`, `the ID ${JSON.stringify(req.id)} is not ${this.def.id.description}`)] };
    }
    const state = toTerraform(this.def.schema, {});
    state.id = req.id;
    return { imported_resources: [{ type_name: this.typeName, state }] };
  }

  /**
   * Stored state in the current schema's shape, at every depth: attributes a newer build added
   * (a `_wo_version`, a new optional field) appear as null, ones it dropped disappear.
   */
  upgrade(stored: TfValue): TfObject | null {
    if (!stored || typeof stored !== 'object' || Array.isArray(stored) || stored === Unknown) return null;
    const object = stored as TfObject;
    return this.state(toModel(this.def.schema, object), object);
  }

  /** The Terraform state of a stored object; `carry` supplies the Terraform-only `_wo_version` values. */
  state(value: Record<string, unknown>, carry: TfObject | null): TfObject {
    const state = toTerraform(this.def.schema, value, carry);
    state.id = objectId(this.kind, value);
    return state;
  }

  /** The ID a new object will have: known at plan for a kind whose ID its own known fields make, else unknown. */
  private plannedId(model: Record<string, unknown>, unknown: readonly Path[]): TfValue {
    if (unknown.some((path) => this.idFields.includes(path[0] as string))) return Unknown;
    return this.def.id.fromFields(model) ?? Unknown;
  }

  /** Top-level immutable fields whose planned value differs from the prior state (or is not known yet). */
  private replacedFields(prior: TfObject, planned: TfObject): string[] {
    return Object.entries(this.def.schema.properties as Record<string, TSchema>)
      .filter(([, schema]) => keyword(schema, 'immutable'))
      .map(([field]) => toTerraformName(field))
      .filter((name) => planned[name] === Unknown || JSON.stringify(planned[name]) !== JSON.stringify(prior[name]));
  }

  /**
   * The rules that look at other objects or the site, checked against the server at plan time. A
   * reference to an object the server does not have yet is a warning, not an error: the object may
   * be created in the same apply (the server refuses the write if it is not). One that the server
   * has as another kind of object is an error.
   */
  private async serverRuleDiagnostics(
    model: Record<string, unknown>,
    unknown: readonly Path[],
    prior: TfObject | null,
    session: ProviderSession,
  ): Promise<Diagnostic[]> {
    const resolved = new Map<string, Resolved>();
    const kinds = new Map<string, KindName>();
    const lookups = lookupsFor(this.kind, model).filter((l) => !l.id.includes(PENDING_REFERENCE));
    try {
      await Promise.all(
        lookups.map(async (l) => {
          const stored = await session.api.get(l.kind, l.id);
          resolved.set(`${l.kind}:${l.id}`, stored?.value);
          if (!stored) {
            const actual = await kindHolding(session, l.kind, l.id);
            if (actual) kinds.set(l.id, actual);
          }
        }),
      );
      const site = await session.site();
      const priorModel = prior ? toModel(this.def.schema, prior) : undefined;
      const resolve = (kind: KindName, id: string): Resolved => (resolved.has(`${kind}:${id}`) ? resolved.get(`${kind}:${id}`) : UNRESOLVED);
      const withServer = checkRules(this.kind, model, { site, resolve, kindOf: (id) => kinds.get(id), missingReference: 'warning', prior: priorModel });
      const local = new Set(checkRules(this.kind, model, { resolve: () => UNRESOLVED }).map(key));
      const fresh = withServer.filter((i) => !local.has(key(i)) && !touchesUnknown(i.path, unknown));
      return issueDiagnostics(fresh, this.def.title);
    } catch (err) {
      return [warningDiagnostic(`${this.def.title}: could not check references against the server`, describeError(err))];
    }
  }
}

const key = (i: Issue) => JSON.stringify([i.path, i.rule, i.message]);

const isUnknown = (v: unknown) => v === Unknown;

/** Which other kind sharing `kind`'s ID space holds `id` on the server, if any (for "is a boot image, not a package"). */
async function kindHolding(session: ProviderSession, kind: KindName, id: string): Promise<KindName | undefined> {
  if (KINDS[kind].parentField || !KINDS[kind].id.parse(id)) return undefined;
  const others = KIND_NAMES.filter((k) => k !== kind && !KINDS[k].parentField && KINDS[k].id === KINDS[kind].id);
  const found = await Promise.all(others.map(async (k) => ((await session.api.get(k, id)) ? k : undefined)));
  return found.find((k) => k !== undefined);
}

function encodePrivate(etag: string): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ etag }));
}

function decodePrivate(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  try {
    return (JSON.parse(new TextDecoder().decode(bytes)) as { etag?: string }).etag;
  } catch {
    return undefined;
  }
}
