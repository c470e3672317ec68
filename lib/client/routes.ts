/**
 * The URL of each request, from the model's API layout (`lib/model/api-paths.ts`), which the
 * server's routes use too.
 *
 * The layout is loaded on first use, not at import: it builds every schema, which costs tens of
 * milliseconds, and the provider imports the client in a process Terraform starts many times.
 */
import type { KindName } from '../model/kinds';

type ApiPaths = typeof import('../model/api-paths');

let paths: ApiPaths | undefined;

function layout(): ApiPaths {
  // A plain require keeps the load synchronous and lazy; the project compiles to CommonJS.
  paths ??= require('../model/api-paths') as ApiPaths;
  return paths;
}

export const API_BASE = '/api/v1';

export const collectionPath = (kind: KindName, parentId?: string): string => layout().collectionPath(kind, parentId);
export const objectPath = (kind: KindName, id: string): string => layout().itemPath(kind, id);
export const createPath = (kind: KindName, value: Readonly<Record<string, unknown>>): string => layout().createPath(kind, value);
export const listPath = (kind: KindName, filter: Readonly<Record<string, string | undefined>> = {}): string => layout().listPath(kind, filter);
