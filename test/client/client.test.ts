/**
 * OsdClient against a throw-away HTTP server that produces exactly the failure shapes the retry
 * policy is about: 429/5xx with Retry-After, reset connections, slow answers, lost responses.
 */
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { inspect } from 'node:util';
import {
  OsdClient,
  OsdApiError,
  OsdNetworkError,
  OsdNotFoundError,
  OsdPreconditionFailedError,
  OsdServerError,
  OsdValidationError,
  type OsdClientOptions,
  type RetryEvent,
} from '../../lib/client';
import { errorClassFor } from '../../lib/client/errors';
import { apiError, fakeServer, json, type FakeServer, type Script } from './fake-server';

const TOKEN = 'secret-token-123';
let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(script: Script, options: Partial<OsdClientOptions> = {}) {
  server = await fakeServer(script);
  const retries: RetryEvent[] = [];
  const client = new OsdClient({
    endpoint: server.url,
    token: TOKEN,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    onRetry: (e) => retries.push(e),
    ...options,
  });
  return { client, retries, requests: server.requests };
}

const PKG = { id: 'CM100001', name: 'Office', version: '12.0', role: 'software' } as const;

describe('OsdClient: answers', () => {
  it('returns value, ETag, warnings and request id; sends the bearer token and a user agent', async () => {
    const warnings = [{ path: '/steps/2', rule: 'R4', message: 'R4: consider a restart' }];
    const { client, requests } = await setup((_req, res) =>
      json(res, 200, PKG, { ETag: '"v1"', 'Osd-Warnings': JSON.stringify(warnings), 'X-Request-Id': 'req-7' }),
    );
    const r = await client.get('package', 'CM100001');
    assert.deepEqual(r.value, PKG);
    assert.equal(r.etag, '"v1"');
    assert.deepEqual(r.warnings, warnings);
    assert.equal(r.requestId, 'req-7');
    assert.equal(r.attempts, 1);
    assert.equal(requests[0].method, 'GET');
    assert.equal(requests[0].url, '/api/v1/packages/CM100001');
    assert.equal(requests[0].headers.authorization, `Bearer ${TOKEN}`);
    assert.match(String(requests[0].headers['user-agent']), /^cdk-osd-client/);
  });

  it('reports an unreadable Osd-Warnings header as a warning instead of dropping it', async () => {
    const { client } = await setup((_req, res) => json(res, 200, PKG, { 'Osd-Warnings': 'not json' }));
    const r = await client.get('package', 'CM100001');
    assert.equal(r.warnings.length, 1);
    assert.equal(r.warnings[0].rule, 'client');
  });

  it('lists with filters, programs under their package', async () => {
    const { client, requests } = await setup((_req, res) => json(res, 200, { items: [{ packageId: 'CM100001', name: 'Install', commandLine: 'setup.exe', flags: 1 }] }));
    const r = await client.list('program', { packageId: 'CM100001', name: 'Install' });
    assert.equal(r.value[0].commandLine, 'setup.exe');
    assert.equal(requests[0].url, '/api/v1/packages/CM100001/programs?name=Install');
  });

  it('create: POSTs JSON with an Idempotency-Key, a fresh one per call', async () => {
    const { client, requests } = await setup((req, res) => json(res, 201, { ...JSON.parse(req.body), id: 'CM100009' }, { ETag: '"1"', Location: '/api/v1/packages/CM100009' }));
    const a = await client.create('package', { name: 'A', role: 'software' });
    await client.create('package', { name: 'B', role: 'software' });
    await client.create('package', { name: 'C', role: 'software' }, { idempotencyKey: 'mine-1' });
    assert.equal(a.value.id, 'CM100009');
    assert.equal(a.etag, '"1"');
    assert.equal(requests[0].headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(requests[0].body), { name: 'A', role: 'software' });
    const keys = requests.map((r) => r.headers['idempotency-key']);
    assert.match(String(keys[0]), /^[0-9a-f-]{36}$/);
    assert.notEqual(keys[0], keys[1]);
    assert.equal(keys[2], 'mine-1');
  });

  it('update and delete send the ETag as If-Match', async () => {
    const { client, requests } = await setup((req, res) => (req.method === 'DELETE' ? json(res, 204, undefined) : json(res, 200, PKG, { ETag: '"v2"' })));
    const u = await client.update('package', 'CM100001', PKG, { etag: '"v1"' });
    assert.equal(u.etag, '"v2"');
    assert.equal(u.confirmedByRead, false);
    const d = await client.delete('package', 'CM100001', { etag: '"v2"' });
    assert.equal(d.deletedByEarlierAttempt, false);
    assert.equal(requests[0].method, 'PUT');
    assert.equal(requests[0].headers['if-match'], '"v1"');
    assert.equal(requests[1].method, 'DELETE');
    assert.equal(requests[1].headers['if-match'], '"v2"');
  });

  it('health sends no token', async () => {
    const { client, requests } = await setup((_req, res) => json(res, 200, { status: 'ok' }));
    assert.deepEqual((await client.health()).value, { status: 'ok' });
    assert.equal(requests[0].url, '/api/v1/health');
    assert.equal(requests[0].headers.authorization, undefined);
  });

  it('site and audit', async () => {
    const { client, requests } = await setup((req, res) =>
      req.url.startsWith('/api/v1/site')
        ? json(res, 200, { siteCode: 'CM1', siteName: 'Lab', configMgrVersion: '2007 SP2', allowedUsmtVersions: ['3.0', '4.0'] })
        : json(res, 200, { items: [{ seq: 3, at: '2025-01-01T00:00:00Z', actor: 'admin', action: 'create', kind: 'package', id: 'CM100001', before: null, after: PKG }] }),
    );
    assert.equal((await client.site()).value.siteCode, 'CM1');
    const audit = await client.audit({ after: 2, limit: 10 });
    assert.equal(audit.value[0].seq, 3);
    assert.equal(requests[1].url, '/api/v1/audit?after=2&limit=10');
  });

  it('a 2xx whose body breaks the contract is an error, not a string passed on', async () => {
    const { client } = await setup((_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"trunc'));
    await assert.rejects(client.get('package', 'CM100001'), (e: unknown) => e instanceof OsdApiError && e.code === 'invalidResponse' && e.status === 200);
  });
});

describe('OsdClient: errors are typed and 4xx are not retried', () => {
  // Which class each status maps to is errors.ts's table (checked in errors.test.ts); here, that
  // the client throws it, and after a single request, however much retry budget is left.
  for (const status of [400, 401, 403, 404, 409, 412, 413, 415, 422, 500]) {
    const cls = errorClassFor(status);
    it(`${status} → ${cls.name}, after exactly one request`, async () => {
      const details = [{ path: '/name', rule: 'maxLength', message: 'too long' }];
      const { client, requests, retries } = await setup((_req, res) => apiError(res, status, `code${status}`, 'refused', details));
      const err = await client.update('package', 'CM100001', PKG, { etag: '"x"' }).then(
        () => assert.fail('expected an error'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof cls, `${status}: ${inspect(err)}`);
      assert.equal(err.constructor, cls);
      assert.equal(err.status, status);
      assert.equal(err.code, `code${status}`);
      assert.deepEqual(err.details, details);
      assert.equal(err.attempts, 1);
      assert.equal(requests.length, 1);
      assert.equal(retries.length, 0);
    });
  }

  it("a 422's message names each path, rule and message", async () => {
    const { client } = await setup((_req, res) =>
      apiError(res, 422, 'validation', 'Package is not valid', [
        { path: '/name', rule: 'maxLength', message: '/name is 60 characters long' },
        { path: '/usmt/ruleFiles', rule: 'R5', message: 'R5: at least one rule file' },
      ]),
    );
    await assert.rejects(client.create('package', { name: 'x'.repeat(60), role: 'usmt' }), (e: unknown) => {
      assert.ok(e instanceof OsdValidationError);
      assert.match(e.message, /\/name \[maxLength\]: \/name is 60 characters long/);
      assert.match(e.message, /\/usmt\/ruleFiles \[R5\]: R5: at least one rule file/);
      return true;
    });
  });
});

describe('OsdClient: retries', () => {
  it('retries 503 and 429 honouring Retry-After, then succeeds', async () => {
    const { client, requests, retries } = await setup((req, res) => {
      if (req.n === 1) return apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '0' });
      if (req.n === 2) return apiError(res, 429, 'tooManyRequests', 'slow down', [], { 'Retry-After': '0' });
      json(res, 200, PKG, { ETag: '"v1"' });
    });
    const r = await client.get('package', 'CM100001');
    assert.equal(r.attempts, 3);
    assert.equal(requests.length, 3);
    assert.deepEqual(retries.map((e) => [e.attempt, e.error.status]), [[1, 503], [2, 429]]);
    for (const e of retries) assert.ok(e.delayMs < 5, 'Retry-After 0 plus jitter under the base delay');
  });

  it('waits as long as Retry-After says (seconds)', async () => {
    const { client } = await setup((req, res) => (req.n === 1 ? apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '1' }) : json(res, 200, PKG)));
    const t0 = performance.now();
    await client.get('package', 'CM100001');
    assert.ok(performance.now() - t0 >= 1000);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const when = new Date(Math.ceil((Date.now() + 1000) / 1000) * 1000 + 1000);
    const { client } = await setup((req, res) => (req.n === 1 ? apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': when.toUTCString() }) : json(res, 200, PKG)));
    await client.get('package', 'CM100001');
    assert.ok(Date.now() >= when.getTime() - 5, 'not retried before the date');
  });

  it('caps a long Retry-After', async () => {
    const { client, retries } = await setup(
      (req, res) => (req.n === 1 ? apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '3600' }) : json(res, 200, PKG)),
      { maxRetryAfterMs: 30 },
    );
    await client.get('package', 'CM100001');
    assert.ok(retries[0].delayMs >= 30 && retries[0].delayMs < 40);
  });

  it('retries 502 and 504 (no envelope) with backoff', async () => {
    const { client, retries } = await setup((req, res) => {
      if (req.n === 1) return void res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
      if (req.n === 2) return void res.writeHead(504).end();
      json(res, 200, PKG);
    });
    await client.get('package', 'CM100001');
    assert.deepEqual(retries.map((e) => e.error.status), [502, 504]);
    for (const e of retries) assert.ok(e.delayMs >= 0 && e.delayMs < 20);
  });

  it('gives up after maxRetries with the last typed error and the attempt count', async () => {
    const { client, requests } = await setup((_req, res) => apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '0' }), { maxRetries: 2 });
    await assert.rejects(client.get('package', 'CM100001'), (e: unknown) => e instanceof OsdServerError && e.attempts === 3 && /after 3 attempts/.test(e.message));
    assert.equal(requests.length, 3);
  });

  it('by default, retries as long as the time budget lasts, not a fixed count: six 503s in a row, then the answer', async () => {
    const { client, retries } = await setup((req, res) => (req.n <= 6 ? apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '0' }) : json(res, 200, PKG)));
    const r = await client.get('package', 'CM100001');
    assert.equal(r.attempts, 7);
    assert.equal(retries.length, 6);
  });

  it('gives up when the budget is spent, after as many attempts as fitted in it, with the last error', async () => {
    const { client, requests } = await setup((_req, res) => apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '0' }), {
      retryBudgetMs: 400,
      retryBaseDelayMs: 10,
      retryMaxDelayMs: 20,
    });
    const t0 = performance.now();
    const err = await client.get('package', 'CM100001').catch((e: unknown) => e);
    const elapsed = performance.now() - t0;
    assert.ok(err instanceof OsdServerError, inspect(err));
    assert.equal(err.attempts, requests.length);
    assert.ok(requests.length > 6, `${requests.length} attempts in the budget`);
    assert.ok(elapsed >= 400, `gave up after ${elapsed} ms, before the budget was spent`);
    assert.match(err.message, new RegExp(`^GET /api/v1/packages/CM100001 failed after ${requests.length} attempts \\(503 unavailable\\): busy`));
  });

  it('cuts a Retry-After longer than the budget to what is left of it, for one last attempt at the deadline', async () => {
    const { client, retries, requests } = await setup(
      (req, res) => (req.n === 1 ? apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '30' }) : json(res, 200, PKG)),
      { retryBudgetMs: 300 },
    );
    const t0 = performance.now();
    const r = await client.get('package', 'CM100001');
    assert.equal(r.attempts, 2);
    assert.equal(requests.length, 2);
    assert.ok(retries[0].delayMs <= 300 && retries[0].delayMs > 250, `waited ${retries[0].delayMs} ms`);
    assert.ok(performance.now() - t0 < 5_000);
  });

  it('retryBudgetMs: 0 makes a single attempt; a count set beside the budget still limits it', async () => {
    const busy: Script = (_req, res) => apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '0' });
    const single = await setup(busy, { retryBudgetMs: 0 });
    await assert.rejects(single.client.get('package', 'CM100001'), (e: unknown) => e instanceof OsdServerError && e.attempts === 1);
    assert.equal(single.requests.length, 1);
    await server?.close();
    const counted = await setup(busy, { maxRetries: 2 });
    await assert.rejects(counted.client.get('package', 'CM100001'), (e: unknown) => e instanceof OsdServerError && e.attempts === 3);
  });

  it('stopRetrying ends a wait between retries at once, failing with the last error', async () => {
    const { client, requests } = await setup((_req, res) => apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '30' }));
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const t0 = performance.now();
    await assert.rejects(client.get('package', 'CM100001', { stopRetrying: stop.signal }), (e: unknown) => e instanceof OsdServerError && e.status === 503 && e.attempts === 1);
    assert.ok(performance.now() - t0 < 1000);
    assert.equal(requests.length, 1);
  });

  it('stopRetrying does not cut off a request already sent: a create in flight returns its object', async () => {
    const { client } = await setup(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      json(res, 201, PKG, { ETag: '"1"' });
    });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const r = await client.create('package', { name: 'Office', version: '12.0', role: 'software' }, { stopRetrying: stop.signal });
    assert.equal(r.value.id, 'CM100001');
  });

  it('retries a reset connection (socket hang up)', async () => {
    const { client, retries } = await setup((req, res) => (req.n === 1 ? 'reset' : json(res, 200, PKG)));
    const r = await client.get('package', 'CM100001');
    assert.equal(r.attempts, 2);
    assert.equal(retries[0].error.constructor, OsdNetworkError);
    assert.equal(retries[0].error.code, 'ECONNRESET');
  });

  it('retries a timed-out request', async () => {
    const { client, retries } = await setup(
      async (req, res) => {
        if (req.n === 1) await new Promise((r) => setTimeout(r, 400));
        if (!res.destroyed) json(res, 200, PKG);
      },
      { timeoutMs: 100 },
    );
    const r = await client.get('package', 'CM100001');
    assert.equal(r.attempts, 2);
    assert.equal(retries[0].error.code, 'ETIMEDOUT');
  });

  it('retries a refused connection and reports it typed, without the token', async () => {
    const port = await freePort();
    const retries: RetryEvent[] = [];
    const client = new OsdClient({ endpoint: `http://127.0.0.1:${port}`, token: TOKEN, maxRetries: 3, retryBaseDelayMs: 1, onRetry: (e) => retries.push(e) });
    const err = await client.get('package', 'CM100001').catch((e: unknown) => e);
    assert.ok(err instanceof OsdNetworkError);
    assert.equal(err.code, 'ECONNREFUSED');
    assert.equal(err.status, 0);
    assert.equal(err.attempts, 4);
    assert.equal(retries.length, 3);
    assert.doesNotMatch(inspect(err, { depth: 10 }) + JSON.stringify(err), new RegExp(TOKEN));
  });

  it('a create retried after a lost response resends the same Idempotency-Key', async () => {
    const { client, requests } = await setup((req, res) => (req.n === 1 ? 'reset' : json(res, 201, { ...PKG }, { ETag: '"1"' })));
    const r = await client.create('package', { name: 'Office', version: '12.0', role: 'software' });
    assert.equal(r.attempts, 2);
    assert.equal(requests[0].headers['idempotency-key'], requests[1].headers['idempotency-key']);
    assert.equal(requests[0].body, requests[1].body);
  });

  it('a DELETE whose response was lost, then 404, has succeeded', async () => {
    const { client, requests } = await setup((req, res) => (req.n === 1 ? 'reset' : apiError(res, 404, 'notFound', 'no package CM100001')));
    const r = await client.delete('package', 'CM100001');
    assert.equal(r.deletedByEarlierAttempt, true);
    assert.equal(requests.length, 2);
  });

  it('a DELETE refused with 503, then 404, is a 404 (the 503 deleted nothing)', async () => {
    const { client } = await setup((req, res) => (req.n === 1 ? apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '0' }) : apiError(res, 404, 'notFound', 'gone')));
    await assert.rejects(client.delete('package', 'CM100001'), OsdNotFoundError);
  });

  it('a PUT with If-Match whose response was lost, then 412, succeeds when the server holds what was sent', async () => {
    const { client, requests } = await setup((req, res) => {
      if (req.n === 1) return 'reset';
      if (req.method === 'PUT') return apiError(res, 412, 'preconditionFailed', 'stale');
      json(res, 200, { ...PKG, description: 'new' }, { ETag: '"v2"' });
    });
    const r = await client.update('package', 'CM100001', { ...PKG, description: 'new' }, { etag: '"v1"' });
    assert.equal(r.confirmedByRead, true);
    assert.equal(r.etag, '"v2"');
    assert.deepEqual(requests.map((q) => q.method), ['PUT', 'PUT', 'GET']);
  });

  it('... and is a 412 when someone else wrote something different', async () => {
    const { client } = await setup((req, res) => {
      if (req.n === 1) return 'reset';
      if (req.method === 'PUT') return apiError(res, 412, 'preconditionFailed', 'stale');
      json(res, 200, { ...PKG, description: 'theirs' }, { ETag: '"v9"' });
    });
    await assert.rejects(client.update('package', 'CM100001', { ...PKG, description: 'mine' }, { etag: '"v1"' }), OsdPreconditionFailedError);
  });

  it('an abort stops the wait between retries at once', async () => {
    const { client } = await setup((_req, res) => apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '30' }));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const t0 = performance.now();
    await assert.rejects(client.get('package', 'CM100001', { signal: ac.signal }), (e: unknown) => e instanceof OsdNetworkError && e.code === 'ABORTED');
    assert.ok(performance.now() - t0 < 1000);
  });

  it('a throwing onRetry hook does not change the outcome', async () => {
    const { client } = await setup((req, res) => (req.n === 1 ? 'reset' : json(res, 200, PKG)), {
      onRetry: () => {
        throw new Error('logger broke');
      },
    });
    assert.equal((await client.get('package', 'CM100001')).attempts, 2);
  });

  it('maxRetries: 0 on a call makes a single attempt', async () => {
    const { client, requests } = await setup((_req, res) => apiError(res, 503, 'unavailable', 'busy', [], { 'Retry-After': '0' }));
    await assert.rejects(client.health({ maxRetries: 0 }), OsdServerError);
    assert.equal(requests.length, 1);
  });
});

describe('OsdClient: options', () => {
  it('refuses a bad endpoint or numbers before any request', () => {
    assert.throws(() => new OsdClient({ endpoint: 'localhost:8080', token: 't' }), /http\(s\) URL/);
    assert.throws(() => new OsdClient({ endpoint: 'http://x', token: 't', timeoutMs: 0 }), /timeoutMs/);
    assert.throws(() => new OsdClient({ endpoint: 'http://x', token: 't', maxRetries: -1 }), /maxRetries/);
    assert.throws(() => new OsdClient({ endpoint: 'http://x', token: 't', retryBudgetMs: -1 }), /retryBudgetMs/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
