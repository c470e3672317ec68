/** `GET /api/v1/site`: the site this server stands for (code, name, ConfigMgr version, USMT versions). */
import type { FastifyInstance } from 'fastify';
import { API_BASE } from '../kind-paths';
import type { RouteContext } from './context';

export function registerSiteRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get(`${API_BASE}/site`, async () => ctx.config.site);
}
