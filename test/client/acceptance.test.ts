/**
 * Acceptance: OsdClient against the real deployment server (lib/server/launch.ts starts it on a
 * loopback port with a temporary store), without faults and with the server's fault injection:
 * 20 % of requests refused 503 + Retry-After with added latency, and writes committed whose
 * responses are then dropped.
 */
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../lib/server/launch';
import {
  OsdClient,
  OsdConflictError,
  OsdForbiddenError,
  OsdNotFoundError,
  OsdPreconditionFailedError,
  OsdUnauthorizedError,
  OsdValidationError,
  type AuditEntry,
  type OsdClientOptions,
  type RetryEvent,
} from '../../lib/client';

/** A server and clients for it, with the retry events they reported. */
async function boot(args: string[] = [], options: Partial<OsdClientOptions> = {}) {
  const server = await startServer({ args });
  const retries: RetryEvent[] = [];
  const make = (token: string) => new OsdClient({ endpoint: server.url, token, onRetry: (e) => retries.push(e), ...options });
  return { server, admin: make(server.adminToken), reader: make(server.readerToken), retries };
}

/** Runs `task` for 0..n-1, `width` at a time (a pipeline applies in parallel too). */
async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) {
      const i = next++;
      out[i] = await task(i);
    }
  }));
  return out;
}

async function allAudit(client: OsdClient): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (;;) {
    const page = await client.audit({ after: entries.at(-1)?.seq ?? 0, limit: 1000 });
    entries.push(...page.value);
    if (page.value.length < 1000) return entries;
  }
}

const software = (name: string) => ({ name, version: '1.0', role: 'software' as const, sourcePath: '\\\\srv\\pkg\\' + name });

describe('acceptance: the real server, no faults', () => {
  let ctx: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => (ctx = await boot()));
  afterAll(async () => ctx.server.stop());

  it('creates, reads, updates with If-Match and deletes a package', async () => {
    const { admin } = ctx;
    const created = await admin.create('package', software('Office'));
    assert.match(created.value.id, /^CM1[0-9A-F]{5}$/);
    assert.match(String(created.etag), /^"[^"]+"$/);
    const read = await admin.get('package', created.value.id);
    assert.deepEqual(read.value, created.value);
    assert.equal(read.etag, created.etag);
    const updated = await admin.update('package', read.value.id, { ...read.value, description: 'Office 2007' }, { etag: read.etag });
    assert.equal(updated.value.description, 'Office 2007');
    assert.notEqual(updated.etag, read.etag);
    const gone = await admin.delete('package', read.value.id, { etag: updated.etag });
    assert.equal(gone.deletedByEarlierAttempt, false);
    await assert.rejects(admin.get('package', read.value.id), OsdNotFoundError);
  });

  it('a stale ETag is OsdPreconditionFailedError (412), on update and on delete', async () => {
    const { admin } = ctx;
    const first = await admin.create('package', software('Visio'));
    const second = await admin.update('package', first.value.id, { ...first.value, description: 'newer' }, { etag: first.etag });
    const err = await admin.update('package', first.value.id, { ...first.value, description: 'stale' }, { etag: first.etag }).catch((e: unknown) => e);
    assert.ok(err instanceof OsdPreconditionFailedError, String(err));
    assert.equal(err.status, 412);
    assert.equal(err.attempts, 1);
    await assert.rejects(admin.delete('package', first.value.id, { etag: first.etag }), OsdPreconditionFailedError);
    assert.equal((await admin.get('package', first.value.id)).value.description, 'newer');
    await admin.delete('package', first.value.id, { etag: second.etag });
  });

  it('an absent object is OsdNotFoundError (404) on get, update and delete', async () => {
    const { admin } = ctx;
    for (const call of [
      () => admin.get('package', 'CM1FFFFF'),
      () => admin.update('package', 'CM1FFFFF', software('Nope')),
      () => admin.delete('package', 'CM1FFFFF'),
      () => admin.get('program', 'CM1FFFFF/Install'),
    ]) {
      const err = await call().catch((e: unknown) => e);
      assert.ok(err instanceof OsdNotFoundError, String(err));
      assert.equal(err.status, 404);
      assert.equal(err.attempts, 1);
    }
  });

  it('programs live under their package; an R4 warning comes with the result', async () => {
    const { admin } = ctx;
    const client = await admin.create('package', { name: 'ConfigMgr client', role: 'client' });
    const program = await admin.create('program', { packageId: client.value.id, name: 'Install', commandLine: 'ccmsetup.exe SMSSITECODE=CM1' });
    assert.equal(typeof program.value.flags, 'number');
    assert.deepEqual(program.warnings.map((w) => [w.path, w.rule]), [['/runWhen', 'R4']]);
    const id = `${client.value.id}/Install`;
    const read = await admin.get('program', id);
    assert.equal(read.value.commandLine, 'ccmsetup.exe SMSSITECODE=CM1');
    const fixed = await admin.update('program', id, { ...read.value, runWhen: 'noUserLoggedOn' }, { etag: read.etag });
    assert.deepEqual(fixed.warnings, []);
    const listed = await admin.list('program', { packageId: client.value.id });
    assert.deepEqual(listed.value.map((p) => p.name), ['Install']);
    await admin.delete('program', id);
    await assert.rejects(admin.get('program', id), OsdNotFoundError);
  });

  it('secrets read as { set, version }; writing a read back keeps them, a new value bumps the version', async () => {
    const { admin } = ctx;
    const step = (joinPassword: string | { set: boolean; version: number }) => ({
      name: 'Join the domain',
      applyNetworkSettings: { joinType: 'domain' as const, domain: 'corp.example', joinAccount: 'CORP\\join', joinPassword },
    });
    const created = await admin.create('taskSequence', { name: 'Join', steps: [step('first')] });
    assert.deepEqual(created.value.steps[0].applyNetworkSettings?.joinPassword, { set: true, version: 1 });
    assert.doesNotMatch(JSON.stringify(created.value), /first/);
    const same = await admin.update('taskSequence', created.value.id, created.value, { etag: created.etag });
    assert.deepEqual(same.value.steps[0].applyNetworkSettings?.joinPassword, { set: true, version: 1 });
    const changed = await admin.update('taskSequence', created.value.id, { ...same.value, steps: [step('second')] }, { etag: same.etag });
    assert.deepEqual(changed.value.steps[0].applyNetworkSettings?.joinPassword, { set: true, version: 2 });
  });

  it('a duplicate name + version, and deleting a referenced package, are OsdConflictError (409)', async () => {
    const { admin } = ctx;
    const pkg = await admin.create('package', software('Acrobat'));
    const dup = await admin.create('package', software('Acrobat')).catch((e: unknown) => e);
    assert.ok(dup instanceof OsdConflictError, String(dup));
    await admin.create('program', { packageId: pkg.value.id, name: 'Install', commandLine: 'setup.exe /q', runWhen: 'noUserLoggedOn', adminRights: true });
    await admin.create('taskSequence', { name: 'Apps', steps: [{ name: 'Acrobat', installSoftware: { packageId: pkg.value.id, programName: 'Install' } }] });
    const referenced = await admin.delete('package', pkg.value.id).catch((e: unknown) => e);
    assert.ok(referenced instanceof OsdConflictError, String(referenced));
    assert.ok(referenced.details.length > 0);
  });

  it('tokens: unknown → 401, a reader writing → 403, a reader reading works; health needs none', async () => {
    const { server, reader } = ctx;
    const stranger = new OsdClient({ endpoint: server.url, token: 'not-a-token' });
    await assert.rejects(stranger.list('package'), OsdUnauthorizedError);
    assert.equal((await stranger.health()).value.status, 'ok');
    await assert.rejects(reader.create('package', software('Forbidden')), OsdForbiddenError);
    assert.ok(Array.isArray((await reader.list('package')).value));
  });

  it('the same Idempotency-Key twice gives back the first object, not a second', async () => {
    const { admin } = ctx;
    const a = await admin.create('package', software('Project'), { idempotencyKey: 'create-project-1' });
    const b = await admin.create('package', software('Project'), { idempotencyKey: 'create-project-1' });
    assert.equal(b.value.id, a.value.id);
    assert.equal((await admin.list('package', { name: 'Project' })).value.length, 1);
    await assert.rejects(admin.create('package', software('Other'), { idempotencyKey: 'create-project-1' }), OsdConflictError);
  });

  it('site and audit', async () => {
    const { admin } = ctx;
    assert.equal((await admin.site()).value.siteCode, 'CM1');
    const entries = await allAudit(admin);
    assert.ok(entries.length > 0);
    assert.ok(entries.every((e, i) => i === 0 || e.seq > entries[i - 1].seq));
  });
});

describe('acceptance: a 422 is reported at once', () => {
  const LATENCY = 300;
  let ctx: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => (ctx = await boot(['--fault-latency-ms', String(LATENCY)])));
  afterAll(async () => ctx.server.stop());

  it('after one request (one server latency, no retry), naming path and rule', async () => {
    const t0 = performance.now();
    const err = await ctx.admin.create('package', { name: 'x'.repeat(51), role: 'software' }).catch((e: unknown) => e);
    const elapsed = performance.now() - t0;
    assert.ok(err instanceof OsdValidationError, String(err));
    assert.equal(err.attempts, 1);
    assert.equal(ctx.retries.length, 0);
    // Every request waits LATENCY on the server; a second one would double it.
    assert.ok(elapsed >= LATENCY && elapsed < 2 * LATENCY, `took ${elapsed.toFixed(0)} ms`);
    assert.deepEqual(err.details.map((d) => [d.path, d.rule]), [['/name', 'maxLength']]);
    // The one problem is said once, as the server states it, with the request that failed.
    const long = 'x'.repeat(51);
    assert.equal(err.message, `POST /api/v1/packages failed (422 validation): the package "${long}" is not valid: /name is 51 characters long ("${long}"); at most 50 are allowed`);
  });
});

describe('acceptance: 20 % of requests refused 503 + Retry-After, 20 ms latency', () => {
  let ctx: Awaited<ReturnType<typeof boot>>;
  // 0.2^9: about one call in two million fails for good; the default 5 retries would flake once in ~50 runs of this suite.
  beforeAll(async () => (ctx = await boot(['--fault-error-rate', '0.2', '--fault-latency-ms', '20'], { maxRetries: 8 })));
  afterAll(async () => ctx.server.stop());

  it('100 creates all succeed and exactly 100 objects exist', async () => {
    const { admin, retries } = ctx;
    const created = await pool(100, 10, (i) => admin.create('package', software(`Pkg ${i}`)));
    const ids = new Set(created.map((r) => r.value.id));
    assert.equal(ids.size, 100);
    const listed = await admin.list('package');
    assert.equal(listed.value.length, 100);
    assert.deepEqual(new Set(listed.value.map((p) => p.id)), ids);
    const creates = (await allAudit(admin)).filter((e) => e.action === 'create');
    assert.equal(creates.length, 100);
    assert.ok(retries.some((r) => r.error.status === 503), 'the fault was injected');
    assert.ok(retries.filter((r) => r.error.status === 503).every((r) => r.delayMs >= 1000), 'waited as Retry-After says');
  });

  it('reads, updates with ETags and deletes all get through', async () => {
    const { admin } = ctx;
    const all = (await admin.list('package')).value;
    await pool(all.length, 20, async (i) => {
      const read = await admin.get('package', all[i].id);
      const updated = await admin.update('package', read.value.id, { ...read.value, description: 'updated' }, { etag: read.etag });
      await admin.delete('package', read.value.id, { etag: updated.etag });
    });
    assert.equal((await admin.list('package')).value.length, 0);
  });
});

describe('acceptance: writes committed, then their responses dropped (25 %)', () => {
  let ctx: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => (ctx = await boot(['--fault-drop-after-commit-rate', '0.25'], { maxRetries: 8, retryBaseDelayMs: 20 })));
  afterAll(async () => ctx.server.stop());

  it('100 creates: all succeed, exactly 100 objects, thanks to the Idempotency-Key', async () => {
    const { admin, retries } = ctx;
    const created = await pool(100, 10, (i) => admin.create('package', software(`Pkg ${i}`)));
    assert.equal(new Set(created.map((r) => r.value.id)).size, 100);
    assert.equal((await admin.list('package')).value.length, 100);
    assert.equal((await allAudit(admin)).filter((e) => e.action === 'create').length, 100);
    assert.ok(retries.some((r) => r.method === 'POST' && r.error.code === 'ECONNRESET'), 'responses were dropped');
  });

  it('updates with If-Match whose responses were lost are confirmed by a read, not failed as 412', async () => {
    const { admin } = ctx;
    const all = (await admin.list('package')).value;
    const results = await pool(all.length, 10, async (i) => {
      const read = await admin.get('package', all[i].id);
      return admin.update('package', read.value.id, { ...read.value, description: `v2 of ${i}` }, { etag: read.etag });
    });
    assert.ok(results.some((r) => r.confirmedByRead), 'some updates lost their response');
    for (const [i, r] of results.entries()) assert.equal(r.value.description, `v2 of ${i}`);
    const now = (await admin.list('package')).value;
    assert.ok(now.every((p) => p.description?.startsWith('v2 of ')));
  });

  it('deletes whose responses were lost are successes', async () => {
    const { admin } = ctx;
    const all = (await admin.list('package')).value;
    const results = await pool(all.length, 10, (i) => admin.delete('package', all[i].id));
    assert.ok(results.some((r) => r.deletedByEarlierAttempt), 'some deletes lost their response');
    assert.equal((await admin.list('package')).value.length, 0);
  });
});
