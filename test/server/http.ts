/**
 * A small JSON-over-HTTP helper for the server tests (global fetch, keep-alive). Bodies are sent as
 * JSON unless `raw` is given; answers are parsed when they are JSON.
 */
import type { RunningServer } from '../../lib/server/launch';

export type Who = 'admin' | 'reader' | 'none';

export interface CallOptions {
  /** Which token to send (default admin), or `none`. */
  readonly as?: Who;
  readonly body?: unknown;
  /** A body sent as is (with `contentType`), for malformed-input tests. */
  readonly raw?: string | Buffer;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON (tests look into answers freely; shapes are asserted, not assumed). */
  readonly json: any;
}

export async function call(server: RunningServer, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as ?? 'admin';
  if (as !== 'none') headers.authorization = `Bearer ${as === 'admin' ? server.adminToken : server.readerToken}`;
  let body: string | Buffer | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    if (options.contentType) headers['content-type'] = options.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Creates an object and returns its body; fails the test with the server's answer if that is not 201. */
export async function create(server: RunningServer, path: string, body: unknown): Promise<Record<string, unknown> & { id?: string }> {
  const answer = await call(server, 'POST', path, { body });
  if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
  return answer.json;
}
