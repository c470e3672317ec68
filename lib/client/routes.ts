/**
 * Where each kind lives in the API, derived from the model's `KINDS` registry: a kind's
 * `collection`, and for a kind with a `parentField` (programs) the parent's collection, found
 * through the `references` keyword of that field. Nothing here names a kind.
 *
 * The registry is loaded on first use, not at import: it builds every schema, which costs tens of
 * milliseconds, and the provider imports the client in a process Terraform starts many times.
 */
import type { KindDefinition, KindName } from '../model';

type Registry = Readonly<Record<KindName, KindDefinition>>;

let registry: Registry | undefined;

function kinds(): Registry {
  // A plain require keeps the load synchronous and lazy; the project compiles to CommonJS.
  registry ??= (require('../model/kinds') as typeof import('../model/kinds')).KINDS;
  return registry;
}

export const API_BASE = '/api/v1';

function segment(value: string, what: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  return encodeURIComponent(value);
}

/** The parent of a kind that lives under another object: its ID field and the parent kind's definition. */
function parentOf(def: KindDefinition): { field: string; parent: KindDefinition } | undefined {
  if (!def.parentField) return undefined;
  const field = def.schema.properties[def.parentField] as { references?: string } | undefined;
  const parentKind = field?.references as KindName | undefined;
  const parent = parentKind ? kinds()[parentKind] : undefined;
  if (!parent) throw new Error(`model: ${def.kind}.${def.parentField} is a parent field but references no known kind`);
  return { field: def.parentField, parent };
}

function definition(kind: KindName): KindDefinition {
  const def = kinds()[kind];
  if (!def) throw new TypeError(`unknown kind ${JSON.stringify(kind)}; expected one of ${Object.keys(kinds()).join(', ')}`);
  return def;
}

/** `/api/v1/packages`, or `/api/v1/packages/CM100012/programs` for a kind under a parent. */
export function collectionPath(kind: KindName, parentId?: string): string {
  const def = definition(kind);
  const parent = parentOf(def);
  if (!parent) return `${API_BASE}/${def.collection}`;
  const pid = segment(parentId as string, `the ${parent.field} of a ${def.title.toLowerCase()}`);
  return `${API_BASE}/${parent.parent.collection}/${pid}/${def.collection}`;
}

/**
 * The URL path of one object from its ID as `objectId()` builds it: the package ID, or
 * `<parentId>/<name>` for a kind under a parent (split at the first `/`: parent IDs have none, a
 * name may).
 */
export function objectPath(kind: KindName, id: string): string {
  const def = definition(kind);
  if (!parentOf(def)) return `${collectionPath(kind)}/${segment(id, 'id')}`;
  const slash = typeof id === 'string' ? id.indexOf('/') : -1;
  if (slash <= 0 || slash === id.length - 1) {
    throw new TypeError(`a ${def.title.toLowerCase()} ID has the form <${def.parentField}>/<name>, got ${JSON.stringify(id)}`);
  }
  return `${collectionPath(kind, id.slice(0, slash))}/${segment(id.slice(slash + 1), 'name')}`;
}

/** Where to POST a new object: its kind's collection, under the parent its parent field names. */
export function createPath(kind: KindName, value: Readonly<Record<string, unknown>>): string {
  const parent = parentOf(definition(kind));
  return collectionPath(kind, parent ? (value[parent.field] as string) : undefined);
}

/** The collection with the `name`/`version` filters as a query; the parent ID is taken from the filter. */
export function listPath(kind: KindName, filter: Readonly<Record<string, string | undefined>> = {}): string {
  const parent = parentOf(definition(kind));
  const base = collectionPath(kind, parent ? filter[parent.field] : undefined);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && key !== parent?.field) query.set(key, value);
  }
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}
