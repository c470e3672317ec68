/**
 * Optimistic concurrency (ETag / If-Match) and idempotent creates (Idempotency-Key).
 */
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { packageBody } from './fixtures';
import { call, create } from './http';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe('ETag and If-Match', () => {
  test('POST, GET and PUT answer a strong quoted ETag that changes on each write', async () => {
    const created = await call(server, 'POST', '/api/v1/packages', { body: packageBody('etag-1') });
    const etag1 = created.headers.get('etag');
    assert.match(etag1 ?? '', /^"[^"]+"$/);
    const read = await call(server, 'GET', `/api/v1/packages/${created.json.id}`);
    assert.equal(read.headers.get('etag'), etag1);
    const updated = await call(server, 'PUT', `/api/v1/packages/${created.json.id}`, { body: { ...read.json, description: 'changed' }, headers: { 'if-match': etag1! } });
    assert.equal(updated.status, 200, updated.text);
    assert.notEqual(updated.headers.get('etag'), etag1);
    assert.equal((await call(server, 'GET', `/api/v1/packages/${created.json.id}`)).headers.get('etag'), updated.headers.get('etag'));
  });

  test('two PUTs with the same ETag: exactly one 200 and one 412, and the winner is stored', async () => {
    const created = await call(server, 'POST', '/api/v1/packages', { body: packageBody('etag-race') });
    const id = created.json.id as string;
    const etag = created.headers.get('etag')!;
    const put = (description: string) =>
      call(server, 'PUT', `/api/v1/packages/${id}`, { body: { ...created.json, description }, headers: { 'if-match': etag } });
    const answers = await Promise.all([put('from A'), put('from B')]);
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [200, 412], answers.map((a) => a.text).join('\n'));
    const winner = answers.find((a) => a.status === 200)!;
    const loser = answers.find((a) => a.status === 412)!;
    assert.equal(loser.json.error.code, 'preconditionFailed');
    assert.match(loser.json.error.message, new RegExp(`If-Match ${etag}`));
    const stored = await call(server, 'GET', `/api/v1/packages/${id}`);
    assert.equal(stored.json.description, winner.json.description);
    assert.equal(stored.headers.get('etag'), winner.headers.get('etag'));
  });

  test('DELETE with a stale If-Match is 412 and deletes nothing; with the current one, 204', async () => {
    const created = await call(server, 'POST', '/api/v1/packages', { body: packageBody('etag-delete') });
    const id = created.json.id as string;
    const stale = created.headers.get('etag')!;
    await call(server, 'PUT', `/api/v1/packages/${id}`, { body: { ...created.json, description: 'newer' } });
    assert.equal((await call(server, 'DELETE', `/api/v1/packages/${id}`, { headers: { 'if-match': stale } })).status, 412);
    const current = (await call(server, 'GET', `/api/v1/packages/${id}`)).headers.get('etag')!;
    assert.equal((await call(server, 'DELETE', `/api/v1/packages/${id}`, { headers: { 'if-match': current } })).status, 204);
  });

  test('PUT is a full replacement: a field left out is gone', async () => {
    const created = await create(server, '/api/v1/packages', packageBody('replace', { description: 'will go', manufacturer: 'Contoso' }));
    const { description: _gone, ...rest } = created;
    const replaced = await call(server, 'PUT', `/api/v1/packages/${created.id}`, { body: rest });
    assert.equal(replaced.status, 200, replaced.text);
    assert.equal('description' in replaced.json, false);
    assert.equal(replaced.json.manufacturer, 'Contoso');
  });

  test('a field that cannot change (role) is refused with 422 naming it', async () => {
    const created = await create(server, '/api/v1/packages', packageBody('immutable'));
    const answer = await call(server, 'PUT', `/api/v1/packages/${created.id}`, { body: { ...created, role: 'tools' } });
    assert.equal(answer.status, 422, answer.text);
    assert.deepEqual(
      answer.json.error.details.map((d: { path: string; rule: string }) => [d.path, d.rule]),
      [['/role', 'immutable']],
    );
    assert.match(answer.json.error.details[0].message, /"tools".*"software"/);
  });
});

describe('Idempotency-Key', () => {
  test('a retried POST answers the first result: one object, the same ID', async () => {
    const body = packageBody('idem-1');
    const headers = { 'idempotency-key': 'create-idem-1' };
    const first = await call(server, 'POST', '/api/v1/packages', { body, headers });
    const second = await call(server, 'POST', '/api/v1/packages', { body, headers });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.json.id, first.json.id);
    assert.equal(second.headers.get('location'), first.headers.get('location'));
    assert.equal(second.headers.get('etag'), first.headers.get('etag'));
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const list = await call(server, 'GET', `/api/v1/packages?name=${encodeURIComponent(String(body.name))}`);
    assert.equal(list.json.items.length, 1);
  });

  test('concurrent retries with the same key still make one object', async () => {
    const body = packageBody('idem-concurrent');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call(server, 'POST', '/api/v1/packages', { body, headers: { 'idempotency-key': 'idem-concurrent' } })),
    );
    assert.ok(answers.every((a) => a.status === 201), answers.map((a) => a.text).join('\n'));
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
    const list = await call(server, 'GET', `/api/v1/packages?name=${encodeURIComponent(String(body.name))}`);
    assert.equal(list.json.items.length, 1);
  });

  test('the same key with a different body is 409', async () => {
    const headers = { 'idempotency-key': 'idem-reused' };
    assert.equal((await call(server, 'POST', '/api/v1/packages', { body: packageBody('idem-a'), headers })).status, 201);
    const reused = await call(server, 'POST', '/api/v1/packages', { body: packageBody('idem-b'), headers });
    assert.equal(reused.status, 409, reused.text);
    assert.equal(reused.json.error.code, 'idempotencyKeyReused');
    assert.match(reused.json.error.message, /idem-reused/);
  });

  test('without a key, sending the same create again is a duplicate (409 naming the existing object)', async () => {
    const body = packageBody('idem-no-key');
    assert.equal((await call(server, 'POST', '/api/v1/packages', { body, headers: { 'idempotency-key': 'k-1' } })).status, 201);
    const duplicate = await call(server, 'POST', '/api/v1/packages', { body });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.json.error.code, 'duplicate');
    assert.match(duplicate.json.error.message, /already has name "Package idem-no-key" and version "1.0"/);
  });

  test('keys belong to a token: another token may use the same key for its own create', async () => {
    const other = await startServer({ env: { OSD_TOKENS: 'pipeline:admin:pipeline-secret-1' } });
    try {
      const key = { 'idempotency-key': 'shared-key' };
      const asAdmin = await call(other, 'POST', '/api/v1/packages', { body: packageBody('idem-admin'), headers: key });
      const asPipeline = await fetch(`${other.url}/api/v1/packages`, {
        method: 'POST',
        headers: { ...key, authorization: 'Bearer pipeline-secret-1', 'content-type': 'application/json' },
        body: JSON.stringify(packageBody('idem-pipeline')),
      });
      assert.equal(asAdmin.status, 201);
      assert.equal(asPipeline.status, 201, await asPipeline.clone().text());
      assert.notEqual(((await asPipeline.json()) as { id: string }).id, asAdmin.json.id);
    } finally {
      await other.stop();
    }
  });

  test('a refused create is not remembered: the retry after the fix succeeds', async () => {
    const headers = { 'idempotency-key': 'idem-after-fix' };
    const body = { ...packageBody('idem-fix'), sourcePath: 'not a path' };
    assert.equal((await call(server, 'POST', '/api/v1/packages', { body, headers })).status, 422);
    assert.equal((await call(server, 'POST', '/api/v1/packages', { body: packageBody('idem-fix'), headers })).status, 201);
  });
});
