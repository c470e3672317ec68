/**
 * A throw-away HTTP server for the client's unit tests: each test scripts the answers (including
 * the failure shapes a real server rarely shows on demand: a reset connection, a slow answer) and
 * reads back what the client sent. Not a stand-in for the deployment server's behaviour.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly n: number;
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Answers request number `n` (from 1). Returning 'reset' destroys the socket without an answer. */
export type Script = (req: SeenRequest, res: http.ServerResponse) => void | 'reset' | Promise<void | 'reset'>;

export interface FakeServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export async function fakeServer(script: Script): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const seen: SeenRequest = { n: requests.length + 1, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      try {
        if ((await script(seen, res)) === 'reset') req.socket.destroy();
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON answer. */
export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json' } : {}), ...headers }).end(text);
}

/** The error envelope of docs/api.md. */
export function apiError(res: http.ServerResponse, status: number, code: string, message: string, details: unknown[] = [], headers: Record<string, string> = {}): void {
  json(res, status, { error: { code, message, details } }, headers);
}
