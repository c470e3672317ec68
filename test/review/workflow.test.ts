/**
 * examples/github/review.yml cannot run here as GitHub runs it, so what can be is tested: the file
 * is a workflow that YAML reads, it calls only scripts and `cdk-osd review` options that exist,
 * its plan-and-review step runs for real (bash, cdktf, terraform, the real server, a reader token),
 * and its comment step, given a stand-in for GitHub's API (which no test can reach), posts one
 * comment and then updates that same comment.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildProgram } from '../../lib/cli/main';
import { startServer, type RunningServer } from '../../lib/server/launch';

// js-yaml (a devDependency; version 3 reads YAML with safeLoad).
const yaml = require('js-yaml') as { safeLoad(text: string): unknown };

const root = path.resolve(__dirname, '..', '..');
const WORKFLOW = path.join(root, 'examples', 'github', 'review.yml');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { env: Record<string, string>; steps: Step[] }>;
}

const workflow = yaml.safeLoad(readFileSync(WORKFLOW, 'utf8')) as Workflow;
const steps = workflow.jobs.review.steps;
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

test('it is a pull-request workflow that may write the comment', () => {
  assert.ok('pull_request' in workflow.on);
  assert.equal(workflow.permissions['pull-requests'], 'write');
  assert.ok(steps.some((s) => s.uses?.startsWith('hashicorp/setup-terraform')));
});

test('it calls only npm scripts and cdk-osd review options that exist', () => {
  const runs = steps.map((s) => s.run ?? '').join('\n');
  const npmRuns = [...runs.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]);
  assert.deepEqual(npmRuns.sort(), ['provider:install', 'review']);
  for (const name of npmRuns) assert.ok(scripts[name], `package.json has no script ${name}`);
  const review = buildProgram().commands.find((c) => c.name() === 'review')!;
  const known = new Set(review.options.map((o) => o.long));
  const used = [...runs.matchAll(/npm run --silent review -- "\$stack"([^\n]*)/g)].flatMap((m) => m[1].match(/--[\w-]+/g) ?? []);
  assert.ok(used.length > 0, 'the workflow runs the review');
  for (const flag of used) assert.ok(known.has(flag), `cdk-osd review has no option ${flag}`);
  assert.match(scripts.review, /review --stack$/, 'npm run review -- NAME reviews stack NAME');
});

describe('its steps, run here', () => {
  jest.setTimeout(600_000);
  let server: RunningServer;
  let work: string;

  beforeAll(async () => {
    server = await startServer();
    work = mkdtempSync(path.join(tmpdir(), 'osd-review-workflow-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Runs a step's script with bash in the checkout; what it adds to GITHUB_ENV goes into `env`, as for the next steps. */
  function runStep(name: string, env: NodeJS.ProcessEnv) {
    const githubEnv = path.join(work, 'github-env');
    writeFileSync(githubEnv, '');
    const r = spawnSync('bash', ['-c', steps.find((s) => s.name === name)!.run!], { cwd: root, env: { ...env, GITHUB_ENV: githubEnv }, encoding: 'utf8' });
    assert.equal(r.status, 0, `${name}:\n${r.stderr.slice(-4000)}`);
    for (const line of readFileSync(githubEnv, 'utf8').split('\n').filter(Boolean)) env[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    return r;
  }

  test('install, then plan and review: one file with a review of each stack, the same in the job summary', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...workflow.jobs.review.env,
      OSD_ENDPOINT: server.url,
      OSD_TOKEN: server.readerToken,
      TF_VAR_join_password: 'Wf-Join-Pa55',
      TF_VAR_capture_password: 'Wf-Capture-Pa55',
      TF_VAR_server_join_password: 'Wf-Server-Join-Pa55',
      TF_VAR_server_admin_password: 'Wf-Admin-Pa55',
      CDKTF_OUTPUT: path.relative(root, path.join(work, 'cdktf.out')),
      REVIEW_FILE: path.join(work, 'review.md'),
      GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
      OSD_STATE_DIR: work,
    };
    runStep('Install the provider into the local mirror', env);
    assert.equal(env.TF_CLI_CONFIG_FILE, path.join(root, '.terraform', 'terraformrc'));
    const r = runStep('Plan and review each stack', env);
    const review = readFileSync(env.REVIEW_FILE!, 'utf8');
    assert.ok(review.startsWith('<!-- cdk-osd-review -->\n'));
    assert.deepEqual(
      [...review.matchAll(/^## Review of "stack ([\w-]+)"$/gm)].map((m) => m[1]),
      ['reference-build', 'server-rollout', 'workstation-refresh'],
    );
    assert.equal(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'), review);
    assert.doesNotMatch(review + r.stdout + r.stderr, /Wf-(Join|Capture|Server-Join|Admin)-Pa55/);
  });

  test('the comment: created on the first run, then updated in place', async () => {
    const script = steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!.script;
    const comments: { id: number; body: string; user: { type: string } }[] = [{ id: 1, body: 'LGTM', user: { type: 'User' } }];
    const github = {
      paginate: async (list: () => unknown) => (list(), comments.map((c) => ({ ...c }))),
      rest: {
        issues: {
          listComments: () => undefined,
          createComment: async ({ body }: { body: string }) => void comments.push({ id: comments.length + 1, body, user: { type: 'Bot' } }),
          updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => void (comments.find((c) => c.id === comment_id)!.body = body),
        },
      },
    };
    const context = { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } };
    const reviewFile = path.join(work, 'comment.md');
    const post = async (body: string) => {
      writeFileSync(reviewFile, body);
      const run = new Function('require', 'github', 'context', 'process', `return (async () => {\n${script}\n})();`);
      await run(require, github, context, { env: { REVIEW_FILE: reviewFile } });
    };
    await post('<!-- cdk-osd-review -->\nfirst push\n');
    await post('<!-- cdk-osd-review -->\nsecond push\n');
    assert.deepEqual(
      comments.map((c) => c.body),
      ['LGTM', '<!-- cdk-osd-review -->\nsecond push\n'],
    );
    await post(`<!-- cdk-osd-review -->\n${'- a line of a long review\n'.repeat(4000)}`);
    assert.ok(comments[1].body.length <= 65_536 && comments[1].body.endsWith('the job summary has all of it._\n'));
  });
});
