/**
 * Write-only secrets: never returned (reads show { set, version }), the version goes up only when
 * the value changes, writing the status back keeps the stored value, a secret left out is removed,
 * and no secret appears in an answer, an error message or the audit trail.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { taskSequenceBody } from './fixtures';
import { call } from './http';
import { openedSecrets } from './store-files';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const JOIN = 'Join-Pa55word!';
const KEY = 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY';

function steps(join: unknown, productKey?: unknown): unknown[] {
  return [
    { name: 'Settings', applyWindowsSettings: { registeredUser: 'IT', registeredOrganization: 'Contoso', ...(productKey === undefined ? {} : { productKey }) } },
    { name: 'Join', applyNetworkSettings: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join', joinPassword: join } },
  ];
}

/** What the store holds for an object: its body text and its secret rows (opened with the store's key). */
function stored(id: string): { body: string; secrets: { pointer: string; value: string | null; version: number }[] } {
  const db = new Database(path.join(server.dataDir, 'osd.sqlite'), { readonly: true });
  try {
    const body = (db.prepare('SELECT body FROM objects WHERE kind = ? AND id = ?').get('taskSequence', id) as { body: string }).body;
    return { body, secrets: openedSecrets(server.dataDir, 'taskSequence', id) };
  } finally {
    db.close();
  }
}

const JOIN_AT = '/steps/1/applyNetworkSettings/joinPassword';
const KEY_AT = '/steps/0/applyWindowsSettings/productKey';

test('secrets are stored apart from the body and never returned; versions follow changes of value', async () => {
  const created = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('secrets', steps(JOIN, KEY)) });
  assert.equal(created.status, 201, created.text);
  assert.ok(!created.text.includes(JOIN) && !created.text.includes(KEY), created.text);
  assert.deepEqual(created.json.steps[1].applyNetworkSettings.joinPassword, { set: true, version: 1 });
  assert.deepEqual(created.json.steps[0].applyWindowsSettings.productKey, { set: true, version: 1 });
  const id = created.json.id as string;
  const url = `/api/v1/task-sequences/${id}`;

  const read = await call(server, 'GET', url);
  assert.ok(!read.text.includes(JOIN));
  assert.deepEqual(read.json, created.json);
  let db = stored(id);
  assert.ok(!db.body.includes(JOIN) && !db.body.includes(KEY), 'the body JSON holds no secret');
  assert.deepEqual(db.secrets, [
    { pointer: KEY_AT, value: KEY, version: 1 },
    { pointer: JOIN_AT, value: JOIN, version: 1 },
  ]);

  // Writing back what was read keeps the stored values and their versions.
  const kept = await call(server, 'PUT', url, { body: { ...read.json, description: 'status written back' } });
  assert.equal(kept.status, 200, kept.text);
  assert.deepEqual(kept.json.steps[1].applyNetworkSettings.joinPassword, { set: true, version: 1 });
  assert.deepEqual(stored(id).secrets.map((s) => [s.value, s.version]), [[KEY, 1], [JOIN, 1]]);

  // The same value again: no new version. A different value: the next version.
  const same = await call(server, 'PUT', url, { body: taskSequenceBody('secrets', steps(JOIN, KEY)) });
  assert.deepEqual(same.json.steps[1].applyNetworkSettings.joinPassword, { set: true, version: 1 });
  const changed = await call(server, 'PUT', url, { body: taskSequenceBody('secrets', steps('N3w-Password', { set: true, version: 1 })) });
  assert.equal(changed.status, 200, changed.text);
  assert.deepEqual(changed.json.steps[1].applyNetworkSettings.joinPassword, { set: true, version: 2 });
  assert.deepEqual(changed.json.steps[0].applyWindowsSettings.productKey, { set: true, version: 1 });

  // Left out: removed. Set again later: a version above any seen before.
  const removed = await call(server, 'PUT', url, { body: taskSequenceBody('secrets', steps({ set: true, version: 2 })) });
  assert.equal(removed.status, 200, removed.text);
  assert.equal('productKey' in removed.json.steps[0].applyWindowsSettings, false);
  db = stored(id);
  assert.deepEqual(db.secrets.find((s) => s.pointer === KEY_AT), { pointer: KEY_AT, value: null, version: 1 });
  const again = await call(server, 'PUT', url, { body: taskSequenceBody('secrets', steps({ set: true, version: 2 }, KEY)) });
  assert.deepEqual(again.json.steps[0].applyWindowsSettings.productKey, { set: true, version: 2 });

  // Nothing of it in the audit trail.
  const audit = await call(server, 'GET', '/api/v1/audit?limit=1000');
  assert.ok(audit.json.items.some((r: { id: string }) => r.id === id));
  for (const secret of [JOIN, KEY, 'N3w-Password']) assert.ok(!audit.text.includes(secret), `audit shows ${secret}`);
});

test('a status for a secret that is not stored is 422 (the server cannot keep what it does not have)', async () => {
  const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('no-secret', steps({ set: true, version: 1 })) });
  assert.equal(answer.status, 422, answer.text);
  const detail = answer.json.error.details.find((d: { path: string }) => d.path === JOIN_AT);
  assert.equal(detail.rule, 'writeOnly');
  assert.match(detail.message, /none is stored/);
});

test('an invalid secret is refused without quoting it', async () => {
  const long = `Zq${'9'.repeat(300)}`;
  const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('long-secret', steps(long)) });
  assert.equal(answer.status, 422, answer.text);
  assert.ok(!answer.text.includes('Zq999'), answer.text);
  const detail = answer.json.error.details.find((d: { path: string }) => d.path === JOIN_AT);
  assert.equal(detail.rule, 'maxLength');
  assert.match(detail.message, /at most 255/);

  const number = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('number-secret', steps(918273645)) });
  assert.equal(number.status, 422);
  assert.ok(!number.text.includes('918273645'), number.text);
});
