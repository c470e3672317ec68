/**
 * `OsdClient`: the typed client of the deployment server API (docs/api.md).
 *
 * One generic method per verb, over every kind in the model's `KINDS`, with the object type
 * inferred from the kind name. Every call returns the value with its ETag and the server's
 * warnings, retries what is safe to retry, and fails with a typed `OsdApiError`.
 *
 * Importing this module loads neither axios nor the model's schemas; both are loaded on the first
 * request (see transport.ts and routes.ts).
 */
import { randomUUID } from 'node:crypto';
import { errorFromResponse, OsdApiError, OsdConflictError, OsdNetworkError, OsdNotFoundError, withAttempts } from './errors';
import { holdsWhatWasSent } from './reconcile';
import { delayWithinBudget, isTransient, mayHaveCommitted, parseRetryAfter, sleep, type RetrySettings } from './retry';
import { createPath, listPath, objectPath, API_BASE } from './routes';
import { Transport, type HttpMethod, type RawResponse } from './transport';
import type {
  AuditEntry,
  AuditQuery,
  CallOptions,
  CreateOptions,
  Health,
  KindName,
  ListFilter,
  OsdDeleteResult,
  OsdCreateResult,
  OsdResult,
  OsdUpdateResult,
  OsdWarning,
  Site,
  Stored,
  Writable,
  WriteOptions,
} from './types';

export interface OsdClientOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:8080` (without `/api/v1`). */
  readonly endpoint: string;
  /** Bearer token; its role (admin or reader) decides what the server allows. */
  readonly token: string;
  /** Deadline of each request (each attempt, not the whole call with its retries). Default 30 000. */
  readonly timeoutMs?: number;
  /**
   * How long one call may keep retrying 429, 502–504 and network failures, from the start of its
   * first attempt: no wait reaches past it and no attempt starts after it (an attempt under way
   * runs to its own `timeoutMs`). 0: no retries. Default 60 000.
   */
  readonly retryBudgetMs?: number;
  /** At most this many retries after the first attempt, besides the time budget. Default: no limit. */
  readonly maxRetries?: number;
  /** First backoff window; doubled per retry, with full jitter. Default 100. */
  readonly retryBaseDelayMs?: number;
  /** Largest backoff window. Default 5 000. */
  readonly retryMaxDelayMs?: number;
  /** Longest wait a Retry-After header may impose; longer ones are cut to this. Default 30 000. */
  readonly maxRetryAfterMs?: number;
  /** User-Agent header. Default `cdk-osd-client (node <version>)`. */
  readonly userAgent?: string;
  /** Called before each wait for a retry, e.g. to log it. Errors it throws are ignored. */
  readonly onRetry?: (event: RetryEvent) => void;
}

/** What `onRetry` is told: never the headers or the body (they hold the token and secrets). */
export interface RetryEvent {
  readonly method: string;
  readonly path: string;
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  /** The wait before the next attempt. */
  readonly delayMs: number;
  /** Why the attempt failed. */
  readonly error: OsdApiError;
}

/** Arguments of `list` after the kind: the filter is required for kinds under a parent (programs need `packageId`). */
export type ListArgs<K extends KindName> = {} extends ListFilter<K>
  ? [filter?: ListFilter<K>, options?: CallOptions]
  : [filter: ListFilter<K>, options?: CallOptions];

/** How the request loop should treat one call. */
interface CallSpec extends CallOptions {
  readonly method: HttpMethod;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly authenticated?: boolean;
  /**
   * A status that, after an attempt whose response was lost, may be the echo of that attempt's
   * success (404 to a repeated DELETE, 412 to a repeated PUT with If-Match). The loop returns it
   * to the caller instead of throwing.
   */
  readonly echoOfLostSuccess?: number;
}

interface Outcome {
  readonly method: HttpMethod;
  readonly path: string;
  readonly response: RawResponse;
  readonly attempts: number;
  /** Some earlier attempt failed in a way that leaves open whether the server did the work. */
  readonly lostEarlier: boolean;
}

const WARNINGS_HEADER = 'osd-warnings';

type Kinds = typeof import('../model/kinds');
let kinds: Kinds | undefined;
/** The model's kind registry, loaded on first use (this path is rare; see routes.ts for why lazily). */
const kindDefinition = (kind: KindName) => (kinds ??= require('../model/kinds') as Kinds).KINDS[kind];
const objectIdOf = (kind: KindName, value: Record<string, unknown>) => (kinds ??= require('../model/kinds') as Kinds).objectId(kind, value);
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'osd-request-id'];

export class OsdClient {
  private readonly transport: Transport;
  private readonly retry: RetrySettings;
  private readonly onRetry: ((event: RetryEvent) => void) | undefined;

  constructor(options: OsdClientOptions) {
    if (!/^https?:\/\/[^/]/i.test(options.endpoint ?? '')) {
      throw new TypeError(`endpoint must be an http(s) URL such as http://127.0.0.1:8080, got ${JSON.stringify(options.endpoint)}`);
    }
    if (typeof options.token !== 'string') throw new TypeError('token must be a string');
    this.transport = new Transport({
      endpoint: options.endpoint,
      token: options.token,
      timeoutMs: positive(options.timeoutMs, 30_000, 'timeoutMs'),
      userAgent: options.userAgent ?? `cdk-osd-client (node ${process.version})`,
    });
    this.retry = {
      budgetMs: nonNegative(options.retryBudgetMs, 60_000, 'retryBudgetMs'),
      maxRetries: options.maxRetries === undefined ? Infinity : nonNegative(options.maxRetries, 0, 'maxRetries'),
      baseDelayMs: nonNegative(options.retryBaseDelayMs, 100, 'retryBaseDelayMs'),
      maxDelayMs: nonNegative(options.retryMaxDelayMs, 5_000, 'retryMaxDelayMs'),
      maxRetryAfterMs: nonNegative(options.maxRetryAfterMs, 30_000, 'maxRetryAfterMs'),
    };
    this.onRetry = options.onRetry;
  }

  /** Reads one object by its ID (`objectId()`: the package ID, or `<packageId>/<name>` for a program). 404 → `OsdNotFoundError`. */
  async get<K extends KindName>(kind: K, id: string, options: CallOptions = {}): Promise<OsdResult<Stored<K>>> {
    const outcome = await this.call({ ...options, method: 'GET', path: objectPath(kind, id) });
    return this.result(outcome, this.objectBody<Stored<K>>(outcome));
  }

  /** Lists the objects of a kind, optionally filtered by name and version; programs are listed per package. */
  async list<K extends KindName>(kind: K, ...[filter, options = {}]: ListArgs<K>): Promise<OsdResult<Stored<K>[]>> {
    const path = listPath(kind, (filter ?? {}) as Record<string, string | undefined>);
    const outcome = await this.call({ ...options, method: 'GET', path });
    return this.result(outcome, this.itemsBody<Stored<K>>(outcome));
  }

  /**
   * Creates an object; the server assigns its ID. Sent with an Idempotency-Key (a fresh UUID per
   * call unless given), so the retries of one call can never create a second object. With
   * `adoptIdentical`, an identical object already on the server is taken as the result.
   */
  async create<K extends KindName>(kind: K, value: Writable<K>, options: CreateOptions = {}): Promise<OsdCreateResult<Stored<K>>> {
    const body = value as Readonly<Record<string, unknown>>;
    try {
      const outcome = await this.call({
        ...options,
        method: 'POST',
        path: createPath(kind, body),
        body,
        headers: { 'Idempotency-Key': options.idempotencyKey ?? randomUUID() },
      });
      return { ...this.result(outcome, this.objectBody<Stored<K>>(outcome)), adopted: false };
    } catch (err) {
      if (!options.adoptIdentical || !(err instanceof OsdConflictError) || err.code !== 'duplicate') throw err;
      const existing = await this.findByUniqueFields(kind, body, options);
      if (!existing || !holdsWhatWasSent(kind, body, existing.value)) throw err;
      return { ...existing, adopted: true };
    }
  }

  /** The object of `kind` whose unique fields (`uniqueBy`) are those of `value`, if any. */
  private async findByUniqueFields<K extends KindName>(kind: K, value: Readonly<Record<string, unknown>>, options: CallOptions): Promise<OsdResult<Stored<K>> | undefined> {
    const def = kindDefinition(kind);
    const id = def.id.fromFields(value);
    if (id !== undefined) return this.get(kind, id, options).catch((e: unknown) => (e instanceof OsdNotFoundError ? undefined : Promise.reject(e)));
    const filter: Record<string, string> = {};
    for (const field of def.uniqueBy) if (typeof value[field] === 'string') filter[field] = value[field] as string;
    const listed = await (this.list as (k: K, f: Record<string, string>, o: CallOptions) => Promise<OsdResult<Stored<K>[]>>)(kind, filter, options);
    // A field left out counts as empty, as the server compares them.
    const same = listed.value.find((o) => def.uniqueBy.every((f) => ((o as Record<string, unknown>)[f] ?? '') === (value[f] ?? '')));
    return same && this.get(kind, objectIdOf(kind, same as Record<string, unknown>), options);
  }

  /**
   * Replaces an object (full replacement). With `etag` it is sent as If-Match and a concurrent
   * change fails the call with `OsdPreconditionFailedError`, except when the change was this
   * call's own lost attempt (see `OsdUpdateResult.confirmedByRead`).
   */
  async update<K extends KindName>(kind: K, id: string, value: Writable<K>, options: WriteOptions = {}): Promise<OsdUpdateResult<Stored<K>>> {
    const outcome = await this.call({
      ...options,
      method: 'PUT',
      path: objectPath(kind, id),
      body: value,
      headers: options.etag !== undefined ? { 'If-Match': options.etag } : undefined,
      echoOfLostSuccess: options.etag !== undefined ? 412 : undefined,
    });
    if (outcome.response.status !== 412) return { ...this.result(outcome, this.objectBody<Stored<K>>(outcome)), confirmedByRead: false };
    const current = await this.get(kind, id, options);
    if (!holdsWhatWasSent(kind, value, current.value)) throw this.errorOf(outcome);
    return { ...current, attempts: outcome.attempts + current.attempts, confirmedByRead: true };
  }

  /** Deletes an object (with `etag`: only if unchanged). 404 → `OsdNotFoundError`, 409 when it is still referenced. */
  async delete<K extends KindName>(kind: K, id: string, options: WriteOptions = {}): Promise<OsdDeleteResult> {
    const outcome = await this.call({
      ...options,
      method: 'DELETE',
      path: objectPath(kind, id),
      headers: options.etag !== undefined ? { 'If-Match': options.etag } : undefined,
      echoOfLostSuccess: 404,
    });
    const { etag: _none, ...rest } = this.result(outcome, undefined);
    return { ...rest, deletedByEarlierAttempt: outcome.response.status === 404 };
  }

  /** The site: its code (the prefix of every package ID), name, ConfigMgr version and allowed USMT versions. */
  async site(options: CallOptions = {}): Promise<OsdResult<Site>> {
    const outcome = await this.call({ ...options, method: 'GET', path: `${API_BASE}/site` });
    return this.result(outcome, this.objectBody<Site>(outcome));
  }

  /** Entries of the audit trail after sequence number `after`, oldest first. */
  async audit(query: AuditQuery = {}, options: CallOptions = {}): Promise<OsdResult<AuditEntry[]>> {
    const params = new URLSearchParams();
    if (query.after !== undefined) params.set('after', String(query.after));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const text = params.toString();
    const outcome = await this.call({ ...options, method: 'GET', path: `${API_BASE}/audit${text ? `?${text}` : ''}` });
    return this.result(outcome, this.itemsBody<AuditEntry>(outcome));
  }

  /** Whether the server is up. Sends no token. Pass `{ maxRetries: 0 }` for a single probe. */
  async health(options: CallOptions = {}): Promise<OsdResult<Health>> {
    const outcome = await this.call({ ...options, method: 'GET', path: `${API_BASE}/health`, authenticated: false });
    return this.result(outcome, this.objectBody<Health>(outcome));
  }

  // ---- the request loop -------------------------------------------------------------------------

  /**
   * Sends a request until it succeeds, fails for good, or runs out of retry budget (time, and the
   * count if one is set). A POST is repeated only with an Idempotency-Key: without one, a retry
   * after a lost response would create twice.
   */
  private async call(spec: CallSpec): Promise<Outcome> {
    const settings: RetrySettings = {
      ...this.retry,
      maxRetries: spec.maxRetries ?? this.retry.maxRetries,
      budgetMs: spec.retryBudgetMs ?? this.retry.budgetMs,
    };
    const repeatable = spec.method !== 'POST' || spec.headers?.['Idempotency-Key'] !== undefined;
    const started = performance.now();
    let lostEarlier = false;
    for (let attempt = 1; ; attempt++) {
      let failure: OsdApiError;
      try {
        const response = await this.transport.send({
          method: spec.method,
          path: spec.path,
          body: spec.body,
          headers: spec.headers,
          authenticated: spec.authenticated ?? true,
          signal: spec.signal,
        });
        const outcome: Outcome = { method: spec.method, path: spec.path, response, attempts: attempt, lostEarlier };
        if (response.status < 400) return outcome;
        if (lostEarlier && response.status === spec.echoOfLostSuccess) return outcome;
        failure = this.errorOf(outcome);
      } catch (err) {
        if (!(err instanceof OsdApiError)) throw err;
        failure = err;
      }
      const delayMs =
        repeatable && isTransient(failure) && attempt <= settings.maxRetries && !spec.stopRetrying?.aborted
          ? delayWithinBudget(attempt - 1, failure.retryAfterMs, performance.now() - started, settings)
          : undefined;
      if (delayMs === undefined) throw withAttempts(failure, attempt);
      lostEarlier ||= mayHaveCommitted(failure);
      this.notifyRetry({ method: spec.method, path: spec.path, attempt, delayMs, error: failure });
      try {
        await sleep(delayMs, anySignal(spec.signal, spec.stopRetrying));
      } catch {
        if (!spec.signal?.aborted) throw withAttempts(failure, attempt);
        throw new OsdNetworkError({ status: 0, code: 'ABORTED', message: 'aborted by the caller', method: spec.method, path: spec.path, attempts: attempt });
      }
    }
  }

  private notifyRetry(event: RetryEvent): void {
    try {
      this.onRetry?.(event);
    } catch {
      // A logging hook must not change the outcome of the call.
    }
  }

  private errorOf(outcome: Outcome): OsdApiError {
    const { response, attempts } = outcome;
    return errorFromResponse(response.status, response.body, {
      method: outcome.method,
      path: outcome.path,
      attempts,
      requestId: requestIdOf(response),
      retryAfterMs: parseRetryAfter(response.header('retry-after')),
    });
  }

  // ---- answers ----------------------------------------------------------------------------------

  private result<T>(outcome: Outcome, value: T): OsdResult<T> {
    const { response } = outcome;
    return {
      value,
      etag: response.header('etag'),
      warnings: warningsOf(response),
      requestId: requestIdOf(response),
      attempts: outcome.attempts,
    };
  }

  private objectBody<T>(outcome: Outcome): T {
    const body = outcome.response.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw this.invalidAnswer(outcome, 'expected a JSON object');
    return body as T;
  }

  private itemsBody<T>(outcome: Outcome): T[] {
    const body = outcome.response.body as { items?: unknown } | undefined;
    if (!body || !Array.isArray(body.items)) throw this.invalidAnswer(outcome, 'expected { "items": [...] }');
    return body.items as T[];
  }

  /** A 2xx whose body is not what the contract says: a server (or proxy) fault, reported as such. */
  private invalidAnswer(outcome: Outcome, expected: string): OsdApiError {
    return new OsdApiError({
      status: outcome.response.status,
      code: 'invalidResponse',
      message: `the server's answer is not what the API defines: ${expected}`,
      method: outcome.method,
      path: outcome.path,
      attempts: outcome.attempts,
      requestId: requestIdOf(outcome.response),
    });
  }
}

/** The `Osd-Warnings` header: a JSON array of `{ path, rule, message }`. A malformed header is reported as one warning, not dropped. */
function warningsOf(response: RawResponse): OsdWarning[] {
  const header = response.header(WARNINGS_HEADER);
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    if (!Array.isArray(parsed)) throw new Error('not an array');
    return parsed
      .filter((w): w is Record<string, unknown> => typeof w === 'object' && w !== null)
      .map((w) => ({ path: String(w.path ?? ''), rule: String(w.rule ?? ''), message: String(w.message ?? '') }));
  } catch {
    return [{ path: '', rule: 'client', message: `unreadable Osd-Warnings header: ${header.slice(0, 200)}` }];
  }
}

function requestIdOf(response: RawResponse): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.header(name);
    if (value) return value;
  }
  return undefined;
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  return given.length > 1 ? AbortSignal.any(given) : given[0];
}

function positive(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return v;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be zero or more, got ${value}`);
  return v;
}
