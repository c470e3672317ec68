/**
 * End to end, as a pipeline runs it: with the real `cdktf` CLI, the installed provider and the
 * real server, a deploy that removes an object together with the step that uses it, and one that
 * replaces an object a task sequence uses, each go through in one apply. The server refuses to
 * delete what a task sequence still refers to (409, R2), so this holds only if Terraform updates
 * the task sequence before it deletes: the constructs' `create_before_destroy`.
 * The app is test/fixtures/e2e-changes-app.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OsdClient } from '../../lib/client';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { CdktfCli } from './cdktf-cli';

describe('cdktf deploy of removals and replacements', () => {
  jest.setTimeout(600_000);
  let server: RunningServer;
  let work: string;
  let cli: CdktfCli;
  let client: OsdClient;

  /** The one task sequence on the server, its steps by action. */
  async function sequence(): Promise<{ actions: string[]; steps: Record<string, any>[] }> {
    const [ts, ...more] = (await client.list('taskSequence')).value;
    assert.equal(more.length, 0, 'one task sequence');
    const steps = ts.steps as Record<string, any>[];
    return { actions: steps.map((s) => Object.keys(s).find((k) => !['name', 'description', 'enabled', 'continueOnError', 'inGroup', 'condition'].includes(k)) ?? ''), steps };
  }

  beforeAll(async () => {
    server = await startServer();
    work = mkdtempSync(path.join(tmpdir(), 'osd-e2e-changes-'));
    cli = new CdktfCli(path.join('test', 'fixtures', 'e2e-changes-app.ts'), { OSD_ENDPOINT: server.url, OSD_TOKEN: server.adminToken, OSD_STATE_DIR: work }, work);
    client = new OsdClient({ endpoint: server.url, token: server.readerToken });
    await cli.must(['deploy', 'changes', '--auto-approve']);
    assert.deepEqual((await sequence()).actions, ['applyDriverPackage', 'restartComputer', 'installSoftware', 'runCommandLine']);
  });

  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('removing a driver package and the step that applies it deploys in one go', async () => {
    const driverPackage = (await client.list('driverPackage')).value[0];
    const out = await cli.must(['deploy', 'changes', '--auto-approve'], { OSD_E2E_DRIVERS: 'removed' });
    assert.match(out, /Resources: 0 added, 1 changed, 1 destroyed/, out);
    // The sequence is updated before the package it no longer uses is deleted.
    assert.ok(out.indexOf('osd_task_sequence.Deploy (Deploy/Default): Modifications complete') < out.indexOf(`Destroying... [id=${driverPackage.id}]`), out);
    assert.deepEqual((await client.list('driverPackage')).value, []);
    assert.deepEqual((await sequence()).actions, ['installSoftware', 'runCommandLine']);
  });

  test('replacing the package (and so its program) that steps use deploys in one go', async () => {
    const [old] = (await client.list('package')).value;
    const out = await cli.must(['deploy', 'changes', '--auto-approve'], { OSD_E2E_DRIVERS: 'removed', OSD_E2E_TOOLS: 'vendor' });
    assert.match(out, /osd_package\.Tools \(Tools\/Default\) must be replaced/, out);
    assert.match(out, /Resources: 2 added, 1 changed, 2 destroyed/, out);
    const packages = (await client.list('package')).value;
    assert.deepEqual(
      packages.map((p) => [p.name, p.version, p.role]),
      [['Support tools', '2.0', 'tools']],
    );
    const [replacement] = packages;
    assert.notEqual(replacement.id, old.id);
    const { steps } = await sequence();
    assert.deepEqual(steps[0].installSoftware, { packageId: replacement.id, programName: 'Install' });
    assert.equal(steps[1].runCommandLine.packageId, replacement.id);
    const plan = await cli.must(['diff', 'changes'], { OSD_E2E_DRIVERS: 'removed', OSD_E2E_TOOLS: 'vendor' });
    assert.match(plan, /No changes/, plan);
  });

  test('destroy then leaves the server empty', async () => {
    await cli.must(['destroy', 'changes', '--auto-approve'], { OSD_E2E_DRIVERS: 'removed', OSD_E2E_TOOLS: 'vendor' });
    assert.deepEqual((await client.list('package')).value, []);
    assert.deepEqual((await client.list('taskSequence')).value, []);
  });
});
