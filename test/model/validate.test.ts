import assert from 'node:assert/strict';
import { formatIssue, POINTER_STYLE, validateShape, type Issue } from '../../lib/model';

const text = (issue: Issue) => formatIssue(issue, POINTER_STYLE);

test('a name at its limit passes; one past it names the field, the length and the limit', () => {
  assert.deepEqual(validateShape('package', { name: 'x'.repeat(50) }), []);
  const [issue] = validateShape('package', { name: 'x'.repeat(51) });
  assert.deepEqual(issue.path, ['name']);
  assert.equal(issue.rule, 'maxLength');
  assert.equal(text(issue), `/name is 51 characters long ("${'x'.repeat(51)}"); at most 50 are allowed`);
});

test('control characters in a name are refused; other Unicode text is fine', () => {
  assert.deepEqual(validateShape('package', { name: 'Büro-Paket 2007 — ÄÖÜ' }), []);
  const [issue] = validateShape('package', { name: 'Office\u0000 2007' });
  assert.equal(issue.rule, 'pattern');
  assert.match(text(issue), /No control characters/);
});

test('a secret that breaks a limit is reported without its value', () => {
  const password = 'p'.repeat(300);
  const issues = validateShape('taskSequence', {
    name: 'Join',
    steps: [{ name: 'Join', applyNetworkSettings: { joinType: 'domain', domain: 'corp', joinAccount: 'CORP\\j', joinPassword: password } }],
  });
  assert.equal(issues.length, 1);
  assert.deepEqual(issues[0].path, ['steps', 0, 'applyNetworkSettings', 'joinPassword']);
  assert.ok(!JSON.stringify(issues[0]).includes('ppppp'), text(issues[0]));
});

test('an unknown field is named', () => {
  assert.deepEqual(validateShape('package', { name: 'A', colour: 'blue' }).map((i) => [text(i), i.rule]), [['/colour is not a known field', 'unknownField']]);
});
