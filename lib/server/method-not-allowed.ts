/**
 * A method a path does not support is answered `405 Method Not Allowed` with an `Allow` header
 * listing the methods it does support; a path no route has stays `404`.
 *
 * The routes say which methods each path has: `trackRouteMethods` watches them being registered,
 * and `refuseOtherMethods` (called once all are) registers every other method on the same paths
 * with fastify's own router, so matching works exactly as for the real routes (parameters,
 * trailing slashes). The refusal comes in the route's `onRequest`, before any body is read: a
 * PATCH is 405 whatever it carries, not a 415 about its content type.
 */
import * as http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';

/** The order `Allow` lists methods in; any others follow alphabetically. */
const ALLOW_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'];

/** Node answers CONNECT itself (a tunnel), so no route can take it. */
const UNROUTABLE = new Set(['CONNECT']);

export interface RouteMethods {
  /** Registers the 405 answer for every method the tracked paths lack. Call after the last route. */
  refuseOtherMethods(): void;
}

export function trackRouteMethods(app: FastifyInstance): RouteMethods {
  // Let the router see every method Node's HTTP parser accepts (fastify knows only the common
  // ones), so that e.g. PROPFIND on an existing path is a 405 too rather than a 404.
  for (const method of http.METHODS) {
    if (!UNROUTABLE.has(method) && !app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
  }
  const methodsByUrl = new Map<string, Set<string>>();
  let done = false;
  app.addHook('onRoute', (route) => {
    if (done) return;
    const methods = methodsByUrl.get(route.url) ?? new Set<string>();
    for (const m of [route.method].flat()) methods.add(m);
    methodsByUrl.set(route.url, methods);
  });

  return {
    refuseOtherMethods() {
      done = true;
      for (const [url, methods] of methodsByUrl) {
        // Fastify answers HEAD for every GET route.
        if (methods.has('GET')) methods.add('HEAD');
        const allow = [...methods].sort(byAllowOrder).join(', ');
        const others = app.supportedMethods.filter((m) => !methods.has(m));
        if (others.length === 0) continue;
        app.route({
          method: others,
          url,
          exposeHeadRoute: false,
          onRequest: async (request) => {
            const path = request.url.split('?')[0];
            throw new ApiError(405, 'methodNotAllowed', `${request.method} is not supported on ${path}; it takes ${allow}`, [], { allow });
          },
          handler: async () => undefined,
        });
      }
    },
  };
}

function byAllowOrder(a: string, b: string): number {
  const rank = (m: string) => (ALLOW_ORDER.includes(m) ? ALLOW_ORDER.indexOf(m) : ALLOW_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
