/**
 * Secrets at rest: the store's files (database, WAL, shared memory, read as bytes) never hold a
 * secret's plain value: after create, after a new value, after a key change, and after opening a
 * store that an earlier version wrote in plain text. The files are the owner's alone; a store
 * given the wrong key refuses to start, saying so.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import Database from 'better-sqlite3';
import { KIND_NAMES, KINDS, secretsOf } from '../../lib/model';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { MIGRATIONS } from '../../lib/server/store-schema';
import { usmtPackageBody } from './fixtures';
import { call, create } from './http';
import { defaultKeyFile, filesContaining, keyIn, modeOf, openedSecrets, sealedSecrets, storeFiles } from './store-files';

jest.setTimeout(180_000);

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'osd-at-rest-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A value no other test uses, easy to spot in a hex dump. */
const plain = (what: string) => `${what}-${randomBytes(6).toString('hex')}`;

interface Secrets {
  productKey: string;
  localAdminPassword: string;
  joinPassword: string;
  capturePassword: string;
  folderPassword: string;
  hiddenValue: string;
  localAccountPassword: string;
  runAsPassword: string;
  domainJoinPassword: string;
  pin: string;
}
const newSecrets = (): Secrets => ({
  productKey: plain('ProductKey'),
  localAdminPassword: plain('LocalAdmin'),
  joinPassword: plain('JoinPass'),
  capturePassword: plain('CapturePass'),
  folderPassword: plain('FolderPass'),
  hiddenValue: plain('Hidden'),
  localAccountPassword: plain('LocalAccount'),
  runAsPassword: plain('RunAsPass'),
  domainJoinPassword: plain('DomainJoin'),
  pin: plain('Pin'),
});

/** A task sequence with every secret the model has (the first test checks that it is every one). */
function everySecretBody(usmtPackageId: string, s: Secrets | Record<keyof Secrets, unknown>): Record<string, unknown> {
  return {
    name: 'Every secret',
    version: '1',
    // In Windows PE first, then (after a restart into the installed OS) the steps that run in the full OS (R6).
    steps: [
      {
        name: 'Settings',
        applyWindowsSettings: { registeredUser: 'IT', registeredOrganization: 'Contoso', productKey: s.productKey, randomLocalAdminPassword: false, localAdminPassword: s.localAdminPassword },
      },
      { name: 'Join', applyNetworkSettings: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join', joinPassword: s.joinPassword } },
      { name: 'Capture', captureOperatingSystemImage: { destination: '\\\\srv01\\captures\\ref.wim', captureAccount: 'CORP\\capture', capturePassword: s.capturePassword } },
      { name: 'Connect', connectNetworkFolder: { path: '\\\\srv01\\logs', account: 'CORP\\logs', accountPassword: s.folderPassword } },
      { name: 'Hidden', setTaskSequenceVariable: { variableName: 'Secret', hideValue: true, hiddenValue: s.hiddenValue } },
      { name: 'To Windows', restartComputer: { target: 'installedOs' } },
      { name: 'Restore', restoreUserState: { usmtPackageId, restoreLocalAccounts: true, localAccountPassword: s.localAccountPassword } },
      { name: 'Run as', runCommandLine: { commandLine: 'cmd /c ver', runAsUser: true, runAsAccount: 'CORP\\svc', runAsPassword: s.runAsPassword } },
      { name: 'Domain', joinDomainOrWorkgroup: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join', joinPassword: s.domainJoinPassword } },
      { name: 'BitLocker', enableBitLocker: { keyManagement: 'tpmAndPin', pin: s.pin } },
    ],
  };
}

/** Every `writeOnly` field of every kind, as `kind /path/*\/field` (arrays as `*`). */
function modelSecretFields(): Set<string> {
  const found = new Set<string>();
  const visit = (kind: string, schema: TSchema, at: string) => {
    if (schema.writeOnly) found.add(`${kind} ${at}`);
    for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) visit(kind, child, `${at}/${name}`);
    if (schema.items) visit(kind, schema.items as TSchema, `${at}/*`);
    for (const branch of (schema.anyOf ?? []) as TSchema[]) visit(kind, branch, at);
  };
  for (const kind of KIND_NAMES) visit(kind, KINDS[kind].schema, '');
  return found;
}

function assertNowhereInFiles(dataDir: string, values: readonly string[], when: string): void {
  assert.ok(storeFiles(dataDir).length > 0, 'the store files exist');
  for (const v of values) assert.deepEqual(filesContaining(dataDir, v), [], `${when}: ${JSON.stringify(v)} is readable in the store files`);
}

/** Starts the command on `dataDir` expecting it to refuse to start; its exit code and stderr. */
function startFails(dataDir: string, args: string[] = [], env: Record<string, string> = {}): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'osd-server.js'), '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, OSD_ADMIN_TOKEN: 'admin-token-for-a-start-that-fails', OSD_SECRET_KEY: '', OSD_SECRET_KEY_FILE: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

const secretValues = (s: Secrets) => Object.values(s) as string[];
const statusesOf = (body: Record<string, any>) => [
  body.steps[0].applyWindowsSettings.productKey,
  body.steps[0].applyWindowsSettings.localAdminPassword,
  body.steps[1].applyNetworkSettings.joinPassword,
  body.steps[2].captureOperatingSystemImage.capturePassword,
  body.steps[3].connectNetworkFolder.accountPassword,
  body.steps[4].setTaskSequenceVariable.hiddenValue,
  body.steps[6].restoreUserState.localAccountPassword,
  body.steps[7].runCommandLine.runAsPassword,
  body.steps[8].joinDomainOrWorkgroup.joinPassword,
  body.steps[9].enableBitLocker.pin,
];
/** How many secrets the test object holds: one of each secret field. */
const SECRET_COUNT = statusesOf(everySecretBody('', newSecrets())).length;

describe('a store written by this server', () => {
  const dataDir = path.join(scratch, 'store');
  let server: RunningServer;
  let tsUrl = '';
  let tsId = '';
  let usmtId = '';
  let first: Secrets;
  let second: Secrets;
  let sealedBeforeKeyChange: string[] = [];

  afterAll(async () => {
    await server?.stop();
  });

  test('the test object holds every secret field the model has', () => {
    const sent = secretsOf('taskSequence', everySecretBody('CM100001', newSecrets()));
    const fields = new Set([...sent.keys()].map((p) => `taskSequence ${p.replace(/\/\d+(?=\/)/g, '/*')}`));
    assert.deepEqual([...fields].sort(), [...modelSecretFields()].sort());
  });

  test('after create: the data dir is 0700, the files 0600, and no plain value is in them; reads show { set, version }', async () => {
    server = await startServer({ dataDir });
    const usmt = await create(server, '/api/v1/packages', usmtPackageBody('at-rest'));
    usmtId = usmt.id!;
    first = newSecrets();
    const created = await call(server, 'POST', '/api/v1/task-sequences', { body: everySecretBody(usmtId, first) });
    assert.equal(created.status, 201, created.text);
    tsId = created.json.id;
    tsUrl = created.headers.get('location')!;
    assert.deepEqual(statusesOf(created.json), Array(SECRET_COUNT).fill({ set: true, version: 1 }));

    assert.equal(modeOf(dataDir), '0700');
    const files = [...storeFiles(dataDir), defaultKeyFile(dataDir)];
    assert.deepEqual(files.map((f) => path.basename(f)), ['osd.sqlite', 'osd.sqlite-wal', 'osd.sqlite-shm', 'secret-key']);
    for (const f of files) assert.equal(modeOf(f), '0600', f);

    assertNowhereInFiles(dataDir, secretValues(first), 'after create');
    const read = await call(server, 'GET', tsUrl);
    for (const v of secretValues(first)) assert.ok(!read.text.includes(v), read.text);
    assert.deepEqual(statusesOf(read.json), Array(SECRET_COUNT).fill({ set: true, version: 1 }));
    // What is stored is the values sealed, and they open with the key to what was sent.
    assert.deepEqual(openedSecrets(dataDir, 'taskSequence', tsId).map((s) => s.value).sort(), secretValues(first).sort());
  });

  test('after a PUT with new values: neither the old nor the new values are in the files', async () => {
    second = newSecrets();
    const replaced = await call(server, 'PUT', tsUrl, { body: everySecretBody(usmtId, second) });
    assert.equal(replaced.status, 200, replaced.text);
    assert.deepEqual(statusesOf(replaced.json), Array(SECRET_COUNT).fill({ set: true, version: 2 }));
    assertNowhereInFiles(dataDir, [...secretValues(first), ...secretValues(second)], 'after a new value');
    assert.deepEqual(openedSecrets(dataDir, 'taskSequence', tsId).map((s) => s.value).sort(), secretValues(second).sort());
    sealedBeforeKeyChange = sealedSecrets(dataDir, 'taskSequence', tsId).map((s) => s.sealed!);
  });

  test('a sealed value copied to another place does not open: the server refuses to serve it', async () => {
    await server.stop();
    const db = new Database(path.join(dataDir, 'osd.sqlite'));
    const rows = sealedSecrets(dataDir, 'taskSequence', tsId);
    const swap = db.prepare('UPDATE secrets SET sealed = ? WHERE kind = ? AND object_id = ? AND pointer = ?');
    swap.run(rows[1].sealed, 'taskSequence', tsId, rows[0].pointer);
    db.close();
    server = await startServer({ dataDir });
    const read = await call(server, 'GET', tsUrl);
    assert.equal(read.status, 500, read.text);
    assert.ok(!secretValues(second).some((v) => read.text.includes(v)), read.text);
    await server.stop();
    const restore = new Database(path.join(dataDir, 'osd.sqlite'));
    restore.prepare('UPDATE secrets SET sealed = ? WHERE kind = ? AND object_id = ? AND pointer = ?').run(rows[0].sealed, 'taskSequence', tsId, rows[0].pointer);
    restore.close();
  });

  test('the wrong key fails at start with a message naming where the key came from, and changes nothing', () => {
    const before = sealedSecrets(dataDir, 'taskSequence', tsId);
    const wrong = startFails(dataDir, [], { OSD_SECRET_KEY: randomBytes(32).toString('base64') });
    assert.equal(wrong.status, 2, wrong.stderr);
    assert.equal(wrong.stdout, '');
    assert.match(wrong.stderr, /osd-server: the secrets in \S+osd\.sqlite are sealed with key [0-9a-f]{12}, not with [0-9a-f]{12} from OSD_SECRET_KEY; start with the key/);
    assert.match(wrong.stderr, /--previous-secret-key-file/);
    assert.deepEqual(sealedSecrets(dataDir, 'taskSequence', tsId), before);

    // The key file gone (a store copied without it): no new key is left behind that would look like the store's.
    const keyFile = defaultKeyFile(dataDir);
    const aside = path.join(scratch, 'key-aside');
    fs.renameSync(keyFile, aside);
    const missing = startFails(dataDir);
    assert.equal(missing.status, 2, missing.stderr);
    assert.match(missing.stderr, /sealed with key [0-9a-f]{12}, not with [0-9a-f]{12} from the key file .*secret-key.*did not exist, so a new key was made for this start, and is removed again/);
    assert.equal(fs.existsSync(keyFile), false);
    fs.renameSync(aside, keyFile);

    const notAKey = path.join(scratch, 'not-a-key');
    fs.writeFileSync(notAKey, 'hunter2\n');
    const bad = startFails(dataDir, ['--secret-key-file', notAKey]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--secret-key-file \S+not-a-key does not hold a key: it decodes to 5 bytes, not 32; expected one line of base64 of 32 random bytes/);
    assert.ok(!bad.stderr.includes('hunter2'), bad.stderr);
    const absent = startFails(dataDir, ['--secret-key-file', path.join(scratch, 'no-such-key')]);
    assert.equal(absent.status, 2);
    assert.match(absent.stderr, /--secret-key-file \S+no-such-key: cannot read the key: it does not exist/);
    const same = startFails(dataDir, ['--previous-secret-key-file', keyFile]);
    assert.equal(same.status, 2);
    assert.match(same.stderr, /--previous-secret-key-file \S+secret-key holds the same key as the key file \S+secret-key; to change keys/);
  });

  test('a key change: start with the new key and the previous one; every value is sealed again, none is lost, nothing of the old key is left', async () => {
    const oldKeyFile = path.join(scratch, 'old-key');
    const oldKey = keyIn(defaultKeyFile(dataDir));
    fs.renameSync(defaultKeyFile(dataDir), oldKeyFile);
    // A new default key file is made at this start; the previous key opens what is stored.
    server = await startServer({ dataDir, args: ['--previous-secret-key-file', oldKeyFile] });
    const newKey = keyIn(defaultKeyFile(dataDir));
    assert.notDeepEqual(newKey, oldKey);

    const opened = openedSecrets(dataDir, 'taskSequence', tsId, newKey);
    assert.deepEqual(opened.map((s) => s.value).sort(), secretValues(second).sort());
    assert.throws(() => openedSecrets(dataDir, 'taskSequence', tsId, oldKey), /does not open/);
    assertNowhereInFiles(dataDir, [...secretValues(first), ...secretValues(second), ...sealedBeforeKeyChange], 'after the key change');

    // The server holds the same values: sending them again keeps every version; reads show statuses only.
    const again = await call(server, 'PUT', tsUrl, { body: everySecretBody(usmtId, second) });
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(statusesOf(again.json), Array(SECRET_COUNT).fill({ set: true, version: 2 }));
    // Idempotent creates still recognise a retry (their salt is a store secret too, sealed again).
    const key = { 'idempotency-key': 'after-key-change' };
    const once = await call(server, 'POST', '/api/v1/packages', { body: usmtPackageBody('idem'), headers: key });
    await server.stop();

    // Started again without the previous key: it is not needed any more.
    server = await startServer({ dataDir });
    const replay = await call(server, 'POST', '/api/v1/packages', { body: usmtPackageBody('idem'), headers: key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.json.id, once.json.id);
    const read = await call(server, 'GET', tsUrl);
    assert.deepEqual(statusesOf(read.json), Array(SECRET_COUNT).fill({ set: true, version: 2 }));
    await server.stop();

    // The old key alone no longer opens the store.
    const stale = startFails(dataDir, ['--secret-key-file', oldKeyFile]);
    assert.equal(stale.status, 2);
    assert.match(stale.stderr, /not with [0-9a-f]{12} from --secret-key-file \S+old-key/);
  });
});

describe('a store written before secrets were sealed', () => {
  /**
   * Writes a store the way the first schema held it: secret values in plain text (one of them
   * replaced, so the old value is in freed space), the fingerprint salt in plain text, files 0644
   * in a 0755 directory. The files are copied while the writing connection is still open, as a
   * server killed mid-work leaves them: the newest writes are only in the WAL.
   */
  function writePlainTextStore(dir: string, values: { join: string; replacedJoin: string; capture: string; salt: string }): void {
    const work = fs.mkdtempSync(path.join(scratch, 'v1-'));
    const db = new Database(path.join(work, 'osd.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec(MIGRATIONS[0].sql);
    db.pragma('user_version = 1');
    const body = {
      id: 'CM100001',
      name: 'Written before',
      version: '1',
      steps: [
        { name: 'Join', enabled: true, continueOnError: false, applyNetworkSettings: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join' } },
        { name: 'Capture', enabled: true, continueOnError: false, captureOperatingSystemImage: { destination: '\\\\srv01\\c\\ref.wim', captureAccount: 'CORP\\capture' } },
      ],
    };
    const uniqueKey = JSON.stringify(KINDS.taskSequence.uniqueBy.map((f) => (body as Record<string, unknown>)[f] ?? ''));
    db.prepare('INSERT INTO counters (name, value) VALUES (?, ?), (?, ?)').run('package-id:CM1', 1, 'revision', 2);
    db.prepare('INSERT INTO objects (kind, id, parent_id, name, version, unique_key, body, revision) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)').run(
      'taskSequence', 'CM100001', body.name, body.version, uniqueKey, JSON.stringify(body), 2,
    );
    const insertSecret = db.prepare('INSERT INTO secrets (kind, object_id, pointer, value, version) VALUES (?, ?, ?, ?, ?)');
    insertSecret.run('taskSequence', 'CM100001', '/steps/0/applyNetworkSettings/joinPassword', values.replacedJoin, 1);
    insertSecret.run('taskSequence', 'CM100001', '/steps/1/captureOperatingSystemImage/capturePassword', values.capture, 1);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('idempotency-salt', values.salt);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare('UPDATE secrets SET value = ?, version = 2 WHERE pointer = ?').run(values.join, '/steps/0/applyNetworkSettings/joinPassword');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    for (const suffix of ['', '-wal']) {
      fs.copyFileSync(path.join(work, `osd.sqlite${suffix}`), path.join(dir, `osd.sqlite${suffix}`));
      fs.chmodSync(path.join(dir, `osd.sqlite${suffix}`), 0o644);
    }
    db.close();
  }

  test('is sealed on first open: the values keep working, and no plain text is left in the files', async () => {
    const dataDir = path.join(scratch, 'plain');
    const values = { join: plain('OldJoin'), replacedJoin: plain('ReplacedJoin'), capture: plain('OldCapture'), salt: randomBytes(32).toString('hex') };
    writePlainTextStore(dataDir, values);
    // The test means something only if the plain text is there to begin with, in live rows and freed space.
    for (const v of Object.values(values)) assert.notDeepEqual(filesContaining(dataDir, v), [], `${v} is in the store before`);

    const server = await startServer({ dataDir });
    try {
      const read = await call(server, 'GET', '/api/v1/task-sequences/CM100001');
      assert.equal(read.status, 200, read.text);
      assert.deepEqual(read.json.steps[0].applyNetworkSettings.joinPassword, { set: true, version: 2 });
      assert.deepEqual(read.json.steps[1].captureOperatingSystemImage.capturePassword, { set: true, version: 1 });

      assertNowhereInFiles(dataDir, Object.values(values), 'after the first open');
      for (const f of storeFiles(dataDir)) assert.equal(modeOf(f), '0600', f);
      assert.deepEqual(
        openedSecrets(dataDir, 'taskSequence', 'CM100001').map((s) => s.value),
        [values.join, values.capture],
      );

      // The same values sent again keep their versions: the server opened them to what was stored.
      const same = {
        name: 'Written before',
        version: '1',
        steps: [
          { name: 'Join', applyNetworkSettings: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join', joinPassword: values.join } },
          { name: 'Capture', captureOperatingSystemImage: { destination: '\\\\srv01\\c\\ref.wim', captureAccount: 'CORP\\capture', capturePassword: values.capture } },
        ],
      };
      const put = await call(server, 'PUT', '/api/v1/task-sequences/CM100001', { body: same });
      assert.equal(put.status, 200, put.text);
      assert.deepEqual(put.json.steps[0].applyNetworkSettings.joinPassword, { set: true, version: 2 });
      assert.deepEqual(put.json.steps[1].captureOperatingSystemImage.capturePassword, { set: true, version: 1 });
    } finally {
      await server.stop();
    }
  });
});
