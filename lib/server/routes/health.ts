/** `GET /api/v1/health`: no token needed, no fault injected; says the process answers. */
import type { FastifyInstance } from 'fastify';
import { API_BASE } from '../kind-paths';

export const HEALTH_PATH = `${API_BASE}/health`;

export function registerHealthRoute(app: FastifyInstance): void {
  app.get(HEALTH_PATH, async () => ({ status: 'ok' }));
}
