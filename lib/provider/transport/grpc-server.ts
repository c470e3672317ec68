/**
 * A small gRPC server on node:http2, with mutual TLS: just what Terraform's plugin client needs
 * (unary calls, and one server-streaming call that is held open and never sends).
 *
 * Why not @grpc/grpc-js: loading it takes about 40 ms per provider start (measured: a bundled
 * grpc-js TLS server answers its handshake ~97 ms after process start against ~70 ms for this,
 * `node -e 0` being ~55 ms), and Terraform starts the provider 3-5 times per command. grpc-js's
 * `ServerCredentials.createSsl(rootCert, [{ private_key, cert_chain }], true)` is itself a
 * wrapper over the same node:tls options used here (ca + requestCert + rejectUnauthorized), so
 * the mutual TLS is the same: a client without a certificate signed by PLUGIN_CLIENT_CERT's key
 * is refused during the TLS handshake.
 *
 * gRPC over HTTP/2, as used here: a call is a POST to /package.Service/Method with
 * content-type application/grpc; each message is framed as 1 byte "compressed" flag + 4 bytes
 * big-endian length + the protobuf bytes; the status travels in trailers (grpc-status,
 * grpc-message), or in the response headers for a response without messages ("trailers-only").
 */
import http2 from 'node:http2';
import type { Logger } from '../log.js';

/** gRPC status codes used here. */
const Status = { OK: 0, INVALID_ARGUMENT: 3, UNIMPLEMENTED: 12, INTERNAL: 13, RESOURCE_EXHAUSTED: 8 } as const;

/** Requests beyond this are refused; a whole configuration of many resources stays far below. */
const MAX_REQUEST_BYTES = 256 * 1024 * 1024;

/** Thrown by a route to answer with a specific gRPC status instead of INTERNAL. */
export class GrpcStatusError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'GrpcStatusError';
  }
}

export type Route =
  /** Answer one request message with one response message; a rejection becomes INTERNAL. */
  | { kind: 'unary'; handle: (request: Uint8Array) => Promise<Uint8Array>; afterResponse?: () => void }
  /** Server-streaming call that stays open without messages until the client goes away. */
  | { kind: 'hold-open' };

export interface GrpcServerOptions {
  /** PEM of the server certificate and its key. */
  certPem: string;
  keyPem: string;
  /** PEM of the only certificate (or CA) allowed to connect as client. */
  clientCaPem: string;
  /** Looked up by ":path", e.g. "/tfplugin6.Provider/GetProviderSchema". */
  routes: (path: string) => Route | undefined;
  log: Logger;
}

/** gRPC percent-encodes grpc-message: anything outside printable ASCII, and '%' itself. */
function percentEncode(message: string): string {
  let out = '';
  for (const byte of Buffer.from(message, 'utf8')) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function frame(message: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

/** A response with no messages: status in the headers, stream ended. */
function respondWithStatus(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.headersSent) return;
  stream.respond(
    { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': percentEncode(message) },
    { endStream: true },
  );
}

function respondWithMessage(stream: http2.ServerHttp2Stream, message: Uint8Array): void {
  if (stream.destroyed || stream.headersSent) return;
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(Status.OK) }));
  stream.end(frame(message));
}

/** The single message of a unary request body, or an error text. */
function unframe(body: Buffer): Uint8Array | string {
  if (body.length < 5) return 'request has no message';
  if (body[0] !== 0) return 'compressed messages are not supported';
  const size = body.readUInt32BE(1);
  if (body.length !== 5 + size) return 'request must hold exactly one message';
  return body.subarray(5);
}

function serveUnary(stream: http2.ServerHttp2Stream, route: Extract<Route, { kind: 'unary' }>, path: string, log: Logger): void {
  const chunks: Buffer[] = [];
  let received = 0;
  stream.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_REQUEST_BYTES) {
      respondWithStatus(stream, Status.RESOURCE_EXHAUSTED, `request larger than ${MAX_REQUEST_BYTES} bytes`);
      stream.close(http2.constants.NGHTTP2_CANCEL);
      return;
    }
    chunks.push(chunk);
  });
  stream.on('end', () => {
    if (stream.destroyed || stream.headersSent) return;
    const message = unframe(Buffer.concat(chunks));
    if (typeof message === 'string') {
      respondWithStatus(stream, Status.INVALID_ARGUMENT, message);
      return;
    }
    route.handle(message).then(
      (response) => {
        respondWithMessage(stream, response);
        if (route.afterResponse) {
          // Run once the answer is on its way; 'close' follows the trailers being sent.
          if (stream.closed) route.afterResponse();
          else stream.once('close', route.afterResponse);
        }
      },
      (err: unknown) => {
        if (err instanceof GrpcStatusError) {
          log.debug(`${path}: ${err.message}`);
          respondWithStatus(stream, err.code, err.message);
          return;
        }
        log.error(`${path} failed`, { error: err });
        respondWithStatus(stream, Status.INTERNAL, err instanceof Error ? err.message : String(err));
      },
    );
  });
}

export function createGrpcServer(options: GrpcServerOptions): http2.Http2SecureServer {
  const { log } = options;
  const server = http2.createSecureServer({
    cert: options.certPem,
    key: options.keyPem,
    ca: options.clientCaPem,
    requestCert: true,
    rejectUnauthorized: true,
    // Only HTTP/2 (ALPN "h2"): gRPC clients refuse a server that does not negotiate it.
    allowHTTP1: false,
  });

  server.on('stream', (stream, headers) => {
    // A client that disconnects mid-call resets its streams; that is not our failure.
    stream.on('error', (err) => log.debug('gRPC stream error', { error: err }));
    const path = String(headers[':path'] ?? '');
    const route = headers[':method'] === 'POST' ? options.routes(path) : undefined;
    if (log.enabled('trace')) log.trace('gRPC call', { path });
    if (!route) {
      stream.resume();
      respondWithStatus(stream, Status.UNIMPLEMENTED, `unknown method ${path}`);
      return;
    }
    if (route.kind === 'hold-open') {
      // Read and ignore the request; send headers so the client sees the call as started.
      stream.resume();
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
      return;
    }
    serveUnary(stream, route, path, log);
  });

  server.on('sessionError', (err) => log.debug('HTTP/2 session error', { error: err }));
  server.on('tlsClientError', (err) => log.warn('TLS handshake with a client failed (not Terraform?)', { error: err }));
  return server;
}
