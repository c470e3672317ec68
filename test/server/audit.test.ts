/**
 * The audit trail records who changed what, when, with the object before and after, in order,
 * and pages with ?after=&limit=.
 */
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { packageBody, programBody } from './fixtures';
import { call, create } from './http';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { OSD_TOKENS: 'release-pipeline:admin:pipeline-token-for-audit' } });
});
afterAll(async () => {
  await server.stop();
});

interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  kind: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

test('create, update and delete are recorded with actor, kind, ID, before and after', async () => {
  const startedAt = Date.now();
  const pkg = await create(server, '/api/v1/packages', packageBody('audited'));
  const updated = await call(server, 'PUT', `/api/v1/packages/${pkg.id}`, { body: { ...pkg, description: 'second' } });
  assert.equal(updated.status, 200);
  // A second actor: the pipeline's token.
  const program = await fetch(`${server.url}/api/v1/packages/${pkg.id}/programs`, {
    method: 'POST',
    headers: { authorization: 'Bearer pipeline-token-for-audit', 'content-type': 'application/json' },
    body: JSON.stringify(programBody('Audited program')),
  });
  assert.equal(program.status, 201);
  assert.equal((await call(server, 'DELETE', `/api/v1/packages/${pkg.id}/programs/${encodeURIComponent('Audited program')}`)).status, 204);
  // Refused writes change nothing and are not recorded.
  assert.equal((await call(server, 'POST', '/api/v1/packages', { body: packageBody('audited') })).status, 409);

  const answer = await call(server, 'GET', '/api/v1/audit', { as: 'reader' });
  assert.equal(answer.status, 200);
  const records = answer.json.items as AuditRecord[];
  assert.deepEqual(
    records.map((r) => [r.actor, r.action, r.kind, r.id]),
    [
      ['admin', 'create', 'package', pkg.id],
      ['admin', 'update', 'package', pkg.id],
      ['release-pipeline', 'create', 'program', `${pkg.id}/Audited program`],
      ['admin', 'delete', 'program', `${pkg.id}/Audited program`],
    ],
  );
  const [created, update, , deleted] = records;
  assert.equal(created.before, null);
  assert.deepEqual(created.after, pkg);
  assert.deepEqual(update.before, pkg);
  assert.equal(update.after?.description, 'second');
  assert.equal(deleted.after, null);
  assert.equal(deleted.before?.name, 'Audited program');
  assert.deepEqual(records.map((r) => r.seq), [...records.map((r) => r.seq)].sort((a, b) => a - b));
  for (const r of records) {
    const at = Date.parse(r.at);
    assert.ok(at >= startedAt - 1000 && at <= Date.now() + 1000, `time ${r.at}`);
  }
  assert.ok(!answer.text.includes('pipeline-token-for-audit'), 'the audit names tokens, never their secrets');
});

test('pages with after and limit', async () => {
  const all = (await call(server, 'GET', '/api/v1/audit?limit=1000')).json.items as AuditRecord[];
  assert.ok(all.length >= 4);
  const first = (await call(server, 'GET', '/api/v1/audit?limit=2')).json.items as AuditRecord[];
  assert.deepEqual(first.map((r) => r.seq), all.slice(0, 2).map((r) => r.seq));
  const next = (await call(server, 'GET', `/api/v1/audit?after=${first[1].seq}&limit=2`)).json.items as AuditRecord[];
  assert.deepEqual(next.map((r) => r.seq), all.slice(2, 4).map((r) => r.seq));
  assert.deepEqual((await call(server, 'GET', `/api/v1/audit?after=${all[all.length - 1].seq}`)).json.items, []);
});
