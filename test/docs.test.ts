import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAllDocs } from '../lib/docs/render';

test('the reference pages under docs/ match the model (run `npm run docs` after changing it)', () => {
  const stale: string[] = [];
  for (const [path, text] of renderAllDocs()) {
    const file = join(__dirname, '..', 'docs', path);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(path);
  }
  assert.deepEqual(stale, [], `stale or missing pages: ${stale.join(', ')}`);
});

test('every resource page documents import and marks what forces replacement', () => {
  const program = renderAllDocs().get('resources/program.md') ?? '';
  assert.match(program, /terraform import osd_program\.example CM100012\/Install/);
  assert.match(program, /`package_id` \(string, required, forces replacement\)/);
  const ts = renderAllDocs().get('resources/task_sequence.md') ?? '';
  assert.match(ts, /`join_password` \(string, optional, write-only, sensitive/);
});
