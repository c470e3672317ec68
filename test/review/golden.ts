/**
 * Golden files of the review (test/fixtures/review/) and the README's example review, compared
 * byte for byte. To rewrite them from the current code and a fresh real plan:
 *
 *   OSD_REVIEW_REFRESH=1 npx jest test/review
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REFRESH = process.env.OSD_REVIEW_REFRESH === '1';
const HOW = 'rewrite it with: OSD_REVIEW_REFRESH=1 npx jest test/review';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'review');
export const README = path.resolve(__dirname, '..', '..', 'README.md');
const START = '<!-- review-example:start -->';
const END = '<!-- review-example:end -->';

export function expectGolden(name: string, actual: string): void {
  const file = path.join(FIXTURES, name);
  if (REFRESH) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${path.relative(process.cwd(), file)} is missing; ${HOW}`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${path.relative(process.cwd(), file)} is stale; ${HOW}`);
}

/** The README's example review: the text between its markers. */
export function expectReadmeExample(actual: string): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  assert.ok(start >= 0 && end > start, `README.md has no ${START} … ${END} section`);
  const current = readme.slice(start + START.length, end);
  const wanted = `\n${actual}`;
  if (REFRESH && current !== wanted) writeFileSync(README, readme.slice(0, start + START.length) + wanted + readme.slice(end));
  else assert.equal(current, wanted, `the README's example review is stale; ${HOW}`);
}

/**
 * Server IDs depend on the order Terraform created the objects in. For a golden file they are
 * renumbered by the address (or name) of the object that holds them, sorted: the first gets
 * CM100001, and so on.
 */
export function stableIds(owners: ReadonlyMap<string, string>): (text: string) => string {
  const byOwner = [...owners].sort(([a], [b]) => (a < b ? -1 : 1));
  const map = new Map(byOwner.map(([, id], i) => [id, `CM1${(i + 1).toString(16).toUpperCase().padStart(5, '0')}`]));
  return (text) => text.replace(/CM1[0-9A-F]{5}/g, (id) => map.get(id) ?? id);
}
