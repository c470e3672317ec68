/**
 * Turns everything a request can fail with into the error envelope: the handlers' `ApiError`s,
 * and fastify's own refusals of bodies (too large, wrong content type, bad length). A 4xx never
 * becomes a 5xx; an unexpected failure is a 500 whose details stay in the server's stderr.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors';

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(err, request, bodyLimit);
    if (apiError.status >= 500 && !(err instanceof ApiError)) {
      process.stderr.write(`osd-server: ${request.method} ${request.url} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    void reply.code(apiError.status).headers(apiError.headers).type('application/json; charset=utf-8').send(apiError.envelope());
  });

  app.setNotFoundHandler((request, reply) => {
    const e = new ApiError(404, 'notFound', `no such resource: ${request.method} ${request.url.split('?')[0]}; see GET /api/v1/openapi.json for the routes`);
    void reply.code(404).type('application/json; charset=utf-8').send(e.envelope());
  });
}

function toApiError(err: FastifyError | ApiError | Error, request: FastifyRequest, bodyLimit: number): ApiError {
  if (err instanceof ApiError) return err;
  const code = (err as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'payloadTooLarge', `the request body is larger than the limit of ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'unsupportedMediaType',
        `the request body has Content-Type ${JSON.stringify(request.headers['content-type'] ?? '(none)')}; send JSON with Content-Type: application/json`,
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'badRequest', 'the request body is not as long as its Content-Length header says');
    default:
      break;
  }
  const status = (err as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new ApiError(status, 'badRequest', err.message);
  return new ApiError(500, 'internal', 'the server failed to handle the request; the details are in its log');
}
