/**
 * The only request body the API accepts: JSON with `Content-Type: application/json`. Anything else
 * is refused with 415 by fastify (no parser for it); an empty or malformed body with 400, naming
 * where the JSON breaks.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';

export function installJsonBodyParser(app: FastifyInstance): void {
  // Fastify also parses text/plain by default; the API does not take it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') {
      done(new ApiError(400, 'malformedJson', 'the request body is empty; send a JSON object'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text, refuseProtoKeys));
    } catch (e) {
      done(e instanceof ApiError ? e : new ApiError(400, 'malformedJson', `the request body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
}

/** `__proto__` is no field of any kind; refusing it here keeps prototype tricks out of the code entirely. */
function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new ApiError(400, 'malformedJson', 'the request body has a "__proto__" key, which is not allowed');
  return value;
}
