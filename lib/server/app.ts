/**
 * Builds the HTTP application from a configuration and an open store, without listening: main.ts
 * listens, tests and benchmarks may use it in-process.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { Authenticator } from './auth';
import type { ServerConfig } from './config';
import { ApiError } from './errors';
import { Faults } from './faults';
import { installErrorHandling } from './http-errors';
import { IdempotentCreates } from './idempotency';
import { installJsonBodyParser } from './json-body';
import { trackRouteMethods } from './method-not-allowed';
import { ObjectService } from './objects';
import { registerAuditRoute } from './routes/audit';
import type { RouteContext } from './routes/context';
import { HEALTH_PATH, registerHealthRoute } from './routes/health';
import { registerObjectRoutes } from './routes/objects';
import { registerOpenApiRoute } from './routes/openapi';
import { registerSiteRoute } from './routes/site';
import type { Store } from './store';

export interface AppOptions {
  readonly config: ServerConfig;
  /** An open store; the caller closes it after the app. */
  readonly store: Store;
  /** Receives one line per answered request: method, path, status, milliseconds. */
  readonly logRequest?: (line: string) => void;
}

/** Program names (a URL segment) may be 50 characters, each up to 12 once percent-encoded. */
const MAX_PARAM_LENGTH = 1000;

export function buildApp(options: AppOptions): FastifyInstance {
  const { config, store } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimit,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true },
    // Refused below instead, with the API's own error envelope.
    return503OnClosing: false,
  });
  installJsonBodyParser(app);
  installErrorHandling(app, config.bodyLimit);

  const logRequest = options.logRequest;
  const auth = new Authenticator(config.tokens);
  const faults = new Faults(config.faults, (request) => logRequest?.(`${request.method} ${request.url} committed, answer dropped (injected fault)`));
  const ctx: RouteContext = {
    config,
    store,
    objects: new ObjectService(store, config.site),
    auth,
    faults,
    idempotency: new IdempotentCreates(store),
  };

  // A request arriving on a kept-alive connection while the server shuts down is refused (and the
  // connection closed); the requests already in flight finish.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  // Faults come first ("before doing anything"), then the token. Health needs neither, so that
  // whoever waits for the server can always tell it is up.
  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      throw new ApiError(503, 'unavailable', 'the server is shutting down; retry in a moment', [], { 'retry-after': '1', connection: 'close' });
    }
    if (request.routeOptions.url === HEALTH_PATH) return;
    if (faults.enabled) await faults.hook(request, reply);
    await auth.hook(request, reply);
  });

  if (logRequest) {
    app.addHook('onResponse', async (request, reply) => {
      logRequest(`${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    });
  }

  const routeMethods = trackRouteMethods(app);
  registerHealthRoute(app);
  registerSiteRoute(app, ctx);
  registerAuditRoute(app, ctx);
  registerOpenApiRoute(app);
  registerObjectRoutes(app, ctx);
  routeMethods.refuseOtherMethods();
  return app;
}
