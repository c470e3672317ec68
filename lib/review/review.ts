/**
 * The review of a plan: what a reviewer of a deployment change needs, as one value that the
 * renderers (Markdown, text) show and that `--format json` writes as it is. The JSON form is
 * documented in the README ("Review a change"); its shape changes only with `version`.
 *
 * Everything is derived from the plan (and, when given, the server's task sequences) with no
 * clock or randomness: the same plan gives the same review, byte for byte.
 */
import type { TSchema } from '@sinclair/typebox';
import { KINDS, objectId, type KindName, type Step } from '../model';
import { adviceFor, type Advice, type ObjectLookup } from './advice';
import { blastRadius, type ChangedObject, type Impact, type SequenceValues } from './blast-radius';
import { diffFields, type FieldChange } from './field-diff';
import { flowchart } from './mermaid';
import { configuredExpressions, dataSourceValues, plannedAction, referencedAddresses, type PlanJson, type ResourceChangeJson } from './plan';
import { compareSteps, type StepChange } from './steps';
import { toModelValue, toPlainValue } from './values';

export const REVIEW_FORMAT = 'cdk-osd-review';
export const REVIEW_VERSION = 1;

export type ObjectAction = 'create' | 'update' | 'replace' | 'delete' | 'forget';

export interface ActionCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly forget: number;
}

export interface KindCounts extends ActionCounts {
  /** The model's kind (`package`), or the Terraform type of a resource the model does not know. */
  readonly kind: string;
  readonly title: string;
}

export interface Summary extends ActionCounts {
  readonly byKind: readonly KindCounts[];
  /** The plan replaces or deletes an object that a task sequence uses (see `blastRadius`). */
  readonly replacesOrDeletesUsedObjects: boolean;
}

export interface ObjectReview {
  readonly address: string;
  readonly previousAddress?: string;
  readonly type: string;
  readonly kind?: KindName;
  readonly title: string;
  readonly name?: string;
  /** The object's ID before the change (absent for a create). */
  readonly id?: string;
  readonly action: ObjectAction;
  /** The attributes whose change forces the replacement. */
  readonly replaceBecause?: readonly string[];
  /** The object's own fields that change (for a task sequence: all but its steps). */
  readonly changes: readonly FieldChange[];
  /** A task sequence's steps, matched by name within their group. */
  readonly steps?: readonly StepChange[];
  /** A task sequence after the change as a Mermaid flowchart (created or updated sequences). */
  readonly mermaid?: string;
}

export interface Review {
  readonly format: typeof REVIEW_FORMAT;
  readonly version: typeof REVIEW_VERSION;
  /** What was reviewed, as the caller named it (a stack, a plan file). */
  readonly title?: string;
  readonly summary: Summary;
  /** Every object the plan creates, updates, replaces, deletes or forgets, by address. */
  readonly objects: readonly ObjectReview[];
  /** For each object updated, replaced or deleted that task sequences could use: which use it. */
  readonly blastRadius: readonly Impact[];
  /** Whether the server's task sequences were searched too. */
  readonly serverChecked: boolean;
  /** The seed rules' advice (R4, R7, R8) on the planned values. */
  readonly advice: readonly Advice[];
}

export interface ReviewOptions {
  readonly title?: string;
  /** The task sequences on the server (`--server`) as the API returns them; those the plan manages are skipped. */
  readonly serverSequences?: readonly { readonly id: string; readonly name: string; readonly steps: readonly object[] }[];
}

interface ReadChange {
  readonly rc: ResourceChangeJson;
  readonly kind?: KindName;
  readonly action: ObjectAction | 'none';
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
}

const KIND_BY_TYPE = new Map(Object.values(KINDS).map((k) => [k.terraformType, k.kind]));
const TASK_SEQUENCE: KindName = 'taskSequence';

export function reviewPlan(plan: PlanJson, options: ReviewOptions = {}): Review {
  const changes: ReadChange[] = plan.resource_changes
    .filter((rc) => rc.mode === 'managed')
    .map((rc) => {
      const kind = KIND_BY_TYPE.get(rc.type);
      const schema = kind ? (KINDS[kind].schema as TSchema) : undefined;
      const read = (value: unknown, unknown: unknown, sensitive: unknown) =>
        schema ? toModelValue(schema, value, { unknown, sensitive }) : (toPlainValue(value, { unknown, sensitive }) as Record<string, unknown> | undefined);
      return {
        rc,
        ...(kind ? { kind } : {}),
        action: plannedAction(rc.change.actions),
        before: read(rc.change.before, undefined, rc.change.before_sensitive),
        after: read(rc.change.after, rc.change.after_unknown, rc.change.after_sensitive),
      };
    })
    .sort((a, b) => (a.rc.address < b.rc.address ? -1 : a.rc.address > b.rc.address ? 1 : 0));

  const objects = changes.filter((c): c is ReadChange & { action: ObjectAction } => c.action !== 'none').map(objectReview);
  const sequences = changes.filter((c) => c.kind === TASK_SEQUENCE);
  const managedIds = new Set(sequences.map((c) => c.before?.id).filter((id): id is string => typeof id === 'string'));
  const changed: ChangedObject[] = changes.flatMap((c) => {
    if (!c.kind || c.kind === TASK_SEQUENCE || !c.before || (c.action !== 'update' && c.action !== 'replace' && c.action !== 'delete')) return [];
    // Named as it is now, before the change: the object the sequences use.
    const name = c.before.name;
    return [{ address: c.rc.address, kind: c.kind, title: KINDS[c.kind].title, ...(typeof name === 'string' ? { name } : {}), id: objectId(c.kind, c.before), action: c.action }];
  });
  const inPlan: SequenceValues[] = sequences.map((c) => ({
    name: String(c.after?.name ?? c.before?.name ?? c.rc.address),
    address: c.rc.address,
    ...(typeof c.before?.id === 'string' ? { id: c.before.id } : {}),
    values: [c.before, c.after].filter((v): v is Record<string, unknown> => v !== undefined),
  }));
  const onServer: SequenceValues[] = (options.serverSequences ?? [])
    .filter((s) => !managedIds.has(s.id))
    .map((s) => ({ name: s.name, id: s.id, values: [s as { steps: readonly Step[] }] }));
  const impacts = blastRadius(changed, inPlan, onServer);

  const lookup = objectLookup(plan, changes);
  const advice = changes.flatMap((c) =>
    c.kind && c.after && (c.action === 'create' || c.action === 'update' || c.action === 'replace')
      ? adviceFor({ address: c.rc.address, kind: c.kind, after: c.after, ...(c.action === 'update' && c.before ? { before: c.before } : {}) }, lookup)
      : [],
  );

  return {
    format: REVIEW_FORMAT,
    version: REVIEW_VERSION,
    ...(options.title !== undefined ? { title: options.title } : {}),
    summary: summarize(objects, impacts),
    objects,
    blastRadius: impacts,
    serverChecked: options.serverSequences !== undefined,
    advice,
  };
}

function nameOf(c: ReadChange): { name?: string } {
  const name = c.after?.name ?? c.before?.name;
  return typeof name === 'string' ? { name } : {};
}

function objectReview(c: ReadChange & { action: ObjectAction }): ObjectReview {
  const { rc, kind, action } = c;
  const schema = kind ? (KINDS[kind].schema as TSchema) : undefined;
  const isSequence = kind === TASK_SEQUENCE;
  // A deleted object's fields need no list; a created one lists what it is given.
  const [before, after] = action === 'delete' || action === 'forget' ? [undefined, undefined] : [c.before, c.after];
  const changes = diffFields(schema, action === 'create' ? undefined : before, after, {
    // The ID and other fields the server sets follow from the change; a sequence's steps are compared on their own.
    skip: (field, path) => path.length === 1 && ((isSequence && field === 'steps') || (schema?.properties?.[field] as TSchema | undefined)?.readOnly === true),
    omitDefaults: action === 'create',
  });
  const review: ObjectReview = {
    address: rc.address,
    ...(rc.previous_address ? { previousAddress: rc.previous_address } : {}),
    type: rc.type,
    ...(kind ? { kind } : {}),
    title: kind ? KINDS[kind].title : rc.type,
    ...nameOf(c),
    ...(kind && c.before && action !== 'create' ? { id: objectId(kind, c.before) } : {}),
    action,
    ...(action === 'replace' && rc.change.replace_paths?.length ? { replaceBecause: rc.change.replace_paths.map(attributePath) } : {}),
    changes,
  };
  if (!isSequence || action === 'delete' || action === 'forget') return review;
  const stepsBefore = action === 'create' ? [] : ((c.before?.steps as Step[] | undefined) ?? []);
  const stepsAfter = (c.after?.steps as Step[] | undefined) ?? [];
  const compared = compareSteps(stepsBefore, stepsAfter);
  return { ...review, steps: compared.changes, mermaid: flowchart(stepsAfter, action === 'create' ? [] : compared.marks) };
}

/** A Terraform attribute path (`["steps", 3, "name"]`) as text: `steps[3].name`. */
function attributePath(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function summarize(objects: readonly ObjectReview[], impacts: readonly Impact[]): Summary {
  const zero = (): Record<ObjectAction, number> => ({ create: 0, update: 0, replace: 0, delete: 0, forget: 0 });
  const total = zero();
  const byKind = new Map<string, { title: string; counts: Record<ObjectAction, number> }>();
  for (const o of objects) {
    total[o.action]++;
    const key = o.kind ?? o.type;
    const entry = byKind.get(key) ?? { title: o.title, counts: zero() };
    entry.counts[o.action]++;
    byKind.set(key, entry);
  }
  // The model's kinds in the model's order, then other resource types by name.
  const order = (k: string) => {
    const i = Object.keys(KINDS).indexOf(k);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const kinds = [...byKind.keys()].sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...total,
    byKind: kinds.map((kind) => ({ kind, title: byKind.get(kind)!.title, ...byKind.get(kind)!.counts })),
    replacesOrDeletesUsedObjects: impacts.some((i) => (i.action === 'replace' || i.action === 'delete') && i.usedBy.length > 0),
  };
}

/** Finds the objects that rules need (a program's package) among the plan's planned and prior values. */
function objectLookup(plan: PlanJson, changes: readonly ReadChange[]): ObjectLookup {
  const byAddress = new Map<string, { kind: KindName; value: Record<string, unknown> }>();
  const byId = new Map<string, Record<string, unknown>>();
  for (const c of changes) {
    if (!c.kind) continue;
    const value = c.after ?? c.before;
    if (value) byAddress.set(c.rc.address, { kind: c.kind, value });
    for (const v of [c.before, c.after]) {
      const id = v ? knownId(c.kind, v) : undefined;
      if (v && id !== undefined) byId.set(`${c.kind} ${id}`, v);
    }
  }
  for (const [address, data] of dataSourceValues(plan)) {
    const kind = KIND_BY_TYPE.get(data.type);
    const schema = kind ? (KINDS[kind].schema as TSchema) : undefined;
    const value = schema ? toModelValue(schema, data.values, {}) : undefined;
    if (kind && value) byAddress.set(address, { kind, value });
  }
  const expressions = configuredExpressions(plan);
  return {
    byId: (kind, id) => byId.get(`${kind} ${id}`),
    referencedBy: (address, kind) => {
      const candidates = referencedAddresses(expressions.get(configAddress(address))).filter((a) => byAddress.get(a)?.kind === kind);
      return candidates.length === 1 ? byAddress.get(candidates[0])!.value : undefined;
    },
  };
}

/** The object's ID when the plan knows it (not for an object still to be created). */
function knownId(kind: KindName, value: Record<string, unknown>): string | undefined {
  const id = KINDS[kind].id.fromFields(value) ?? value.id;
  return typeof id === 'string' ? id : undefined;
}

/** A resource's address in the configuration: without its instance key (`osd_package.app["x"]` → `osd_package.app`). */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}
