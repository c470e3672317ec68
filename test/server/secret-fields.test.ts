/** The server's handling of write-only fields, unit by unit (the HTTP behaviour is in secrets.test.ts). */
import assert from 'node:assert/strict';
import { pointer } from '../../lib/model';
import { nextSecretRows, resolveSecretStatuses, splitSecrets, withSecretStatuses } from '../../lib/server/secret-fields';

const AT = '/steps/0/applyNetworkSettings/joinPassword';
const sequence = (joinPassword: unknown) => ({
  name: 'T',
  steps: [{ name: 'Join', applyNetworkSettings: { joinType: 'domain', domain: 'corp', joinAccount: 'a', joinPassword } }],
});

describe('secret fields', () => {
  test('a status is replaced by the stored value; set:false removes; an unknown one is an error', () => {
    const stored = [{ pointer: AT, value: 'pw', version: 3 }];
    assert.deepEqual(resolveSecretStatuses('taskSequence', sequence({ set: true, version: 3 }), stored), { input: sequence('pw'), errors: [] });
    const removed = resolveSecretStatuses('taskSequence', sequence({ set: false, version: 3 }), stored).input as ReturnType<typeof sequence>;
    assert.equal('joinPassword' in removed.steps[0].applyNetworkSettings, false);
    const missing = resolveSecretStatuses('taskSequence', sequence({ set: true, version: 1 }), []);
    assert.deepEqual(missing.errors.map((e) => [pointer(...e.path), e.rule]), [[AT, 'writeOnly']]);
  });

  test('split and rejoin: the body has no secret, the view shows the status', () => {
    const { body, secrets } = splitSecrets('taskSequence', sequence('pw'));
    assert.equal(JSON.stringify(body).includes('pw"'), false);
    assert.deepEqual([...secrets], [[AT, 'pw']]);
    // structuredClone builds objects outside jest's sandbox: expect() compares them by value.
    expect(withSecretStatuses(body, [{ pointer: AT, value: 'pw', version: 2 }])).toEqual(sequence({ set: true, version: 2 }));
    assert.deepEqual(withSecretStatuses(body, [{ pointer: AT, value: null, version: 2 }]), body, 'a removed secret shows nothing');
  });

  test('versions: same value keeps it, a new value takes the next, a removed one stays as a tombstone', () => {
    const before = [
      { pointer: '/a', value: 'x', version: 1 },
      { pointer: '/b', value: 'y', version: 4 },
      { pointer: '/c', value: null, version: 2 },
    ];
    const next = new Map([
      ['/a', 'x'],
      ['/c', 'z'],
      ['/d', 'w'],
    ]);
    assert.deepEqual(nextSecretRows(before, next), [
      { pointer: '/a', value: 'x', version: 1 },
      { pointer: '/c', value: 'z', version: 3 },
      { pointer: '/d', value: 'w', version: 1 },
      { pointer: '/b', value: null, version: 4 },
    ]);
  });
});
