import assert from 'node:assert/strict';
import { ManagedResource } from '../../lib/provider/resource';

test('state written by an older build is upgraded at every depth: new nested attributes appear as null, dropped ones go', () => {
  const ts = new ManagedResource('taskSequence');
  const old = {
    id: 'CM100007',
    name: 'Deploy',
    steps: [{ name: 'Join', apply_network_settings: { join_type: 'domain', domain: 'corp.example', join_password: null, retired_attribute: 'x' } }],
  };
  const upgraded = ts.upgrade(old)!;
  const join = (upgraded.steps as Record<string, Record<string, unknown>>[])[0].apply_network_settings;
  assert.equal(upgraded.id, 'CM100007');
  assert.equal(join.domain, 'corp.example');
  assert.equal(join.join_password, null);
  assert.ok('join_password_wo_version' in join, 'the version attribute a later build added is present');
  assert.ok(!('retired_attribute' in join));
  const expected = (ts.schema.block.attributes ?? []).map((a) => a.name).sort();
  assert.deepEqual(Object.keys(upgraded).sort(), expected);
});
