/**
 * Every acknowledged write survives a kill -9 of the server; a clean shutdown finishes the
 * requests in flight and exits 0.
 */
import assert from 'node:assert/strict';
import { startServer } from '../../lib/server/launch';
import { packageBody, taskSequenceBody } from './fixtures';
import { call } from './http';

const N = 50;

test(`${N} acknowledged writes are all there after kill -9 and a restart on the same data dir`, async () => {
  const server = await startServer();
  try {
    const acknowledged = new Map<string, Record<string, unknown>>();
    // Ten at a time, so that commits overlap with requests arriving.
    for (let batch = 0; batch < N / 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const n = batch * 10 + i;
          const body =
            n % 2 === 0
              ? packageBody(`durable-${n}`, { description: `written ${n} — ünïcödé` })
              : taskSequenceBody(`durable-${n}`, [{ name: `Join ${n}`, applyNetworkSettings: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join', joinPassword: `pw-${n}` } }]);
          return call(server, 'POST', n % 2 === 0 ? '/api/v1/packages' : '/api/v1/task-sequences', { body });
        }),
      );
      for (const a of answers) {
        assert.equal(a.status, 201, a.text);
        acknowledged.set(a.headers.get('location')!, a.json);
      }
    }
    assert.equal(acknowledged.size, N);

    await server.kill9();
    await server.restart();

    for (const [location, body] of acknowledged) {
      const read = await call(server, 'GET', location);
      assert.equal(read.status, 200, `${location} after restart: ${read.text}`);
      assert.deepEqual(read.json, body);
    }
    // The ID counter survived too: a new package gets an ID never used before.
    const next = await call(server, 'POST', '/api/v1/packages', { body: packageBody('after-restart') });
    assert.equal(next.status, 201);
    assert.equal([...acknowledged.values()].some((b) => b.id === next.json.id), false);
    assert.equal((await call(server, 'GET', `/api/v1/audit?limit=1000`)).json.items.length, N + 1);
  } finally {
    await server.stop();
  }
});

test('SIGTERM lets a request in flight finish, then the server exits 0', async () => {
  const server = await startServer({ args: ['--fault-latency-ms', '400'] });
  const inFlight = call(server, 'POST', '/api/v1/packages', { body: packageBody('in-flight') });
  await new Promise((resolve) => setTimeout(resolve, 150));
  const [answer, exitCode] = await Promise.all([inFlight, server.stop()]);
  assert.equal(answer.status, 201, answer.text);
  assert.equal(exitCode, 0);
});
