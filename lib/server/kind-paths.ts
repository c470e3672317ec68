/**
 * Where each kind lives in the URL space, derived from the model's `KINDS` registry: a kind is a
 * collection under `/api/v1`, or, when it has a `parentField`, a collection under the object its
 * parent field references (programs under their package). Routes, `Location` headers and the
 * OpenAPI document all read it here.
 */
import type { TSchema } from '@sinclair/typebox';
import { KIND_NAMES, KINDS, keyword, type KindDefinition, type KindName } from '../model';

export const API_BASE = '/api/v1';

export interface KindPaths {
  readonly kind: KindName;
  readonly definition: KindDefinition;
  /** For a nested kind: the kind of its parent, and the field holding the parent's ID. */
  readonly parent?: { readonly kind: KindName; readonly field: string };
  /** Fastify route patterns (`:param`). */
  readonly collectionRoute: string;
  readonly itemRoute: string;
  /** OpenAPI path templates (`{param}`). */
  readonly collectionTemplate: string;
  readonly itemTemplate: string;
}

/** The URL parameter naming a nested object within its parent (a program's `name`, as in `objectId`). */
export const CHILD_KEY_FIELD = 'name';

function pathsOf(kind: KindName): KindPaths {
  const definition = KINDS[kind];
  if (!definition.parentField) {
    const collection = `${API_BASE}/${definition.collection}`;
    return {
      kind,
      definition,
      collectionRoute: collection,
      itemRoute: `${collection}/:id`,
      collectionTemplate: collection,
      itemTemplate: `${collection}/{id}`,
    };
  }
  const parentSchema = (definition.schema.properties as Record<string, TSchema>)[definition.parentField];
  const parentKind = parentSchema && (keyword(parentSchema, 'references') as KindName | undefined);
  if (!parentKind || !KINDS[parentKind]) throw new Error(`kind ${kind}: parent field ${definition.parentField} references no known kind`);
  const parentCollection = `${API_BASE}/${KINDS[parentKind].collection}`;
  return {
    kind,
    definition,
    parent: { kind: parentKind, field: definition.parentField },
    collectionRoute: `${parentCollection}/:parentId/${definition.collection}`,
    itemRoute: `${parentCollection}/:parentId/${definition.collection}/:${CHILD_KEY_FIELD}`,
    collectionTemplate: `${parentCollection}/{${definition.parentField}}/${definition.collection}`,
    itemTemplate: `${parentCollection}/{${definition.parentField}}/${definition.collection}/{${CHILD_KEY_FIELD}}`,
  };
}

export const KIND_PATHS: Readonly<Record<KindName, KindPaths>> = Object.fromEntries(KIND_NAMES.map((k) => [k, pathsOf(k)])) as Record<KindName, KindPaths>;

/** The ID of a nested object: `<parentId>/<key>` (as the model's `objectId` forms it). */
export function childId(parentId: string, key: string): string {
  return `${parentId}/${key}`;
}

/** The URL of an object, for `Location`. */
export function itemUrl(kind: KindName, id: string): string {
  const paths = KIND_PATHS[kind];
  if (!paths.parent) return `${API_BASE}/${paths.definition.collection}/${encodeURIComponent(id)}`;
  const slash = id.indexOf('/');
  const parentId = id.slice(0, slash);
  const key = id.slice(slash + 1);
  return `${API_BASE}/${KINDS[paths.parent.kind].collection}/${encodeURIComponent(parentId)}/${paths.definition.collection}/${encodeURIComponent(key)}`;
}
