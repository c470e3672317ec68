/**
 * The server's view of the API layout (`lib/model/api-paths.ts`): fastify route patterns,
 * OpenAPI path templates, and what an item URL's parameters say about the object.
 */
import { API_BASE, itemPath, KIND_NAMES, KINDS, kindRoute, routePattern, type KindName, type KindRoute } from '../model';

export { API_BASE };

export interface KindPaths {
  readonly kind: KindName;
  readonly route: KindRoute;
  /** Fastify route patterns (`:param`). */
  readonly collectionRoute: string;
  readonly itemRoute: string;
  /** OpenAPI path templates (`{param}`). */
  readonly collectionTemplate: string;
  readonly itemTemplate: string;
}

function pathsOf(kind: KindName): KindPaths {
  const route = kindRoute(kind);
  return {
    kind,
    route,
    collectionRoute: routePattern(route.collection, (p) => `:${p}`),
    itemRoute: routePattern(route.item, (p) => `:${p}`),
    collectionTemplate: routePattern(route.collection, (p) => `{${p}}`),
    itemTemplate: routePattern(route.item, (p) => `{${p}}`),
  };
}

export const KIND_PATHS: Readonly<Record<KindName, KindPaths>> = Object.fromEntries(KIND_NAMES.map((k) => [k, pathsOf(k)])) as Record<KindName, KindPaths>;

/** The ID an item URL's parameters name (`objectId`). */
export function idFromParams(kind: KindName, params: Readonly<Record<string, string>>): string {
  return KINDS[kind].id.fromFields(params) ?? params.id;
}

/**
 * The fields a URL fixes for an object of a kind under a parent (its parent's ID, and on an item
 * URL its own key), which a body may leave out; undefined for other kinds.
 */
export function fieldsFromParams(kind: KindName, params: Readonly<Record<string, string>>): Record<string, string> | undefined {
  if (!kindRoute(kind).parent) return undefined;
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

/** The URL of an object, for `Location`. */
export function itemUrl(kind: KindName, id: string): string {
  return itemPath(kind, id);
}
