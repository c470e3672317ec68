import assert from 'node:assert/strict';
import { Condition } from '../../constructs';

test('computerModel: a WMI query on Win32_ComputerSystem.Model, contains by default', () => {
  assert.deepEqual(Condition.computerModel('PowerEdge R710').toModel(), {
    wmiQueries: [{ query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%PowerEdge R710%'" }],
  });
  assert.deepEqual(Condition.computerModel('ProLiant DL380 G6', 'equals').toModel(), {
    wmiQueries: [{ query: "SELECT * FROM Win32_ComputerSystem WHERE Model = 'ProLiant DL380 G6'" }],
  });
});

test('computerModel: quotes in the model cannot break out of the WQL string', () => {
  assert.equal(Condition.computerModel("O'Brien 1").toModel().wmiQueries?.[0].query, "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%O\\'Brien 1%'");
  assert.throws(() => Condition.computerModel(' '), /the model is empty/);
});

test('variable tests; a comparison needs a value', () => {
  assert.deepEqual(Condition.inWindowsPe().toModel(), { variables: [{ name: '_SMSTSInWinPE', operator: 'equals', value: 'true' }] });
  assert.deepEqual(Condition.variable('OSDComputerName', 'exists').toModel(), { variables: [{ name: 'OSDComputerName', operator: 'exists' }] });
  assert.throws(() => Condition.variable('X', 'equals'), /"X" equals needs a value/);
});

test('all() and any() merge tests one level deep, in a fixed order', () => {
  const both = Condition.all(Condition.computerModel('R710'), Condition.inWindowsPe());
  assert.deepEqual(both.toModel(), {
    variables: [{ name: '_SMSTSInWinPE', operator: 'equals', value: 'true' }],
    wmiQueries: [{ query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" }],
  });
  const either = Condition.any(Condition.computerModel('R710'), Condition.computerModel('DL380 G6'));
  assert.equal(either.toModel().match, 'any');
  assert.equal(either.testCount, 2);
  assert.equal(Condition.all(both, Condition.registry('HKLM\\SOFTWARE\\X', 'exists')).testCount, 3);
});

test('nesting any() in all() is refused: conditions are one level deep', () => {
  const either = Condition.any(Condition.computerModel('R710'), Condition.computerModel('DL380 G6'));
  assert.throws(() => Condition.all(either, Condition.inWindowsPe()), /cannot be nested in "all"; task sequence conditions here are one level deep/);
  assert.throws(() => Condition.all(), /give at least one condition/);
});
