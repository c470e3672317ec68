/** The provider block's settings: configuration first, then OSD_*, then the defaults; bad values named with their source. */
import assert from 'node:assert/strict';
import { resolveProviderConfig } from '../../lib/provider/provider-config';

const base = { endpoint: 'http://127.0.0.1:8780', token: 't' };

test('defaults: 30 s per request, retries for up to 60 s, no count limit', () => {
  assert.deepEqual(resolveProviderConfig(base, {}), { endpoint: 'http://127.0.0.1:8780', token: 't', timeoutMs: 30_000, retryBudgetMs: 60_000, maxRetries: undefined });
});

test('retry_timeout and max_retries come from the block, else from OSD_RETRY_TIMEOUT and OSD_MAX_RETRIES; a configuration with max_retries alone stays valid', () => {
  const fromBlock = resolveProviderConfig({ ...base, retryTimeout: 120, maxRetries: 5 }, { OSD_RETRY_TIMEOUT: '9', OSD_MAX_RETRIES: '9' });
  assert.ok(typeof fromBlock !== 'string');
  assert.equal(fromBlock.retryBudgetMs, 120_000);
  assert.equal(fromBlock.maxRetries, 5);
  const fromEnv = resolveProviderConfig(base, { OSD_RETRY_TIMEOUT: '0', OSD_MAX_RETRIES: '3', OSD_TIMEOUT: '5' });
  assert.ok(typeof fromEnv !== 'string');
  assert.deepEqual([fromEnv.retryBudgetMs, fromEnv.maxRetries, fromEnv.timeoutMs], [0, 3, 5_000]);
});

test('a value out of range names the setting, the value and the range', () => {
  assert.equal(resolveProviderConfig({ ...base, retryTimeout: -1 }, {}), 'retry_timeout is -1; expected a whole number from 0 to 3600');
  assert.equal(resolveProviderConfig({ ...base, timeout: 0 }, {}), 'timeout is 0; expected a whole number from 1 to 3600');
  assert.equal(resolveProviderConfig(base, { OSD_RETRY_TIMEOUT: '1m' }), 'OSD_RETRY_TIMEOUT is "1m"; expected a whole number from 0 to 3600');
  assert.equal(resolveProviderConfig(base, { OSD_MAX_RETRIES: '5000' }), 'OSD_MAX_RETRIES is "5000"; expected a whole number from 0 to 1000');
});
