/**
 * Where each kind lives in the HTTP API, derived from `KINDS`: a kind is a collection under
 * `/api/v1`, or, when it has a `parentField`, a collection under the object that field references
 * (programs under their package). An object's URL holds the fields of its ID (`id.parse`). The
 * server's routes, its `Location` headers, its OpenAPI document and the client's requests all read
 * the layout here, so they cannot disagree.
 */
import { KINDS, type KindName } from './kinds';

export const API_BASE = '/api/v1';

/** One segment of a route: fixed text, or a parameter holding one of the kind's ID fields. */
export type RouteSegment = { readonly text: string } | { readonly param: string };

export interface KindRoute {
  readonly kind: KindName;
  /** For a kind under another object: the parent's kind and the field holding its ID. */
  readonly parent?: { readonly kind: KindName; readonly field: string };
  /** Where objects are listed and created; its one parameter (if any) is the parent's ID field. */
  readonly collection: readonly RouteSegment[];
  /** One object; its parameters are the fields of the kind's ID. */
  readonly item: readonly RouteSegment[];
}

const routes = new Map<KindName, KindRoute>();

/** The routes of `kind`. */
export function kindRoute(kind: KindName): KindRoute {
  let route = routes.get(kind);
  if (!route) {
    route = buildRoute(kind);
    routes.set(kind, route);
  }
  return route;
}

function buildRoute(kind: KindName): KindRoute {
  const def = KINDS[kind];
  if (!def) throw new TypeError(`unknown kind ${JSON.stringify(kind)}; expected one of ${Object.keys(KINDS).join(', ')}`);
  const base: RouteSegment[] = [{ text: API_BASE.slice(1) }];
  if (!def.parentField) {
    const collection = [...base, { text: def.collection }];
    return { kind, collection, item: [...collection, { param: 'id' }] };
  }
  const parentKind = def.schema.properties[def.parentField]?.references as KindName | undefined;
  if (!parentKind || !KINDS[parentKind]) throw new Error(`model: ${kind}.${def.parentField} is a parent field but references no known kind`);
  const collection = [...base, { text: KINDS[parentKind].collection }, { param: def.parentField }, { text: def.collection }];
  const own = Object.keys(def.id.parse(def.id.example) ?? {}).filter((f) => f !== def.parentField);
  return { kind, parent: { kind: parentKind, field: def.parentField }, collection, item: [...collection, ...own.map((param) => ({ param }))] };
}

/** A route as a pattern, each parameter written by `param` (fastify `:name`, OpenAPI `{name}`). */
export function routePattern(segments: readonly RouteSegment[], param: (name: string) => string): string {
  return segments.map((s) => '/' + ('text' in s ? s.text : param(s.param))).join('');
}

/** The route with its parameters filled in (URL-encoded); `what` names the object in the error for a missing value. */
export function fillRoute(segments: readonly RouteSegment[], values: Readonly<Record<string, unknown>>, what: string): string {
  return segments
    .map((s) => {
      if ('text' in s) return `/${s.text}`;
      const v = values[s.param];
      if (typeof v !== 'string' || v === '') throw new TypeError(`the ${s.param} of ${what} must be a non-empty string, got ${JSON.stringify(v)}`);
      return `/${encodeURIComponent(v)}`;
    })
    .join('');
}

/** `/api/v1/packages`, or `/api/v1/packages/CM100012/programs` for a kind under a parent. */
export function collectionPath(kind: KindName, parentId?: string): string {
  const route = kindRoute(kind);
  return fillRoute(route.collection, route.parent ? { [route.parent.field]: parentId } : {}, `a ${KINDS[kind].title.toLowerCase()}`);
}

/** The URL path of one object from its ID (`objectId`): `/api/v1/packages/CM100012`, `/api/v1/packages/CM100012/programs/Install`. */
export function itemPath(kind: KindName, id: string): string {
  const def = KINDS[kind];
  const route = kindRoute(kind);
  const fields = typeof id === 'string' ? def.id.parse(id) : undefined;
  if (!fields && route.parent) throw new TypeError(`a ${def.title.toLowerCase()} ID is ${def.id.description}, got ${JSON.stringify(id)}`);
  return fillRoute(route.item, fields ?? { id }, `a ${def.title.toLowerCase()}`);
}

/** Where to POST a new object: its kind's collection, under the parent its parent field names. */
export function createPath(kind: KindName, value: Readonly<Record<string, unknown>>): string {
  const parent = kindRoute(kind).parent;
  return collectionPath(kind, parent ? (value[parent.field] as string) : undefined);
}

/** The collection with a filter as its query; a parent's ID field in the filter goes into the path. */
export function listPath(kind: KindName, filter: Readonly<Record<string, string | undefined>> = {}): string {
  const parent = kindRoute(kind).parent;
  const base = collectionPath(kind, parent ? filter[parent.field] : undefined);
  const query = new URLSearchParams();
  for (const [key, v] of Object.entries(filter)) if (v !== undefined && key !== parent?.field) query.set(key, v);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}
