import assert from 'node:assert/strict';
import { Condition } from '../../constructs';
import { CONDITION_LEVELS, validateShape } from '../../lib/model';

const winPe = { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'true' } };
const r710 = { wmiQuery: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" } };
/** Shape findings for a one-step sequence with `condition`. */
const shapeOf = (condition: unknown) => validateShape('taskSequence', { name: 'x', steps: [{ name: 's', condition, releaseStateStore: {} }] });

test('computerModel: a WMI query on Win32_ComputerSystem.Model, contains by default', () => {
  assert.deepEqual(Condition.computerModel('PowerEdge R710').toModel(), {
    wmiQuery: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%PowerEdge R710%'" },
  });
  assert.deepEqual(Condition.computerModel('ProLiant DL380 G6', 'equals').toModel(), {
    wmiQuery: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model = 'ProLiant DL380 G6'" },
  });
});

test('computerModel: quotes in the model cannot break out of the WQL string', () => {
  assert.equal(Condition.computerModel("O'Brien 1").toModel().wmiQuery?.query, "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%O\\'Brien 1%'");
  assert.throws(() => Condition.computerModel(' '), /the model is empty/);
});

test('variable tests, like included; a comparison needs a value, exists and notExists take none', () => {
  assert.deepEqual(Condition.inWindowsPe().toModel(), winPe);
  assert.deepEqual(Condition.variable('OSDComputerName', 'notExists').toModel(), { variable: { name: 'OSDComputerName', operator: 'notExists' } });
  assert.deepEqual(Condition.variable('_SMSTSMachineName', 'like', 'SRV%').toModel(), { variable: { name: '_SMSTSMachineName', operator: 'like', value: 'SRV%' } });
  assert.throws(() => Condition.variable('X', 'equals'), /"X" equals needs a value/);
  assert.throws(() => Condition.variable('X', 'exists', 'y'), /"X" exists takes no value/);
});

test('every kind of test renders its model fields, and each passes the model shape', () => {
  const all = [
    Condition.registry('HKEY_LOCAL_MACHINE\\SOFTWARE\\Dell', 'notExists'),
    Condition.registry('HKEY_LOCAL_MACHINE\\SOFTWARE\\Dell', 'greaterEqual', 'Version', '3.2', 'REG_SZ'),
    Condition.file('%SystemRoot%\\system32\\raidcfg.exe', { version: ['greaterEqual', '3.2.0.1'], dateTime: ['less', new Date(Date.UTC(2010, 5, 1, 8))] }),
    Condition.folder('C:\\Dell', { dateTime: ['greater', '2010-01-01T00:00:00Z'] }),
    Condition.softwareInstalled('{90120000-0030-0000-0000-0000000FF1CE}', { upgradeCode: '{00002109-0030-0000-0000-0000000FF1CE}' }),
    Condition.softwareInstalled('{90120000-0030-0000-0000-0000000FF1CE}'),
    Condition.operatingSystem('x64', '6.1'),
    Condition.wmiQuery('SELECT * FROM Win32_BIOS', 'root\\cimv2'),
  ];
  assert.deepEqual(all[1].toModel(), { registry: { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Dell', operator: 'greaterEqual', valueName: 'Version', data: '3.2', type: 'REG_SZ' } });
  assert.deepEqual(all[2].toModel().file, {
    path: '%SystemRoot%\\system32\\raidcfg.exe',
    versionOperator: 'greaterEqual',
    version: '3.2.0.1',
    dateTimeOperator: 'less',
    dateTime: '2010-06-01T08:00:00Z',
  });
  assert.equal(all[4].toModel().software?.anyVersion, true);
  assert.equal(all[5].toModel().software?.anyVersion, false, 'without an upgrade code only this version can match');
  assert.deepEqual(all[6].toModel().operatingSystem?.platforms[0], {
    name: 'x64 Windows 6.1',
    architecture: 'x64',
    minVersion: '6.10.0000.0',
    maxVersion: '6.10.9999.9999',
    queries: [{ query: 'SELECT * FROM Win32_Processor WHERE AddressWidth = 64' }, { query: "SELECT * FROM Win32_OperatingSystem WHERE Version LIKE '6.1.%'" }],
  });
  for (const c of all) assert.deepEqual(shapeOf(c.toModel()), [], JSON.stringify(c.toModel()));
});

test('all, any and not nest to any depth the model holds; all in all and any in any merge', () => {
  const either = Condition.any(Condition.computerModel('R710'), Condition.computerModel('DL380 G6'));
  const nested = Condition.all(Condition.inWindowsPe(), either, Condition.not(Condition.variable('SkipHardware', 'exists')));
  assert.deepEqual(nested.toModel(), {
    match: 'all',
    conditions: [
      winPe,
      { match: 'any', conditions: [{ wmiQuery: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" } }, { wmiQuery: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%DL380 G6%'" } }] },
      { match: 'none', conditions: [{ variable: { name: 'SkipHardware', operator: 'exists' } }] },
    ],
  });
  assert.equal(nested.depth, 3);
  assert.equal(nested.testCount, 4);
  assert.deepEqual(Condition.all(Condition.all(Condition.inWindowsPe(), Condition.computerModel('R710')), Condition.registry('HKLM\\SOFTWARE\\X', 'exists')).toModel().conditions?.length, 3);
  assert.deepEqual(Condition.all(Condition.computerModel('R710')).toModel(), r710, 'all of one condition is that condition');
  assert.deepEqual(shapeOf(nested.toModel()), []);
});

test('an empty all/any/not, and a condition deeper than the model holds, are refused with the limit', () => {
  assert.throws(() => Condition.all(), /Condition\.all: give at least one condition/);
  assert.throws(() => Condition.not(), /Condition\.not: give at least one condition/);
  let deep = Condition.inWindowsPe();
  for (let level = 1; level < CONDITION_LEVELS; level++) deep = level % 2 ? Condition.not(deep) : Condition.any(deep, Condition.computerModel('R710'));
  assert.equal(deep.depth, CONDITION_LEVELS);
  assert.deepEqual(shapeOf(deep.toModel()), []);
  assert.throws(() => Condition.not(deep), new RegExp(`would nest ${CONDITION_LEVELS + 1} levels deep; a task sequence condition holds at most ${CONDITION_LEVELS}`));
});

test('the model refuses a too-deep condition, an empty list and match without conditions, naming the place', () => {
  let model: Record<string, unknown> = winPe;
  for (let level = 0; level < CONDITION_LEVELS; level++) model = { match: 'none', conditions: [model] };
  const [deep, ...more] = shapeOf(model);
  assert.deepEqual(more, []);
  assert.equal(deep.rule, 'nesting');
  assert.equal(deep.path.filter((p) => p === 'conditions').length, CONDITION_LEVELS);
  const [empty] = shapeOf({ match: 'any', conditions: [] });
  assert.deepEqual([empty.rule, empty.path], ['minItems', ['steps', 0, 'condition', 'conditions']]);
});
