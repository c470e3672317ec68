/**
 * `npm run review -- STACK` as a reviewer runs it in this project: the real cdktf plans the
 * example stack against the real server, and the review of that plan goes to standard output
 * (cdktf's progress to standard error). Then `--skip-plan` reviews the plan cdktf left, without
 * planning again.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Review } from '../../lib/review';
import { startServer, type RunningServer } from '../../lib/server/launch';

const root = path.resolve(__dirname, '..', '..');
const SECRETS = { TF_VAR_server_join_password: 'Stack-Join-Pa55-x1', TF_VAR_server_admin_password: 'Stack-Admin-Pa55-x2' };

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

describe('npm run review -- server-rollout', () => {
  jest.setTimeout(600_000);
  let server: RunningServer;
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    server = await startServer();
    work = mkdtempSync(path.join(tmpdir(), 'osd-review-stack-'));
    // No TF_CLI_CONFIG_FILE: the review uses the project's installed provider configuration.
    const { TF_CLI_CONFIG_FILE: _unset, ...rest } = process.env;
    env = { ...rest, OSD_ENDPOINT: server.url, OSD_TOKEN: server.adminToken, OSD_STATE_DIR: work, ...SECRETS };
  });
  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function npmReview(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'review', '--', 'server-rollout', '--output', path.join(work, 'cdktf.out'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  test('plans the stack with cdktf and writes the review of a first deploy: everything created, each new sequence drawn', async () => {
    const r = await npmReview(['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const review = JSON.parse(r.stdout) as Review; // standard output holds the review alone
    assert.equal(review.title, 'stack server-rollout');
    assert.equal(review.summary.update + review.summary.replace + review.summary.delete, 0);
    assert.ok(review.summary.create >= 5, `creates: ${review.summary.create}`);
    const sequence = review.objects.find((o) => o.kind === 'taskSequence');
    assert.ok(sequence, 'the stack has a task sequence');
    assert.ok(sequence?.mermaid?.startsWith('flowchart TD'), 'the new sequence has a flowchart');
    const steps = sequence.steps ?? [];
    assert.ok(steps.length > 0 && steps.every((s) => s.change === 'inserted'));
    assert.ok(steps.some((s) => s.group.length > 0), 'the hardware steps are in their groups');
    for (const secret of Object.values(SECRETS)) assert.equal((r.stdout + r.stderr).includes(secret), false, 'a secret was printed');
  });

  test('--skip-plan reviews the plan the last cdktf diff left, as text', async () => {
    const r = await npmReview(['--skip-plan', '--format', 'text']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Review of "stack server-rollout"\n/);
    assert.match(r.stdout, /Plan: \d+ to create, 0 to update, 0 to replace, 0 to delete\./);
    assert.equal(r.stderr, '', 'nothing was planned');
  });
});
