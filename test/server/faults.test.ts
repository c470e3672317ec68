/**
 * Fault injection, turned on by flags at start (never by a request): 503 + Retry-After before
 * anything is done, added latency, and writes committed but never answered.
 */
import assert from 'node:assert/strict';
import { startServer } from '../../lib/server/launch';
import { packageBody } from './fixtures';
import { call } from './http';

test('--fault-error-rate 1: every request but health is 503 with Retry-After, and nothing is written', async () => {
  const server = await startServer({ args: ['--fault-error-rate', '1'] });
  try {
    const answer = await call(server, 'POST', '/api/v1/packages', { body: packageBody('fault-503') });
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '1');
    assert.equal(answer.json.error.code, 'unavailable');
    assert.equal((await call(server, 'GET', '/api/v1/health', { as: 'none' })).status, 200);
    // A request cannot turn faults off: there is no such header or parameter, and the audit stays empty.
    const audit = await call(server, 'GET', '/api/v1/audit', { headers: { 'x-fault-error-rate': '0' } });
    assert.equal(audit.status, 503);
  } finally {
    await server.stop();
  }
});

test('--fault-latency-ms delays answers', async () => {
  const server = await startServer({ args: ['--fault-latency-ms', '150'] });
  try {
    const started = performance.now();
    assert.equal((await call(server, 'GET', '/api/v1/site')).status, 200);
    assert.ok(performance.now() - started >= 145, 'answered too soon');
  } finally {
    await server.stop();
  }
});

test('--fault-drop-after-commit-rate 1: the write is committed, the connection closed unanswered; a retry with the same key gets the object', async () => {
  const server = await startServer({ args: ['--fault-drop-after-commit-rate', '1'] });
  try {
    const body = packageBody('fault-drop');
    const headers = { 'idempotency-key': 'drop-1' };
    await assert.rejects(call(server, 'POST', '/api/v1/packages', { body, headers }), /fetch failed|socket|closed/i);
    const retry = await call(server, 'POST', '/api/v1/packages', { body, headers });
    assert.equal(retry.status, 201, retry.text);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    const list = await call(server, 'GET', '/api/v1/packages');
    assert.deepEqual(list.json.items.map((p: { id: string }) => p.id), [retry.json.id]);
  } finally {
    await server.stop();
  }
});
