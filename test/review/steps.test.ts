/**
 * Step matching on model values: the identity rule (name within group, order among equal names),
 * renames, moves across groups, group renames, and the condition text for today's shape and for
 * nested and/or/not trees.
 */
import { compareSteps, describeCondition, type StepChange } from '../../lib/review';
import type { Step } from '../../lib/model';

const run = (name: string, commandLine = `${name}.cmd`, inGroup?: string): Step => ({ name, ...(inGroup ? { inGroup } : {}), runCommandLine: { commandLine } });
const group = (name: string, inGroup?: string): Step => ({ name, ...(inGroup ? { inGroup } : {}), group: {} });
const summary = (changes: StepChange[]) => changes.map((c) => `${c.change} ${c.kind} ${[...c.group, c.name].join('/')}`);

describe('matching steps by name within their group', () => {
  test('two steps of the same name in one group are matched in order: removing the first removes the first', () => {
    const before = [run('Restart', 'a'), run('Format'), run('Restart', 'b')];
    const after = [run('Format'), run('Restart', 'b')];
    const { changes } = compareSteps(before, after);
    // By order among equals, the remaining "Restart" is the first one (its command line changed), and the second was removed.
    expect(changes.filter((c) => c.change === 'removed')).toEqual([expect.objectContaining({ name: 'Restart', position: 2 })]);
    expect(changes.filter((c) => c.change === 'changed')).toEqual([
      expect.objectContaining({ name: 'Restart', position: 1, fields: [{ field: 'run_command_line.command_line', before: 'a', after: 'b' }] }),
    ]);
    // The first Restart and Format swapped places: one of them moved.
    expect(changes.filter((c) => c.change === 'moved')).toHaveLength(1);
  });

  test('a renamed group keeps its steps: the group reads as renamed, its steps as unchanged', () => {
    const before = [group('Hardware'), run('Flash BIOS', 'flash', 'Hardware'), run('Partition')];
    const after = [group('Configure hardware'), run('Flash BIOS', 'flash', 'Configure hardware'), run('Partition')];
    const { changes, marks } = compareSteps(before, after);
    expect(changes).toEqual([
      { change: 'renamed', kind: 'group', name: 'Configure hardware', group: [], action: 'group', actionTitle: 'Group', position: 0, previousName: 'Hardware' },
    ]);
    expect(marks).toEqual(['renamed', undefined, undefined]);
  });

  test('a step moved between nested groups names both groups', () => {
    const before = [group('Outer'), group('Dell', 'Outer'), run('Flash', 'f', 'Dell'), group('HP', 'Outer')];
    const after = [group('Outer'), group('Dell', 'Outer'), group('HP', 'Outer'), run('Flash', 'f', 'HP')];
    const { changes } = compareSteps(before, after);
    expect(changes).toEqual([
      expect.objectContaining({ change: 'moved', name: 'Flash', group: ['Outer', 'HP'], previousGroup: ['Outer', 'Dell'], position: 3, previousPosition: 2 }),
    ]);
  });

  test('a step with a new name and new settings is a removal and an insertion, not a rename', () => {
    const { changes } = compareSteps([run('A', 'x')], [run('B', 'y')]);
    expect(summary(changes)).toEqual(['removed step A', 'inserted step B']);
  });

  test('an inserted step lists the settings it is given, without the defaults', () => {
    const { changes } = compareSteps([], [{ name: 'Flash', enabled: true, runCommandLine: { commandLine: 'flash.cmd', successCodes: [0, 3010], disable64BitRedirection: false } }]);
    expect(changes[0].fields).toEqual([{ field: 'run_command_line.command_line', after: 'flash.cmd' }]);
  });
});

describe('conditions read as one line', () => {
  test("today's shape: tests of each type, all or any", () => {
    expect(
      describeCondition({
        match: 'any',
        variables: [{ name: '_SMSTSInWinPE', operator: 'equals', value: 'true' }, { name: 'OSDComputerName', operator: 'exists' }],
        wmiQueries: [{ namespace: 'root\\cimv2', query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" }],
      }),
    ).toBe(`_SMSTSInWinPE = "true" or OSDComputerName exists or Model LIKE '%R710%'`);
    expect(describeCondition(undefined)).toBe('always');
  });

  test('a nested and/or/not tree reads with parentheses, whatever its field names', () => {
    const tree = {
      operator: 'and',
      operands: [
        { variable: { name: 'Role', operator: 'equals', value: 'server' } },
        { operator: 'or', operands: [{ wmiQuery: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" } }, { wmiQuery: { query: "select * from Win32_ComputerSystem where Model like '%DL380%'" } }] },
        { not: { registry: { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor', operator: 'exists' } } },
      ],
    };
    expect(describeCondition(tree)).toBe(`Role = "server" and (Model LIKE '%R710%' or Model like '%DL380%') and not HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor exists`);
    expect(describeCondition({ or: [{ name: 'A', operator: 'less', value: '3' }, { name: 'B', operator: 'greaterEqual', value: '1' }] })).toBe('A < "3" or B >= "1"');
  });
});
