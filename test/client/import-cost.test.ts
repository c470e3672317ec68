/**
 * The provider imports the client in a process Terraform starts many times, so importing it must
 * not load axios or the model's schemas (tens of milliseconds each); they load on the first request.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

function loadedModules(script: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as string[];
}

const LIST = "console.log(JSON.stringify(Object.keys(require.cache).map(k => require('path').relative(process.cwd(), k))))";

it('importing the client and constructing one loads neither axios nor the model', () => {
  const mods = loadedModules(`const { OsdClient } = require('./lib/client'); new OsdClient({ endpoint: 'http://127.0.0.1:1', token: 't' }); ${LIST}`);
  assert.ok(mods.includes(path.join('lib', 'client', 'client.ts')), 'sanity: the client was loaded');
  assert.deepEqual(mods.filter((m) => m.includes('axios') || m.includes(path.join('lib', 'model'))), []);
});

it('the first request loads them', () => {
  const mods = loadedModules(
    `const { OsdClient } = require('./lib/client');
     new OsdClient({ endpoint: 'http://127.0.0.1:1', token: 't', maxRetries: 0 }).get('package', 'CM100001').catch(() => {
       ${LIST};
     });`,
  );
  assert.ok(mods.some((m) => m.includes('axios')));
  assert.ok(mods.some((m) => m.includes(path.join('lib', 'model', 'kinds.ts'))));
});
