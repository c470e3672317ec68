import assert from 'node:assert/strict';
import { validateShape } from '../../lib/model';

test('a name at its limit passes; one past it names the field, the length and the limit', () => {
  assert.deepEqual(validateShape('package', { name: 'x'.repeat(50) }), []);
  const [issue] = validateShape('package', { name: 'x'.repeat(51) });
  assert.equal(issue.path, '/name');
  assert.equal(issue.rule, 'maxLength');
  assert.match(issue.message, /51 characters long .*at most 50/);
});

test('control characters in a name are refused; other Unicode text is fine', () => {
  assert.deepEqual(validateShape('package', { name: 'Büro-Paket 2007 — ÄÖÜ' }), []);
  const [issue] = validateShape('package', { name: 'Office\u0000 2007' });
  assert.equal(issue.rule, 'pattern');
  assert.match(issue.message, /No control characters/);
});

test('a secret that breaks a limit is reported without its value', () => {
  const password = 'p'.repeat(300);
  const issues = validateShape('taskSequence', {
    name: 'Join',
    steps: [{ name: 'Join', applyNetworkSettings: { joinType: 'domain', domain: 'corp', joinAccount: 'CORP\\j', joinPassword: password } }],
  });
  assert.equal(issues.length, 1);
  assert.equal(issues[0].path, '/steps/0/applyNetworkSettings/joinPassword');
  assert.ok(!issues[0].message.includes('ppppp'), issues[0].message);
});

test('an unknown field is named', () => {
  assert.deepEqual(validateShape('package', { name: 'A', colour: 'blue' }).map((i) => [i.path, i.rule]), [['/colour', 'unknownField']]);
});
