/**
 * One HTTP exchange over axios, and nothing more: no retries, no status handling. It answers every
 * HTTP status as a `RawResponse` and turns every transport failure into an `OsdNetworkError`, so
 * no axios error (which holds the token in its config) ever leaves this file.
 *
 * axios is loaded on the first request, not at import: loading it takes ~50 ms, paid for nothing
 * by a provider process that only answers Terraform's schema request.
 */
import type { AxiosInstance } from 'axios';
import { OsdNetworkError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Exchange {
  readonly method: HttpMethod;
  /** Path and query under the endpoint. */
  readonly path: string;
  /** Sent as JSON when present. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Whether to send the bearer token (the health check needs none). */
  readonly authenticated: boolean;
  readonly signal?: AbortSignal;
}

export interface RawResponse {
  readonly status: number;
  /** Header values by lower-case name. */
  readonly header: (name: string) => string | undefined;
  /** The body parsed as JSON; the text itself when it is not JSON; undefined when empty. */
  readonly body: unknown;
}

export interface TransportOptions {
  readonly endpoint: string;
  readonly token: string;
  /** Whole-request deadline (connect, send, wait, receive), per attempt. */
  readonly timeoutMs: number;
  readonly userAgent: string;
}

export class Transport {
  private http: AxiosInstance | undefined;

  constructor(private readonly options: TransportOptions) {}

  /** Sends one request. Resolves with any HTTP answer; rejects only with `OsdNetworkError` (attempts: 1). */
  async send(exchange: Exchange): Promise<RawResponse> {
    const http = this.axios();
    // axios's own `timeout` only watches socket inactivity; a deadline for the whole exchange needs a timer.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    const signal = exchange.signal ? AbortSignal.any([exchange.signal, deadline.signal]) : deadline.signal;
    const headers: Record<string, string> = { ...exchange.headers };
    if (exchange.authenticated) headers.Authorization = `Bearer ${this.options.token}`;
    if (exchange.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await http.request<string>({
        method: exchange.method,
        url: exchange.path,
        data: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
        headers,
        signal,
      });
      return { status: res.status, header: (name) => headerValue(res.headers[name.toLowerCase()]), body: parseBody(res.data) };
    } catch (err) {
      const code = deadline.signal.aborted ? 'ETIMEDOUT' : exchange.signal?.aborted ? 'ABORTED' : systemCode(err);
      const message =
        code === 'ETIMEDOUT'
          ? `no answer within ${this.options.timeoutMs} ms`
          : code === 'ABORTED'
            ? 'aborted by the caller'
            : err instanceof Error
              ? err.message
              : String(err);
      throw new OsdNetworkError({ status: 0, code, message, method: exchange.method, path: exchange.path, attempts: 1 });
    } finally {
      clearTimeout(timer);
    }
  }

  private axios(): AxiosInstance {
    if (!this.http) {
      const axios = require('axios') as typeof import('axios');
      this.http = axios.create({
        baseURL: this.options.endpoint.replace(/\/+$/, ''),
        headers: { Accept: 'application/json', 'User-Agent': this.options.userAgent },
        // Every status is an answer to map, not an exception; redirects would hide the real server.
        validateStatus: () => true,
        maxRedirects: 0,
        // Parse JSON here, so a malformed body is seen rather than silently passed on as a string.
        responseType: 'text',
        transformResponse: (data: unknown) => data,
      });
    }
    return this.http;
  }
}

function headerValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function parseBody(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The system error code of a transport failure (`ECONNRESET`, …), found on the error or its cause. */
function systemCode(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_BAD_RESPONSE' && code !== 'ERR_NETWORK') return code;
  }
  return 'ENETWORK';
}
