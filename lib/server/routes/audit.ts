/**
 * `GET /api/v1/audit?after=SEQ&limit=N`: the audit trail in order, a page at a time. A client
 * pages by passing the last `seq` it saw as `after`.
 */
import type { FastifyInstance } from 'fastify';
import { API_BASE } from '../kind-paths';
import type { Query, RouteContext } from './context';
import { integerParameter, readQuery } from './query';

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 1000;

export function registerAuditRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: Query }>(`${API_BASE}/audit`, async (request) => {
    const query = readQuery(request.query, ['after', 'limit']);
    const after = integerParameter('after', query.after, 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = integerParameter('limit', query.limit, AUDIT_PAGE_DEFAULT, 1, AUDIT_PAGE_MAX);
    return { items: ctx.store.listAudit(after, limit) };
  });
}
