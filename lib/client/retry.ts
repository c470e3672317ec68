/**
 * The retry policy, as pure functions: which failures are worth another attempt, how long to wait
 * before it, and which failures leave it unknown whether the server already did the work. The
 * request loop in `client.ts` applies them; the unit tests check them without a network.
 *
 * The budget is time, as Terraform providers count it: a call retries with backoff until its
 * deadline (`budgetMs` after it started), however many attempts that takes. A count of failures
 * says little about an outage: six 503s in a row are a few seconds of bad luck on a server that
 * refuses one request in five, and the same count gives up long before a restart is over.
 */
import type { OsdApiError } from './errors';

export interface RetrySettings {
  /** How long one call may keep retrying, from the start of its first attempt. */
  readonly budgetMs: number;
  /** At most this many retries after the first attempt, besides the budget (Infinity: no limit). */
  readonly maxRetries: number;
  /** Ceiling of the first backoff window; each retry doubles it. */
  readonly baseDelayMs: number;
  /** Largest backoff window. */
  readonly maxDelayMs: number;
  /** Largest wait a server's Retry-After can ask for; longer requests are cut to this. */
  readonly maxRetryAfterMs: number;
}

/** Statuses that say "not now" rather than "no": overload, rate limit, a proxy that could not reach the server. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * System error codes of transient transport failures. `ECONNABORTED`/`ETIMEDOUT` are timeouts
 * (axios uses the first); `socket hang up` arrives as `ECONNRESET`.
 */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** Whether another attempt might succeed. Says nothing about whether the method may be repeated. */
export function isTransient(error: OsdApiError): boolean {
  return error.status === 0 ? RETRYABLE_NETWORK_CODES.has(error.code) : RETRYABLE_STATUSES.has(error.status);
}

/**
 * Whether the server may have carried out a request that failed this way. A refused connection
 * never reached it, and 429/503 are the server itself declining; a reset, a timeout or a proxy's
 * 502/504 can come after the write was committed. The request loop uses this to read a later
 * 404 (DELETE) or 412 (PUT with If-Match) as possibly its own earlier success.
 */
export function mayHaveCommitted(error: OsdApiError): boolean {
  if (error.status === 0) return error.code !== 'ECONNREFUSED';
  return error.status !== 429 && error.status !== 503;
}

/**
 * Backoff with "full jitter": a uniformly random wait in [0, min(max, base·2^retry)). Spreading the
 * retries of many clients over the whole window is what keeps them from hitting a recovering
 * server together. `retry` counts from 0 for the first retry.
 */
export function backoffDelay(retry: number, settings: RetrySettings, random: () => number = Math.random): number {
  const window = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(retry, 30));
  return Math.floor(random() * window);
}

/**
 * The wait before retry number `retry`. A server's Retry-After wins (cut to `maxRetryAfterMs`),
 * plus a little jitter so clients told the same number of seconds do not return in step; without
 * one, the backoff.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined, settings: RetrySettings, random: () => number = Math.random): number {
  if (retryAfterMs === undefined) return backoffDelay(retry, settings, random);
  const jitter = Math.floor(random() * Math.min(settings.baseDelayMs, settings.maxDelayMs));
  return Math.min(retryAfterMs, settings.maxRetryAfterMs) + jitter;
}

/**
 * The wait before retry number `retry` of a call that has run `elapsedMs` so far: `retryDelay`,
 * cut to what is left of the budget, so a long Retry-After still leaves one last attempt at the
 * deadline; undefined once the budget is spent (give up).
 */
export function delayWithinBudget(
  retry: number,
  retryAfterMs: number | undefined,
  elapsedMs: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number | undefined {
  const remaining = settings.budgetMs - elapsedMs;
  if (remaining <= 0) return undefined;
  return Math.min(retryDelay(retry, retryAfterMs, settings, random), Math.ceil(remaining));
}

/**
 * A Retry-After header in milliseconds: either delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, counted from `now`; a past date means no wait). Anything else
 * is ignored rather than guessed at (`Date.parse('1.5')` would happily return a date in 2001).
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Waits `ms`, or rejects with the signal's reason as soon as the caller aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
