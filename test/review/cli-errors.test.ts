/**
 * Bad input to `cdk-osd review` gets one clear line on standard error that names what is wrong
 * and what to give instead, exit code 2, and nothing on standard output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'osd-review-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function review(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const { OSD_ENDPOINT: _e, OSD_TOKEN: _t, ...env } = process.env;
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cdk-osd.js'), 'review', ...args], {
    cwd: dir,
    env: { ...env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

const cases: [string, () => ReturnType<typeof review>, RegExp][] = [
  ['no plan at all', () => review([]), /^cdk-osd: give a plan file \(or - for standard input\), or --stack NAME to plan a cdktf stack\n$/],
  ['a plan and a stack', () => review(['tfplan', '--stack', 'x']), /give a plan \(tfplan\) or --stack x, not both/],
  ['a file that is not there', () => review(['missing.json']), /^cdk-osd: cannot read the plan missing\.json: no such file\n$/],
  ['a folder', () => review(['.']), /\. is a folder; give a plan file/],
  ['text that is not JSON', () => review([file('notes.txt', 'hello')]), /notes\.txt is not JSON \(.*\); give the output of "terraform show -json PLANFILE", or the saved plan file itself/],
  ['JSON that is not a plan', () => review([file('other.json', '{"a":1}')]), /other\.json is not "terraform show -json" output: it has no format_version/],
  ['state instead of a plan', () => review([file('state.json', '{"format_version":"1.0","values":{}}')]), /state\.json is Terraform state, not a plan: save a plan/],
  ['a newer format', () => review([file('v2.json', '{"format_version":"2.0","resource_changes":[]}')]), /v2\.json has format_version "2\.0"; this review reads Terraform's JSON format 1\.x/],
  ['a broken resource change', () => review([file('broken.json', '{"format_version":"1.2","resource_changes":[{"address":"osd_package.x"}]}')]), /broken\.json: resource_changes\[0\] lacks its address, type or change\.actions/],
  ['a plan from standard input that is empty', () => review(['-']), /standard input is not JSON/],
  ['an unknown format', () => review(['x.json', '--format', 'html']), /argument 'html' is invalid\. Allowed choices are markdown, text, json/],
  ['--server without a token', () => review([file('ok.json', '{"format_version":"1.2","resource_changes":[]}'), '--server'], { env: { OSD_ENDPOINT: 'http://127.0.0.1:1' } }), /--server needs OSD_ENDPOINT and OSD_TOKEN \(a reader token is enough\); OSD_TOKEN is not set/],
  ['--skip-plan without --stack', () => review(['ok.json', '--skip-plan']), /--skip-plan applies only with --stack/],
  ['--stack outside a cdktf project', () => review(['--stack', 'web']), /has no cdktf\.json; run the review with --stack in a cdktf project, or give it a plan file/],
];

test.each(cases)('%s: one line naming the problem, exit code 2', (_what, run, message) => {
  const r = run();
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, message);
  assert.equal(r.stdout, '');
});

test('an empty plan from standard input reviews as no changes', () => {
  const r = review(['-', '--format', 'text'], { input: '{"format_version":"1.2","resource_changes":[]}' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'Review of "standard input"\n==========================\n\nNo changes. The plan changes nothing on the deployment server.\n');
});

test('a server that cannot be reached with --server is a failed run (exit code 1) naming the server', () => {
  const r = review(['ok.json', '--server'], { env: { OSD_ENDPOINT: 'http://127.0.0.1:9', OSD_TOKEN: 'reader-x' } });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^cdk-osd: cannot list the task sequences on the server http:\/\/127\.0\.0\.1:9: /);
});
