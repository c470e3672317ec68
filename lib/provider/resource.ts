/**
 * One managed resource type per model kind (`osd_package`, `osd_task_sequence`, …), all driven by
 * the kind's schema: plan fills the model's defaults so a plan never shows "known after apply" for
 * what the model can compute, immutable fields force a replacement, everything else updates in
 * place, reads report drift, and rules that need other objects are checked at plan time against
 * the server. Each Terraform operation is one method (lib/tfplugin/provider.ts maps the protocol
 * onto them).
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
import {
  errorDiagnostic,
  Unknown,
  warningDiagnostic,
  type ApplyResult,
  type CallContext,
  type CreateRequest,
  type DeleteRequest,
  type DeleteResult,
  type Diagnostic,
  type ImportRequest,
  type ImportResult,
  type PlanRequest,
  type PlanResult,
  type ReadRequest,
  type ReadResult,
  type Resource,
  type Schema,
  type TfObject,
  type TfValue,
  type UpdateRequest,
  type WithDiagnostics,
} from '../tfplugin';
import { describeError, issueDiagnostics } from './diagnostics';
import type { ObjectApi, Stored } from './object-api';
import { attributesOf } from './schema';
import { toModel, toTerraform, withUnknownsAt } from './state';

/** What a resource needs from the configured provider. */
export interface ProviderSession {
  readonly api: ObjectApi;
  /** The site (read once per provider process). */
  site(stop?: AbortSignal): Promise<Site>;
}

export class KindResource implements Resource {
  readonly typeName: string;
  readonly schema: Schema;
  private readonly def: KindDefinition;
  /** The fields that make an object's ID (`id` for a package kind, `packageId` and `name` for a program). */
  private readonly idFields: readonly string[];
  /** Read-only fields other than `id` that the model derives (`flags`), with their attribute names. */
  private readonly derivedFields: readonly [field: string, attribute: string][];

  /** `session` gives the configured session; undefined before ConfigureProvider. */
  constructor(
    readonly kind: KindName,
    private readonly session: () => ProviderSession | undefined,
  ) {
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
  async validateConfig(configValue: TfObject): Promise<WithDiagnostics> {
    const { known, unknown } = partlyKnown(this.kind, toModel(this.def.schema, configValue), isUnknown);
    const checked = checkPartlyKnown(this.kind, known, { resolve: () => UNRESOLVED }, unknown);
    return { diagnostics: issueDiagnostics([...checked.errors, ...checked.warnings], this.def.title) };
  }

  /**
   * The planned state: the configuration with the model's defaults and derived values, the prior
   * ID kept unless an immutable field changes; then the rules that need the server.
   */
  async modifyPlan(req: PlanRequest, ctx: CallContext): Promise<PlanResult> {
    const { prior } = req;
    const { known, unknown } = partlyKnown(this.kind, toModel(this.def.schema, req.config), isUnknown);
    const model = withDefaults(this.kind, withoutReadOnly(this.kind, known) as Record<string, unknown>);
    const planned = toTerraform(this.def.schema, withUnknownsAt(structuredClone(model), unknown), req.config);

    const requiresReplace = prior ? this.replacedFields(prior, planned) : [];
    planned.id = prior && requiresReplace.length === 0 ? prior.id : this.plannedId(model, unknown);
    // Fields the model derives (a program's flags word) are known at plan when all they derive from is.
    for (const [field, attribute] of this.derivedFields) planned[attribute] = unknown.length === 0 ? ((model[field] as TfValue | undefined) ?? null) : Unknown;

    const collision = prior ? this.replacementCollision(prior, planned, requiresReplace) : [];
    const session = this.session();
    const serverRules = collision.length === 0 && session ? await this.serverRuleDiagnostics(model, unknown, prior, session, ctx.stopSignal) : [];
    return { planned, requiresReplace: requiresReplace.map((name) => [name]), diagnostics: [...collision, ...serverRules] };
  }

  async create(req: CreateRequest, ctx: CallContext): Promise<ApplyResult> {
    // The configuration holds the secrets (write-only values never reach the plan).
    const body = this.body(req.config);
    try {
      return this.written(await this.configured().api.create(this.kind, body, ctx.stopSignal), req.config);
    } catch (err) {
      return { diagnostics: [errorDiagnostic(`Cannot create ${this.title} ${JSON.stringify(body.name ?? '')}`, describeError(err))] };
    }
  }

  async read(req: ReadRequest, ctx: CallContext): Promise<ReadResult> {
    const id = String(req.state.id ?? '');
    try {
      const stored = await this.configured().api.get(this.kind, id, ctx.stopSignal);
      if (!stored) return { state: null };
      return { state: this.state(stored.value, req.state), private: encodePrivate(stored.etag) };
    } catch (err) {
      return { state: req.state, diagnostics: [errorDiagnostic(`Cannot read ${this.title} ${id}`, describeError(err))] };
    }
  }

  /** A full replacement of the object, sent with the ETag of the last read (If-Match). */
  async update(req: UpdateRequest, ctx: CallContext): Promise<ApplyResult> {
    const id = String(req.prior.id);
    try {
      const stored = await this.configured().api.update(this.kind, id, this.body(req.config), decodePrivate(req.plannedPrivate), ctx.stopSignal);
      return this.written(stored, req.config);
    } catch (err) {
      return { diagnostics: [errorDiagnostic(`Cannot update ${this.title} ${id}`, describeError(err))] };
    }
  }

  async delete(req: DeleteRequest, ctx: CallContext): Promise<DeleteResult> {
    const id = String(req.prior.id ?? '');
    try {
      await this.configured().api.delete(this.kind, id, ctx.stopSignal);
      return {};
    } catch (err) {
      return { diagnostics: [errorDiagnostic(`Cannot delete ${this.title} ${id}`, describeError(err))] };
    }
  }

  /** By the ID the server assigned (a program: `<packageId>/<name>`); Terraform reads the rest. */
  async importState(req: ImportRequest): Promise<ImportResult> {
    if (!this.def.id.parse(req.id)) {
      return { diagnostics: [errorDiagnostic(`Cannot import ${this.typeName}`, `the ID ${JSON.stringify(req.id)} is not ${this.def.id.description}`)] };
    }
    const state = toTerraform(this.def.schema, {});
    state.id = req.id;
    return { state };
  }

  private get title(): string {
    return this.def.title.toLowerCase();
  }

  private configured(): ProviderSession {
    const session = this.session();
    if (!session) throw new Error('the provider is not configured');
    return session;
  }

  /** The request body of a create or update: the configuration as a model value. */
  private body(config: TfObject): Record<string, unknown> {
    return withoutReadOnly(this.kind, toModel(this.def.schema, config)) as Record<string, unknown>;
  }

  /** The state and advice after a create or update. */
  private written(stored: Stored, config: TfObject): ApplyResult {
    const diagnostics: Diagnostic[] = (stored.warnings ?? []).map((w) => warningDiagnostic(`${this.def.title}: advice (${w.rule})`, w.message));
    if (stored.adopted) {
      diagnostics.push(
        warningDiagnostic(
          `${this.def.title} ${objectId(this.kind, stored.value)} was already on the server`,
          `The server held a ${this.title} with exactly this configuration (probably created by an apply that was interrupted before it could record it); it is now managed by this resource instead of being created again.`,
        ),
      );
    }
    return { state: this.state(stored.value, config), private: encodePrivate(stored.etag), diagnostics };
  }

  /** The Terraform state of a stored object; `carry` supplies the Terraform-only `_wo_version` values. */
  private state(value: Record<string, unknown>, carry: TfObject | null): TfObject {
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
   * A replacement that keeps the fields the server holds unique (name and version) cannot be
   * created while the object it replaces exists, and that is how objects a task sequence can use
   * are replaced (create_before_destroy, so the task sequence is updated before the old object
   * goes). Refused at plan rather than failing at apply with a 409 after the plan was approved.
   * Only a replacement that is certain: an immutable field that is merely not known yet may
   * still turn out unchanged.
   */
  private replacementCollision(prior: TfObject, planned: TfObject, replaced: readonly string[]): Diagnostic[] {
    if (replaced.length === 0 || replaced.some((name) => planned[name] === Unknown)) return [];
    const unique = this.def.uniqueBy.map(toTerraformName);
    // As the server compares them: a field left out counts as empty.
    if (unique.some((name) => JSON.stringify(planned[name] ?? '') !== JSON.stringify(prior[name] ?? ''))) return [];

    const backticked = (names: readonly string[], joiner: string) => names.map((n) => `\`${n}\``).join(joiner);
    const changed = replaced.map((name) => `\`${name}\` (${JSON.stringify(prior[name] ?? null)} → ${JSON.stringify(planned[name])})`).join(' and ');
    const kept = unique.map((name) => (prior[name] === null || prior[name] === undefined || prior[name] === '' ? `no ${name}` : `${name} ${JSON.stringify(prior[name])}`)).join(', ');
    const parent = this.def.parentField ? toTerraformName(this.def.parentField) : undefined;
    const fix = unique.filter((name) => name !== parent).reverse();
    return [
      errorDiagnostic(
        `${this.def.title}: the replacement keeps ${unique.join(' and ')}`,
        [
          `${changed} cannot change in place, so Terraform plans to replace ${this.title} ${String(prior.id)} (${kept}) with a new one.`,
          `Objects a task sequence can use are replaced create-before-destroy (lifecycle create_before_destroy): the new ${this.title} is created while the old one still exists,`,
          `and the server keeps ${backticked(unique, ' and ')} unique, so it would refuse the new one (409).`,
          `Give the new ${this.title} another ${backticked(fix, ' or ')} in the same change.`,
        ].join(' '),
        [replaced[0]!],
      ),
    ];
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
    stop: AbortSignal,
  ): Promise<Diagnostic[]> {
    const resolved = new Map<string, Resolved>();
    const kinds = new Map<string, KindName>();
    const lookups = lookupsFor(this.kind, model).filter((l) => !l.id.includes(PENDING_REFERENCE));
    try {
      await Promise.all(
        lookups.map(async (l) => {
          const stored = await session.api.get(l.kind, l.id, stop);
          resolved.set(`${l.kind}:${l.id}`, stored?.value);
          if (!stored) {
            const actual = await kindHolding(session, l.kind, l.id, stop);
            if (actual) kinds.set(l.id, actual);
          }
        }),
      );
      const site = await session.site(stop);
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
async function kindHolding(session: ProviderSession, kind: KindName, id: string, stop: AbortSignal): Promise<KindName | undefined> {
  if (KINDS[kind].parentField || !KINDS[kind].id.parse(id)) return undefined;
  const others = KIND_NAMES.filter((k) => k !== kind && !KINDS[k].parentField && KINDS[k].id === KINDS[kind].id);
  const found = await Promise.all(others.map(async (k) => ((await session.api.get(k, id, stop)) ? k : undefined)));
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
