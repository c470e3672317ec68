/** The retry policy as pure functions: which failures repeat, how long to wait, Retry-After parsing. */
import assert from 'node:assert/strict';
import { OsdNetworkError, OsdServerError, OsdRateLimitError, OsdValidationError } from '../../lib/client/errors';
import { backoffDelay, delayWithinBudget, isTransient, mayHaveCommitted, parseRetryAfter, retryDelay, sleep, type RetrySettings } from '../../lib/client/retry';

const settings: RetrySettings = { budgetMs: 60_000, maxRetries: Infinity, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 };
const at = { method: 'GET', path: '/x', attempts: 1 };
const net = (code: string) => new OsdNetworkError({ ...at, status: 0, code, message: code });
const http = (status: number) => new (status === 429 ? OsdRateLimitError : status >= 500 ? OsdServerError : OsdValidationError)({ ...at, status, code: 'c', message: 'm' });

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 120 ', now), 120_000);
  });
  it('reads an HTTP date relative to now', () => {
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now), 5000);
  });
  it('treats a date in the past as no wait', () => {
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now), 0);
  });
  it('ignores what is neither', () => {
    for (const v of [undefined, '', '-1', '1.5', 'soon', 'Mon, 99 Foo 2025 GMT']) assert.equal(parseRetryAfter(v, now), undefined, String(v));
  });
});

describe('backoffDelay (full jitter)', () => {
  it('stays in [0, min(max, base * 2^retry))', () => {
    for (let retry = 0; retry < 12; retry++) {
      const window = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
      assert.equal(backoffDelay(retry, settings, () => 0), 0);
      assert.equal(backoffDelay(retry, settings, () => 0.999999), window - 1);
      const d = backoffDelay(retry, settings);
      assert.ok(d >= 0 && d < window, `retry ${retry}: ${d}`);
    }
  });
  it('does not overflow for huge retry counts', () => {
    assert.ok(backoffDelay(10_000, settings, () => 0.5) <= settings.maxDelayMs);
  });
  it('spreads the waits over the window (not all at the top)', () => {
    const samples = Array.from({ length: 2000 }, () => backoffDelay(3, settings));
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    assert.ok(mean > 300 && mean < 500, `mean ${mean} of a uniform [0, 800)`);
  });
});

describe('retryDelay', () => {
  it('honours Retry-After, plus at most base of jitter', () => {
    assert.equal(retryDelay(0, 3000, settings, () => 0), 3000);
    assert.equal(retryDelay(0, 3000, settings, () => 0.999), 3099);
  });
  it('caps Retry-After', () => {
    assert.equal(retryDelay(0, 3_600_000, settings, () => 0), settings.maxRetryAfterMs);
  });
  it('falls back to the backoff', () => {
    assert.equal(retryDelay(2, undefined, settings, () => 0.5), 200);
  });
});

describe('delayWithinBudget', () => {
  it('is the usual wait while the budget lasts', () => {
    assert.equal(delayWithinBudget(2, undefined, 1_000, settings, () => 0.5), 200);
    assert.equal(delayWithinBudget(0, 3000, 1_000, settings, () => 0), 3000);
  });
  it('cuts a wait, Retry-After included, to what is left, so the last attempt comes at the deadline', () => {
    assert.equal(delayWithinBudget(0, 10_000, 59_000, settings, () => 0), 1_000);
    assert.equal(delayWithinBudget(12, undefined, 59_999.5, settings, () => 0.99), 1);
  });
  it('gives up once the budget is spent', () => {
    assert.equal(delayWithinBudget(0, 0, 60_000, settings), undefined);
    assert.equal(delayWithinBudget(0, undefined, 75_000, settings), undefined);
    assert.equal(delayWithinBudget(0, undefined, 0, { ...settings, budgetMs: 0 }), undefined);
  });
});

describe('which failures are retried', () => {
  it('429, 502, 503, 504 and connection failures', () => {
    for (const s of [429, 502, 503, 504]) assert.ok(isTransient(http(s)), String(s));
    for (const c of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE']) assert.ok(isTransient(net(c)), c);
  });
  it('not other statuses, nor a caller abort', () => {
    for (const s of [400, 401, 403, 404, 409, 412, 413, 422, 500, 501]) assert.ok(!isTransient(http(s)), String(s));
    assert.ok(!isTransient(net('ABORTED')));
    assert.ok(!isTransient(net('ENOTFOUND')));
  });
  it('knows which failures may hide a committed write', () => {
    assert.ok(!mayHaveCommitted(net('ECONNREFUSED')));
    assert.ok(!mayHaveCommitted(http(503)));
    assert.ok(!mayHaveCommitted(http(429)));
    assert.ok(mayHaveCommitted(net('ECONNRESET')));
    assert.ok(mayHaveCommitted(net('ETIMEDOUT')));
    assert.ok(mayHaveCommitted(http(502)));
    assert.ok(mayHaveCommitted(http(504)));
  });
});

describe('sleep', () => {
  it('stops early when aborted, with the signal reason', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(new Error('stop')), 20);
    await assert.rejects(sleep(10_000, ac.signal), /stop/);
    assert.ok(Date.now() - t0 < 1000);
  });
});
