/** The README's examples work as written: the stack synthesises, the HCL validates with the installed provider. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { providerInstallPaths } from '../lib/provider/install-paths';

const root = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const block = (lang: string) => {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme);
  assert.ok(m, `the README has a ${lang} example`);
  return m[1];
};

test('the five-minute tour stack synthesises', () => {
  // Inside the project, so the example's imports (cdktf) resolve as they would in a user's project.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.tmp', 'readme-'));
  try {
    const source = block('ts')
      .replace("from './constructs'", `from ${JSON.stringify(path.join(root, 'constructs'))}`)
      .replace('new App()', `new App({ outdir: ${JSON.stringify(path.join(dir, 'out'))} })`);
    writeFileSync(path.join(dir, 'tour.ts'), source);
    // Type-checked with the project's strict settings, then run.
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(root, 'tsconfig.json'), include: ['tour.ts'] }));
    const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', dir], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, `the tour does not type-check:\n${tsc.stdout}`);
    execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, 'tour.ts')], { cwd: root, stdio: 'pipe' });
    const tf = JSON.parse(readFileSync(path.join(dir, 'out', 'stacks', 'branch-office', 'cdk.tf.json'), 'utf8'));
    assert.ok(tf.resource.osd_task_sequence, 'the tour has a task sequence');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the plain HCL example validates against the installed provider', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'osd-readme-hcl-'));
  try {
    writeFileSync(path.join(dir, 'main.tf'), block('hcl'));
    const env = { ...process.env, TF_CLI_CONFIG_FILE: providerInstallPaths().cliConfigFile, CHECKPOINT_DISABLE: '1' };
    for (const args of [['init', '-no-color'], ['validate', '-no-color']]) {
      const r = spawnSync('terraform', [`-chdir=${dir}`, ...args], { env, encoding: 'utf8' });
      assert.equal(r.status, 0, `terraform ${args[0]}:\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
