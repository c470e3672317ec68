import assert from 'node:assert/strict';
import { createOsdProvider } from '../../lib/provider/osd-provider';
import { createLogger } from '../../lib/tfplugin';
import { providerHandlers } from '../../lib/tfplugin/dispatch';

test('state written by an older build is upgraded at every depth: new nested attributes appear as null, dropped ones go', async () => {
  const provider = createOsdProvider();
  const handlers = providerHandlers(provider);
  const ctx = { stopSignal: new AbortController().signal, log: createLogger('provider.osd', () => {}) };
  const old = {
    id: 'CM100007',
    name: 'Deploy',
    steps: [{ name: 'Join', apply_network_settings: { join_type: 'domain', domain: 'corp.example', join_password: null, retired_attribute: 'x' } }],
  };
  const { upgraded_state: upgraded, diagnostics } = await handlers.upgradeResourceState(
    { type_name: 'osd_task_sequence', version: 0, raw_state: { json: old, flatmap: {} } },
    ctx,
  );
  assert.equal(diagnostics, undefined);
  const join = (upgraded!.steps as Record<string, Record<string, unknown>>[])[0].apply_network_settings;
  assert.equal(upgraded!.id, 'CM100007');
  assert.equal(join.domain, 'corp.example');
  assert.equal(join.join_password, null);
  assert.ok('join_password_wo_version' in join, 'the version attribute a later build added is present');
  assert.ok(!('retired_attribute' in join));
  const schema = provider.resources.find((r) => r.typeName === 'osd_task_sequence')!.schema;
  const expected = (schema.block.attributes ?? []).map((a) => a.name).sort();
  assert.deepEqual(Object.keys(upgraded!).sort(), expected);
});
