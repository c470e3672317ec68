/**
 * The gRPC server Terraform's plugin client talks to, on @grpc/grpc-js with mutual TLS: our
 * certificate for the server side, and only the client certificate Terraform passed in
 * PLUGIN_CLIENT_CERT accepted (checked during the TLS handshake).
 *
 * Messages pass through as raw protobuf bytes (identity serializers): decoding them is the
 * protocol service's job, which is loaded lazily after the handshake. Methods are registered by
 * path; a call to any other path is answered UNIMPLEMENTED by grpc-js.
 */
import * as grpc from '@grpc/grpc-js';
import type { Logger } from '../log.js';

/** gRPC status codes used here. */
export const GrpcStatus = { OK: 0, INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, UNIMPLEMENTED: 12, INTERNAL: 13 } as const;

/** Requests beyond this are refused; a whole configuration of many resources stays far below. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

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
  /** Every method served, by path, e.g. "/tfplugin6.Provider/GetProviderSchema". */
  routes: ReadonlyMap<string, Route>;
  log: Logger;
}

export interface GrpcServer {
  /** Binds 127.0.0.1:`port` (0: any free port); resolves to the port, or undefined when it is taken. */
  bind(port: number): Promise<number | undefined>;
}

const raw = (b: Buffer): Buffer => b;

export function createGrpcServer(options: GrpcServerOptions): GrpcServer {
  const { log } = options;
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    // Channelz keeps per-call statistics nobody reads here; it costs time on every call.
    'grpc.enable_channelz': 0,
  });
  for (const [path, route] of options.routes) {
    if (route.kind === 'hold-open') {
      server.register<Buffer, Buffer>(path, (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
        call.on('cancelled', () => call.end());
      }, raw, raw, 'serverStream');
      continue;
    }
    server.register<Buffer, Buffer>(
      path,
      (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
        route.handle(call.request).then(
          (response) => {
            callback(null, Buffer.from(response.buffer, response.byteOffset, response.byteLength));
            // Let the answer reach the socket before whatever follows it (Shutdown exits).
            if (route.afterResponse) setTimeout(route.afterResponse, 20);
          },
          (err: unknown) => {
            if (err instanceof GrpcStatusError) {
              log.debug(`${path}: ${err.message}`);
              callback({ code: err.code, details: err.message });
              return;
            }
            log.error(`${path} failed`, { error: err });
            callback({ code: GrpcStatus.INTERNAL, details: err instanceof Error ? err.message : String(err) });
          },
        );
      },
      raw,
      raw,
      'unary',
    );
  }
  const credentials = grpc.ServerCredentials.createSsl(
    Buffer.from(options.clientCaPem),
    [{ private_key: Buffer.from(options.keyPem), cert_chain: Buffer.from(options.certPem) }],
    true,
  );
  return {
    bind: (port) =>
      new Promise((resolve, reject) => {
        server.bindAsync(`127.0.0.1:${port}`, credentials, (err, bound) => {
          if (!err) resolve(bound);
          else if (/EADDRINUSE|EACCES|No address added/i.test(err.message)) resolve(undefined);
          else reject(err);
        });
      }),
  };
}
