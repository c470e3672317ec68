/** `GET /api/v1/openapi.json`: the API described from the model, computed once at start. */
import type { FastifyInstance } from 'fastify';
import { API_BASE } from '../kind-paths';
import { openApiDocument } from '../openapi';
import { JSON_TYPE } from './context';

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = JSON.stringify(openApiDocument());
  app.get(`${API_BASE}/openapi.json`, async (_request, reply) => reply.type(JSON_TYPE).send(document));
}
