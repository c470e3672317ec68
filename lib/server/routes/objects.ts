/**
 * The generic CRUD routes, registered for every kind in the model's `KINDS` registry: list,
 * create, read, replace, delete. A nested kind (programs) gets the same routes under its parent
 * (`/packages/{packageId}/programs/{name}`); nothing here names a kind.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeObject, KIND_NAMES, KINDS, type KindName } from '../../model';
import { badRequest, notFound } from '../errors';
import { WARNINGS_HEADER, warningsHeaderValue } from '../headers';
import { IdempotentCreates } from '../idempotency';
import { fieldsFromParams, idFromParams, itemUrl, KIND_PATHS } from '../kind-paths';
import type { WriteResult } from '../objects';
import type { StoredResponse } from '../store';
import { JSON_TYPE, type Query, type RouteContext } from './context';
import { readQuery } from './query';

type Params = Record<string, string>;

export function registerObjectRoutes(app: FastifyInstance, ctx: RouteContext): void {
  for (const kind of KIND_NAMES) registerKind(app, ctx, kind);
}

function registerKind(app: FastifyInstance, ctx: RouteContext, kind: KindName): void {
  const paths = KIND_PATHS[kind];
  const parent = paths.route.parent;
  const idOf = (params: Params): string => idFromParams(kind, params);
  const fromUrl = (params: Params): Record<string, string> | undefined => fieldsFromParams(kind, params);

  app.get<{ Params: Params; Querystring: Query }>(paths.collectionRoute, async (request, reply) => {
    const query = readQuery(request.query, ['name', 'version']);
    if (parent && !ctx.store.getObject(parent.kind, request.params[parent.field])) {
      throw notFound(`${describeObject(parent.kind, request.params[parent.field])} does not exist, so it has no ${KINDS[kind].title.toLowerCase()}s`);
    }
    const items = ctx.objects.list(kind, { ...query, ...(parent ? { parentId: request.params[parent.field] } : {}) });
    return reply.type(JSON_TYPE).send({ items });
  });

  app.post<{ Params: Params; Querystring: Query }>(paths.collectionRoute, async (request, reply) => {
    readQuery(request.query, []);
    const body = requireBody(request);
    const actor = ctx.auth.actorOf(request);
    const key = IdempotentCreates.keyOf(request.headers['idempotency-key']);
    const { response, replayed } = ctx.idempotency.run(actor.name, key, { method: request.method, url: request.url, body }, () =>
      asStoredResponse(201, ctx.objects.create(kind, body, { actor: actor.name, fromUrl: fromUrl(request.params) }), true),
    );
    if (!replayed && ctx.faults.dropAfterCommit(request, reply)) return reply;
    return reply
      .code(response.status)
      .headers({ ...response.headers, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) })
      .type(JSON_TYPE)
      .send(response.body);
  });

  app.get<{ Params: Params; Querystring: Query }>(paths.itemRoute, async (request, reply) => {
    readQuery(request.query, []);
    const view = ctx.objects.read(kind, idOf(request.params));
    return reply.header('etag', view.etag).type(JSON_TYPE).send(view.body);
  });

  app.put<{ Params: Params; Querystring: Query }>(paths.itemRoute, async (request, reply) => {
    readQuery(request.query, []);
    const body = requireBody(request);
    const actor = ctx.auth.actorOf(request);
    const result = ctx.objects.replace(kind, idOf(request.params), body, { actor: actor.name, ifMatch: ifMatchOf(request), fromUrl: fromUrl(request.params) });
    if (ctx.faults.dropAfterCommit(request, reply)) return reply;
    const response = asStoredResponse(200, result, false);
    return reply.code(response.status).headers(response.headers).type(JSON_TYPE).send(response.body);
  });

  app.delete<{ Params: Params; Querystring: Query }>(paths.itemRoute, async (request, reply) => {
    readQuery(request.query, []);
    const actor = ctx.auth.actorOf(request);
    ctx.objects.remove(kind, idOf(request.params), { actor: actor.name, ifMatch: ifMatchOf(request) });
    if (ctx.faults.dropAfterCommit(request, reply)) return reply;
    return reply.code(204).send();
  });
}

/** A write's answer as headers and body text (what an idempotency record keeps). */
function asStoredResponse(status: number, result: WriteResult, withLocation: boolean): StoredResponse {
  const headers: Record<string, string> = { etag: result.view.etag };
  if (withLocation) headers.location = itemUrl(result.view.kind, result.view.id);
  if (result.warnings.length > 0) headers[WARNINGS_HEADER] = warningsHeaderValue(result.warnings);
  return { status, headers, body: JSON.stringify(result.view.body) };
}

function requireBody(request: FastifyRequest): unknown {
  if (request.body === undefined) throw badRequest(`${request.method} needs a JSON body (Content-Type: application/json)`);
  return request.body;
}

function ifMatchOf(request: FastifyRequest): string | undefined {
  const header = request.headers['if-match'];
  return Array.isArray(header) ? header.join(', ') : header;
}

