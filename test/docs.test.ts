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

test('each page of an object something refers to tells HCL users to set create_before_destroy; the task sequence page does not', () => {
  const pages = renderAllDocs();
  for (const page of ['package', 'program', 'os_image', 'os_install_package', 'boot_image', 'driver_package']) {
    const text = pages.get(`resources/${page}.md`) ?? '';
    assert.match(text, /## Removing or replacing it while it is in use/, page);
    assert.match(text, new RegExp(`resource "osd_${page}" "example" \\{\\n  # \\.\\.\\.\\n  lifecycle \\{\\n    create_before_destroy = true`), page);
  }
  assert.match(pages.get('resources/driver_package.md') ?? '', /`osd_boot_image\.driver_package_ids`, `osd_task_sequence\.steps\[\]\.apply_driver_package\.driver_package_id`/);
  assert.match(pages.get('resources/package.md') ?? '', /give the new one another `name` or `version` in the same change/);
  assert.doesNotMatch(pages.get('resources/program.md') ?? '', /give the new one another/, 'a program replacement always has a new package or name');
  assert.doesNotMatch(pages.get('resources/task_sequence.md') ?? '', /create_before_destroy/);
});

test('the program and task sequence pages say what an Install Software step needs of a program', () => {
  const pages = renderAllDocs();
  for (const page of ['program', 'task_sequence']) {
    const text = pages.get(`resources/${page}.md`) ?? '';
    assert.match(text, /`run_when = "userLoggedOn"` and `admin_rights = false`, so every\nprogram a task sequence installs needs both set/, page);
  }
  assert.match(pages.get('resources/program.md') ?? '', /run_when {5}= "whetherOrNotUserLoggedOn" # or "noUserLoggedOn"\n {2}admin_rights = true/);
});
