/** The unit-test example of constructs/README.md runs as written: jest, cdktf's matchers, the rules. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

test("the README's unit tests of a stack type-check and pass under jest", () => {
  const readme = readFileSync(path.join(root, 'constructs', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Testing a stack'));
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(example, 'constructs/README.md has a ts example under "Testing a stack"');
  // One level below the project, as a test under test/ would be, so `../constructs` resolves.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const file = path.join(root, '.tmp', `constructs-readme-${process.pid}.test.ts`);
  const tsconfig = path.join(root, '.tmp', `constructs-readme-${process.pid}.tsconfig.json`);
  writeFileSync(file, example);
  writeFileSync(tsconfig, JSON.stringify({ extends: path.join(root, 'tsconfig.json'), include: [file] }));
  try {
    const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, `the example does not type-check:\n${tsc.stdout}`);
    const jest = path.join(root, 'node_modules', '.bin', 'jest');
    const run = spawnSync(jest, ['--config', path.join(root, 'jest.config.js'), '--roots', path.join(root, '.tmp'), '--runTestsByPath', file], {
      cwd: root,
      encoding: 'utf8',
    });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, output);
    assert.match(output, /Tests: +2 passed, 2 total/, output);
  } finally {
    rmSync(file, { force: true });
    rmSync(tsconfig, { force: true });
  }
});
