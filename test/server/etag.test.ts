/** If-Match against a strong ETag. */
import assert from 'node:assert/strict';
import { etagFor, ifMatchAllows } from '../../lib/server/etag';

test('If-Match: absent or * allows, the current tag allows, a stale or weak tag does not', () => {
  const current = etagFor(7);
  assert.match(current, /^"[^"]+"$/);
  assert.notEqual(etagFor(8), current);
  assert.equal(ifMatchAllows(undefined, current), true);
  assert.equal(ifMatchAllows('*', current), true);
  assert.equal(ifMatchAllows(current, current), true);
  assert.equal(ifMatchAllows(`${etagFor(3)}, ${current}`, current), true);
  assert.equal(ifMatchAllows(etagFor(6), current), false);
  assert.equal(ifMatchAllows(`W/${current}`, current), false);
  assert.equal(ifMatchAllows('', current), false);
});
