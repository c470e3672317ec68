/**
 * End to end, as a pipeline runs it: the real `cdktf` CLI synthesises the example stacks of
 * main.ts, deploys them through the installed provider to the real server, diffs (no changes),
 * diffs a change of one RAID config file (one task sequence updated in place, nothing else), and
 * destroys everything.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OsdClient } from '../../lib/client';
import { KIND_NAMES, type KindName } from '../../lib/model';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { CdktfCli } from './cdktf-cli';

const STACKS = ['reference-build', 'workstation-refresh', 'server-rollout'];

describe('cdktf deploy of the example stacks', () => {
  jest.setTimeout(900_000);
  let server: RunningServer;
  let work: string;
  let cli: CdktfCli;
  const must = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => cli.must(args, extraEnv);

  beforeAll(async () => {
    server = await startServer();
    work = mkdtempSync(path.join(tmpdir(), 'osd-e2e-'));
    const env = {
      OSD_ENDPOINT: server.url,
      OSD_TOKEN: server.adminToken,
      OSD_STATE_DIR: work,
      TF_VAR_join_password: 'E2e-Join-Pa55',
      TF_VAR_server_join_password: 'E2e-Account-Pa55',
      TF_VAR_server_admin_password: 'E2e-Admin-Pa55',
      TF_VAR_capture_password: 'E2e-Capture-Pa55',
    };
    cli = new CdktfCli(path.join('test', 'fixtures', 'e2e-app.ts'), env, work);
  });

  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('deploy creates every object of the three stacks on the server', async () => {
    const out = await must(['deploy', '*', '--auto-approve']);
    assert.doesNotMatch(out, /E2e-(Join|Admin|Capture|Account)-Pa55/, 'a secret was printed');
    const client = new OsdClient({ endpoint: server.url, token: server.readerToken });
    const sequences = (await client.list('taskSequence')).value;
    assert.equal(sequences.length >= 3, true, `task sequences: ${sequences.map((s) => s.name).join(', ')}`);
    const rollout = sequences.find((s) => s.steps.some((step) => step.runCommandLine?.hardware === 'raid'));
    assert.ok(rollout, 'the server rollout sequence has its RAID steps');
  });

  test('diff afterwards shows no changes for any stack', async () => {
    for (const stack of STACKS) {
      const out = await must(['diff', stack]);
      assert.match(out, /No changes/, `${stack}:\n${out}`);
    }
  });

  test('changing one RAID config file plans an in-place update of exactly the task sequences that use it', async () => {
    const out = await must(['diff', 'server-rollout'], { OSD_E2E_R710_RAID_CONFIG: 'raid\\r710-raid10.ini' });
    // The deployment for new servers and the refresh of running ones configure the R710 alike.
    assert.match(out, /Plan: 0 to add, 2 to change, 0 to destroy/, out);
    assert.match(out, /# osd_task_sequence\.\S*DeployServer\S* .*will be updated in-place/);
    assert.match(out, /# osd_task_sequence\.\S*RefreshServer\S* .*will be updated in-place/);
    assert.equal(out.match(/will be updated in-place/g)?.length, 2, out);
    assert.match(out, /r710-raid5\.ini.*->.*r710-raid10\.ini|r710-raid10\.ini/s);
    assert.doesNotMatch(out, /must be replaced|will be created|will be destroyed/);
  });

  test('destroy leaves the server empty', async () => {
    await must(['destroy', '*', '--auto-approve']);
    const client = new OsdClient({ endpoint: server.url, token: server.readerToken });
    for (const kind of KIND_NAMES.filter((k): k is Exclude<KindName, 'program'> => k !== 'program')) {
      assert.deepEqual((await client.list(kind)).value, [], kind);
    }
  });
});
