/**
 * Reading and writing objects of every kind: the one place where the resource model's checks,
 * the store, secrets, uniqueness, references and the audit trail meet. Routes translate HTTP to
 * these calls and back; nothing here knows about HTTP beyond the errors it throws.
 *
 * Every write is one store transaction: the checks that read the store (references, uniqueness,
 * If-Match) and the writes they guard commit together or not at all.
 */
import type { TSchema } from '@sinclair/typebox';
import {
  checkObject,
  describeObject,
  error,
  field,
  hasSecrets,
  isRecord,
  keyword,
  KIND_NAMES,
  KINDS,
  kindRoute,
  lookupsFor,
  mapValue,
  msg,
  objectId,
  show,
  value as shown,
  type Issue,
  type KindName,
  type RuleContext,
  type Site,
} from '../model';
import { ApiError, notFound, summary, validationFailed, type ErrorDetail } from './errors';
import { etagFor, ifMatchAllows } from './etag';
import { nextSecretRows, resolveSecretStatuses, splitSecrets, withSecretStatuses, withSecretValues } from './secret-fields';
import type { Referrer, StoredObject, StoredSecret, Store } from './store';

/** An object as a client sees it: secrets replaced by their status. */
export interface ObjectView {
  readonly kind: KindName;
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly etag: string;
}

export interface WriteResult {
  readonly view: ObjectView;
  /** Advice from the model (R4, …): never refuses the write. Secret values already taken out. */
  readonly warnings: Issue[];
}

export interface WriteOptions {
  /** Name of the token that asks; the audit trail records it. */
  readonly actor: string;
  /** The request's `If-Match` header, if any. */
  readonly ifMatch?: string;
  /** Fields the URL already names (a program's package and name): filled in when the body leaves them out. */
  readonly fromUrl?: Readonly<Record<string, string>>;
}

export interface ListFilter {
  readonly parentId?: string;
  readonly name?: string;
  readonly version?: string;
}

/** Which kinds have secret fields (asked once: the model answers by scanning the schema). */
const KIND_HAS_SECRETS = Object.fromEntries(KIND_NAMES.map((k) => [k, hasSecrets(k)])) as Record<KindName, boolean>;

/** Package IDs are the site code and 5 hex digits, so a site has at most this many packages, ever. */
const MAX_PACKAGE_NUMBER = 0xfffff;

export class ObjectService {
  constructor(
    private readonly store: Store,
    private readonly site: Site,
  ) {}

  read(kind: KindName, id: string): ObjectView {
    const stored = this.store.getObject(kind, id);
    if (!stored) throw notFound(`${describe(kind, id)} does not exist`);
    return this.view(stored, this.secretsOf(kind, id));
  }

  list(kind: KindName, filter: ListFilter): Record<string, unknown>[] {
    return this.store.listObjects(kind, filter).map((o) => this.view(o, this.secretsOf(kind, o.id)).body);
  }

  create(kind: KindName, input: unknown, options: WriteOptions): WriteResult {
    return this.store.transaction(() => {
      const { value, warnings } = this.check(kind, fillFromUrl(kind, input, options.fromUrl), undefined, []);
      const isChild = KINDS[kind].parentField !== undefined;
      // A nested object's ID is its parent's and its own name; a package's is allocated last, so
      // that a refused create does not use up a number (the transaction would undo it anyway).
      const nestedId = isChild ? objectId(kind, value) : undefined;
      if (nestedId !== undefined && this.store.getObject(kind, nestedId)) throw duplicate(kind, value, nestedId);
      this.ensureUnique(kind, value, undefined);
      const id = nestedId ?? this.allocatePackageId();
      const { body, secrets } = splitSecrets(kind, value);
      const storedBody = { id, ...body };
      const secretRows = nextSecretRows([], secrets);
      const revision = this.write(kind, id, storedBody, secretRows, value, 'insert');
      const after = withSecretStatuses(storedBody, secretRows);
      this.store.appendAudit({ at: new Date().toISOString(), actor: options.actor, action: 'create', kind, id, before: null, after });
      return { view: { kind, id, body: after, etag: etagFor(revision) }, warnings };
    });
  }

  /** Full replacement of an existing object (PUT). */
  replace(kind: KindName, id: string, input: unknown, options: WriteOptions): WriteResult {
    return this.store.transaction(() => {
      const prior = this.existing(kind, id, options.ifMatch);
      const priorSecrets = this.secretsOf(kind, id);
      const { value, warnings } = this.check(kind, fillFromUrl(kind, input, options.fromUrl), prior, priorSecrets);
      this.ensureUnique(kind, value, id);
      const { body, secrets } = splitSecrets(kind, value);
      const storedBody = { id, ...body };
      const secretRows = nextSecretRows(priorSecrets, secrets);
      const revision = this.write(kind, id, storedBody, secretRows, value, 'update');
      const before = withSecretStatuses(prior.body, priorSecrets);
      const after = withSecretStatuses(storedBody, secretRows);
      this.store.appendAudit({ at: new Date().toISOString(), actor: options.actor, action: 'update', kind, id, before, after });
      return { view: { kind, id, body: after, etag: etagFor(revision) }, warnings };
    });
  }

  /** Deletes an object nothing references (R2). */
  remove(kind: KindName, id: string, options: WriteOptions): void {
    this.store.transaction(() => {
      const prior = this.existing(kind, id, options.ifMatch);
      const referrers = this.store.referrersOf(kind, id).filter((r) => !(r.kind === kind && r.id === id));
      if (referrers.length > 0) throw stillReferenced(kind, id, prior, referrers);
      const before = withSecretStatuses(prior.body, this.secretsOf(kind, id));
      this.store.deleteObject(kind, id);
      this.store.appendAudit({ at: new Date().toISOString(), actor: options.actor, action: 'delete', kind, id, before, after: null });
    });
  }

  // ---- steps of a write ---------------------------------------------------------------------------

  /** The stored object, after checking that it exists and that `If-Match` (if sent) is current. */
  private existing(kind: KindName, id: string, ifMatch: string | undefined): StoredObject {
    const prior = this.store.getObject(kind, id);
    if (!prior) throw notFound(`${describe(kind, id)} does not exist`);
    const current = etagFor(prior.revision);
    if (!ifMatchAllows(ifMatch, current)) {
      throw new ApiError(
        412,
        'preconditionFailed',
        `If-Match ${ifMatch} does not match the current ETag ${current} of ${describe(kind, id)}: it was changed after you read it; read it again and reapply your change`,
        [],
        { etag: current },
      );
    }
    return prior;
  }

  /**
   * Everything the model says about the object about to be written: shape, defaults, rules (with
   * references resolved from the store), plus what only a stored object has: secrets kept by
   * status and fields that cannot change after create.
   */
  private check(kind: KindName, input: unknown, prior: StoredObject | undefined, priorSecrets: readonly StoredSecret[]): { value: Record<string, unknown>; warnings: Issue[] } {
    const secrets = resolveSecretStatuses(kind, input, priorSecrets);
    const context: RuleContext = {
      site: this.site,
      resolve: (refKind, refId) => this.store.getObject(refKind, refId)?.body,
      kindOf: (refId) => this.store.kindOf(refId),
      prior: prior && withSecretValues(prior.body, priorSecrets),
    };
    const checked = checkObject(kind, secrets.input, context);
    const statusPaths = new Set(secrets.errors.map((e) => e.path.join('/')));
    const errors = [...secrets.errors, ...checked.errors.filter((e) => !statusPaths.has(e.path.join('/')))];
    if (checked.value && prior) errors.push(...immutableIssues(kind, prior.body, checked.value));
    const what = describeInput(kind, input, prior?.id);
    if (errors.length > 0 || !checked.value) throw validationFailed(what, errors);
    return { value: inSchemaOrder(kind, checked.value), warnings: checked.warnings };
  }

  /** 409 when another object of the kind has the same `uniqueBy` fields. */
  private ensureUnique(kind: KindName, value: Record<string, unknown>, selfId: string | undefined): void {
    const existing = this.store.findByUniqueKey(kind, uniqueKeyOf(kind, value));
    if (existing !== undefined && existing !== selfId) throw duplicate(kind, value, existing);
  }

  private allocatePackageId(): string {
    const n = this.store.nextCounter(`package-id:${this.site.siteCode}`);
    if (n > MAX_PACKAGE_NUMBER) {
      throw new ApiError(507, 'idSpaceExhausted', `site ${this.site.siteCode} has used all ${MAX_PACKAGE_NUMBER} package IDs; no package can be created`);
    }
    return `${this.site.siteCode}${n.toString(16).toUpperCase().padStart(5, '0')}`;
  }

  /** Writes the object's row, secrets and references; returns the new revision. */
  private write(kind: KindName, id: string, body: Record<string, unknown>, secrets: StoredSecret[], value: Record<string, unknown>, how: 'insert' | 'update'): number {
    const revision = this.store.nextCounter('revision');
    const parentField = KINDS[kind].parentField;
    const row = {
      kind,
      id,
      parentId: parentField ? String(value[parentField]) : null,
      name: typeof value.name === 'string' ? value.name : null,
      version: typeof value.version === 'string' ? value.version : null,
      uniqueKey: uniqueKeyOf(kind, value),
      body,
      revision,
    };
    if (how === 'insert') this.store.insertObject(row);
    else this.store.updateObject(row);
    this.store.writeSecrets(kind, id, secrets);
    this.store.writeReferences(kind, id, lookupsFor(kind, value));
    return revision;
  }

  /** The stored secrets of an object; no query for kinds that have none. */
  private secretsOf(kind: KindName, id: string): StoredSecret[] {
    return KIND_HAS_SECRETS[kind] ? this.store.readSecrets(kind, id) : [];
  }

  private view(stored: StoredObject, secrets: readonly StoredSecret[]): ObjectView {
    return { kind: stored.kind, id: stored.id, body: withSecretStatuses(stored.body, secrets), etag: etagFor(stored.revision) };
  }
}

// ---- helpers ------------------------------------------------------------------------------------------

const describe = describeObject;

function describeInput(kind: KindName, input: unknown, id: string | undefined): string {
  if (id) return describe(kind, id);
  const name = isRecord(input) && typeof input.name === 'string' ? ` ${show(input.name)}` : '';
  return `the ${KINDS[kind].title.toLowerCase()}${name}`;
}

/** The uniqueBy fields as one comparable string; a field left out counts as empty (as the console shows it). */
function uniqueKeyOf(kind: KindName, value: Record<string, unknown>): string {
  return JSON.stringify(KINDS[kind].uniqueBy.map((f) => value[f] ?? ''));
}

function duplicate(kind: KindName, value: Record<string, unknown>, existingId: string): ApiError {
  const def = KINDS[kind];
  const fields = def.uniqueBy.map((f) => `${f} ${show(value[f] ?? '')}`).join(' and ');
  // Point at the field a person would change: not the parent's ID, which the URL fixes.
  const field = def.uniqueBy.find((f) => f !== def.parentField) ?? def.uniqueBy[0];
  const message = `${describe(kind, existingId)} already has ${fields}; ${def.uniqueBy.join(' + ')} must be unique among ${def.title.toLowerCase()}s`;
  return new ApiError(409, 'duplicate', message, [{ path: `/${field}`, rule: 'unique', message }]);
}

function stillReferenced(kind: KindName, id: string, prior: StoredObject, referrers: readonly Referrer[]): ApiError {
  const label = withName(kind, id, typeof prior.body.name === 'string' ? prior.body.name : null);
  const isChild = (r: Referrer) => kindRoute(r.kind).parent?.kind === kind && r.parentId === id;
  const details: ErrorDetail[] = referrers.map((r) => {
    const who = withName(r.kind, r.id, r.name);
    const message = isChild(r)
      ? `R2: ${label} cannot be deleted: ${who} belongs to it; delete the ${KINDS[r.kind].title.toLowerCase()} first`
      : `R2: ${label} cannot be deleted: ${who} references it at ${r.path}; change or delete it first`;
    return { path: r.path, rule: 'R2', message, referencedBy: { kind: r.kind, id: r.id, ...(r.name !== null ? { name: r.name } : {}) } };
  });
  const children = referrers.filter(isChild);
  // A package with several programs: one summary names them all.
  const message =
    children.length > 1 && children.length === referrers.length
      ? `R2: ${label} cannot be deleted: it still has ${children.length} ${KINDS[children[0].kind].title.toLowerCase()}s (${children.map((c) => show(c.name)).join(', ')}); delete them first`
      : summary(details);
  return new ApiError(409, 'referenced', message, details);
}

/** `task sequence CM100005 ("Deploy")`; a nested object's description already has its name. */
function withName(kind: KindName, id: string, name: string | null): string {
  return kindRoute(kind).parent || name === null ? describe(kind, id) : `${describe(kind, id)} (${show(name)})`;
}

/**
 * Fills the fields the URL names (a program's package and name) when the body leaves them out;
 * refuses a body that names others, since a nested object can neither move nor be renamed.
 */
function fillFromUrl(kind: KindName, input: unknown, fromUrl: Readonly<Record<string, string>> | undefined): unknown {
  if (!fromUrl || !isRecord(input)) return input;
  const out = { ...input };
  const mismatches: Issue[] = [];
  for (const [name, fixed] of Object.entries(fromUrl)) {
    if (out[name] === undefined) out[name] = fixed;
    else if (out[name] !== fixed) {
      mismatches.push(
        error(
          [name],
          'url',
          msg`${field([name])} is ${shown(out[name])} but the URL names ${shown(fixed)}; the body and the URL must name the same ${KINDS[kind].title.toLowerCase()} (it cannot be moved or renamed: create a new one)`,
        ),
      );
    }
  }
  if (mismatches.length > 0) throw validationFailed(describeInput(kind, input, undefined), mismatches);
  return out;
}

/**
 * The object with the fields of every nested object in the schema's order: what is stored and
 * returned does not depend on the order a client happened to send, so reads and audit records of
 * the same content are the same text.
 */
function inSchemaOrder(kind: KindName, value: Record<string, unknown>): Record<string, unknown> {
  return mapValue(KINDS[kind].schema, value, (schema, node) => {
    if (schema.type !== 'object' || !schema.properties || !isRecord(node)) return node;
    const ordered: Record<string, unknown> = {};
    for (const key of Object.keys(schema.properties as object)) if (key in node) ordered[key] = node[key];
    for (const key of Object.keys(node)) if (!(key in ordered)) ordered[key] = node[key];
    return ordered;
  }) as Record<string, unknown>;
}

/** Fields marked `immutable` in the model that a replacement tries to change. */
function immutableIssues(kind: KindName, prior: Record<string, unknown>, next: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  for (const [name, schema] of Object.entries(KINDS[kind].schema.properties as Record<string, TSchema>)) {
    if (!keyword(schema, 'immutable')) continue;
    if (JSON.stringify(prior[name] ?? null) === JSON.stringify(next[name] ?? null)) continue;
    issues.push(
      error(
        [name],
        'immutable',
        msg`${field([name])} is ${shown(next[name])} but was ${shown(prior[name])}; it cannot be changed after the ${KINDS[kind].title.toLowerCase()} is created: create a new one instead`,
      ),
    );
  }
  return issues;
}
