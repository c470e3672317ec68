/**
 * What reading gives: the document model of each form a task sequence comes in, with every value
 * exactly as the file says it (entities decoded once), and every step type and condition class of
 * ConfigMgr 2007 covered by a fixture.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import {
  readTaskSequence,
  writeSequence,
  type ConditionOperand,
  type Group,
  type Sequence,
  type SequenceNode,
  type Step,
} from '../../lib/xml';
import { fixture, fixtureText, fixturesIn } from './fixtures';

function steps(nodes: readonly SequenceNode[]): Step[] {
  return nodes.flatMap((node) => (node.kind === 'step' ? [node] : node.kind === 'group' ? steps(node.children) : []));
}

function groups(nodes: readonly SequenceNode[]): Group[] {
  return nodes.flatMap((node) => (node.kind === 'group' ? [node, ...groups(node.children)] : []));
}

function operandTypes(operands: readonly ConditionOperand[]): string[] {
  return operands.flatMap((o) => (o.kind === 'operator' ? [o.type, ...operandTypes(o.operands)] : o.kind === 'expression' ? [o.type] : []));
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const STEPS_2007 = [
  'SMS_TaskSequence_ApplyDataImageAction',
  'SMS_TaskSequence_ApplyDriverPackageAction',
  'SMS_TaskSequence_ApplyNetworkSettingsAction',
  'SMS_TaskSequence_ApplyOperatingSystemAction',
  'SMS_TaskSequence_ApplyWindowsSettingsAction',
  'SMS_TaskSequence_AutoApplyAction',
  'SMS_TaskSequence_CaptureNetworkSettingsAction',
  'SMS_TaskSequence_CaptureSystemImageAction',
  'SMS_TaskSequence_CaptureUserStateAction',
  'SMS_TaskSequence_CaptureWindowsSettingsAction',
  'SMS_TaskSequence_ConnectNetworkFolderAction',
  'SMS_TaskSequence_ConvertDiskAction',
  'SMS_TaskSequence_DisableBitLockerAction',
  'SMS_TaskSequence_EnableBitLockerAction',
  'SMS_TaskSequence_InstallDeployToolsAction',
  'SMS_TaskSequence_InstallSoftwareAction',
  'SMS_TaskSequence_InstallUpdateAction',
  'SMS_TaskSequence_JoinDomainWorkgroupAction',
  'SMS_TaskSequence_PartitionDiskAction',
  'SMS_TaskSequence_PrepareOSAction',
  'SMS_TaskSequence_PrepareSMSClientAction',
  'SMS_TaskSequence_RebootAction',
  'SMS_TaskSequence_ReleaseStateStoreAction',
  'SMS_TaskSequence_RequestStateStoreAction',
  'SMS_TaskSequence_RestoreUserStateAction',
  'SMS_TaskSequence_RunCommandLineAction',
  'SMS_TaskSequence_SetVariableAction',
  'SMS_TaskSequence_SetupWindowsAndSMSAction',
];

describe('coverage of the fixtures', () => {
  test('one fixture per built-in ConfigMgr 2007 step, each holding only that step type', () => {
    const typesByFile = fixturesIn('steps').map((name) => new Set(steps(readTaskSequence(fixture(name)).sequence.children).map((s) => s.type)));
    expect(typesByFile.every((types) => types.size === 1)).toBe(true);
    expect(typesByFile.flatMap((types) => [...types]).sort()).toEqual(STEPS_2007);
  });

  test('the condition fixtures hold every expression class and all three operators', () => {
    const seen = new Set<string>();
    for (const name of fixturesIn('conditions')) {
      const sequence = readTaskSequence(fixture(name)).sequence;
      for (const node of [...groups(sequence.children), ...steps(sequence.children)]) for (const t of operandTypes(node.condition?.operands ?? [])) seen.add(t);
    }
    expect([...seen].sort()).toEqual([
      'SMS_TaskSequence_FileConditionExpression',
      'SMS_TaskSequence_FolderConditionExpression',
      'SMS_TaskSequence_RegistryConditionExpression',
      'SMS_TaskSequence_SoftwareConditionExpression',
      'SMS_TaskSequence_VariableConditionExpression',
      'SMS_TaskSequence_WMIConditionExpression',
      'and',
      'not',
      'or',
    ]);
  });

  test('the large fixture has 114 steps', () => {
    expect(steps(readTaskSequence(fixture('large/114-steps.xml')).sequence.children)).toHaveLength(114);
  });
});

describe('a bare sequence', () => {
  test('a step gives every attribute, its action and its variables in order, values exactly', () => {
    const { sequence } = readTaskSequence(fixture('steps/run-command-line.xml'));
    expect(sequence.version).toBe('3.00');
    const [record, save] = steps(sequence.children);
    expect(record).toEqual({
      kind: 'step',
      type: 'SMS_TaskSequence_RunCommandLineAction',
      name: 'Record BIOS version',
      description: 'Writes the BIOS version to the log folder',
      disable: false,
      continueOnError: false,
      runIn: 'WinPEandFullOS',
      successCodeList: '0 3010',
      timeout: 900,
      otherAttributes: [],
      action: 'smsswd.exe /run:CM100005 cscript.exe //nologo biosver.vbs /log:"%_SMSTSLogPath%\\bios.log"',
      defaultVarList: {
        otherAttributes: [],
        otherElements: [],
        variables: [
          { name: 'CommandLine', property: 'CommandLine', hidden: true, value: 'cscript.exe //nologo biosver.vbs /log:"%_SMSTSLogPath%\\bios.log"', otherAttributes: [] },
          { name: 'WorkingDirectory', property: 'WorkingDirectory', value: 'scripts', otherAttributes: [] },
          { name: 'SMSTSDisableWow64Redirection', property: 'DisableWow64Redirection', value: 'false', otherAttributes: [] },
          { name: 'SuccessCodes', property: 'SuccessCodes', hidden: true, value: '0 3010', otherAttributes: [] },
          { name: 'OutputVariableName', property: 'OutputVariableName', value: 'BiosVersionOutput', otherAttributes: [] },
          { name: '_SMSTSRunCommandLineAsUser', property: 'RunAsUser', value: 'true', otherAttributes: [] },
          { name: 'SMSTSRunCommandLineUserName', property: 'UserName', value: 'CORP\\svc-osd', otherAttributes: [] },
          { name: 'SMSTSRunCommandLineUserPassword', property: 'UserPassword', value: '', otherAttributes: [] },
        ],
      },
      otherElements: [],
    });
    expect(save).toMatchObject({ disable: true, continueOnError: true, successCodeList: '0' });
    expect(save.action).toBe('smsswd.exe /run: cmd.exe /c ipconfig /all > "%_SMSTSLogPath%\\ipconfig.txt" & exit /b 0');
  });

  test('whitespace in action text is kept, also at the end', () => {
    const [suspend, drive] = steps(readTaskSequence(fixture('steps/disable-bitlocker.xml')).sequence.children);
    expect(suspend.action).toBe('OSDBitLocker.exe /disable ');
    expect(drive.action).toBe('OSDBitLocker.exe /disable  /drive:D:');
  });

  test('a step without <action> or <defaultVarList> has neither; an empty list is an empty list', () => {
    const [checkReadiness] = steps(readTaskSequence(fixture('later/current-branch-steps.xml')).sequence.children);
    expect(checkReadiness.action).toBeUndefined();
    const [enable] = steps(readTaskSequence(fixture('steps/enable-bitlocker.xml')).sequence.children);
    expect(enable.defaultVarList).toBeUndefined();
    const [release] = steps(readTaskSequence(fixture('steps/release-state-store.xml')).sequence.children);
    expect(release.defaultVarList).toEqual({ otherAttributes: [], variables: [], otherElements: [] });
  });

  test('schema 3.10, retryCount and runFromNet are read', () => {
    const { sequence } = readTaskSequence(fixture('later/current-branch-steps.xml'));
    expect(sequence.version).toBe('3.10');
    const byName = new Map(steps(sequence.children).map((s) => [s.name, s]));
    expect(byName.get('Apply Windows 10 Enterprise')?.runFromNet).toBe(false);
    expect(byName.get('Install core applications')?.retryCount).toBe(2);
  });

  test('groups nest six deep and keep expand and other unknown attributes', () => {
    const { sequence } = readTaskSequence(fixture('structure/groups-six-deep.xml'));
    let depth = 0;
    let level: readonly SequenceNode[] = sequence.children;
    for (;;) {
      const group = level.find((n): n is Group => n.kind === 'group');
      if (!group) break;
      depth += 1;
      expect(group.description).toBe(`Level ${depth}`);
      level = group.children;
    }
    expect(depth).toBe(6);
    const [mdt] = groups(readTaskSequence(fixture('later/mdt-steps.xml')).sequence.children);
    expect(mdt.otherAttributes).toEqual([{ name: 'expand', value: 'true' }]);
  });

  test('a condition nests operators and keeps each expression variable in order', () => {
    const [firmware] = groups(readTaskSequence(fixture('conditions/nested.xml')).sequence.children);
    const [and] = firmware.condition!.operands;
    expect(and).toMatchObject({ kind: 'operator', type: 'and' });
    // Operators above the deepest expression: and / or / and / not / or / and / not.
    const operatorsAbove = (o: ConditionOperand): number => (o.kind === 'operator' ? 1 + Math.max(...o.operands.map(operatorsAbove)) : 0);
    expect(operatorsAbove(and)).toBe(7);
    const [registry] = readTaskSequence(fixture('conditions/registry.xml')).sequence.children as Step[];
    const [, compare] = registry.condition!.operands;
    expect(compare).toEqual({
      kind: 'expression',
      type: 'SMS_TaskSequence_RegistryConditionExpression',
      otherAttributes: [],
      otherElements: [],
      variables: ['Data:2', 'KeyPath:HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Agent', 'Operator:lessEqual', 'Type:REG_DWORD', 'Value:MajorVersion'].map((pair) => {
        const [name, value] = pair.split(/:(.*)/s);
        return { name, value, otherAttributes: [] };
      }),
    });
  });

  test('a sequence-level globalVarList is read', () => {
    const { sequence } = readTaskSequence(fixture('structure/global-variables.xml'));
    expect(sequence.globalVarList?.variables.map((v) => [v.name, v.property, v.value])).toEqual([
      ['OSDStateSMPRetryCount', 'SMPRetryCount', '3'],
      ['OSDStateSMPRetryTime', 'SMPRetryTime', '60'],
      ['OSDDNSDomain', 'DNSDomain', 'corp.example'],
    ]);
  });
});

describe('a sequence as other tools leave it (structure/as-found.xml)', () => {
  const { sequence } = readTaskSequence(fixture('structure/as-found.xml'));
  const [group] = sequence.children.filter((n): n is Group => n.kind === 'group');
  const [step, restart] = steps(group.children);

  test('attributes in any order and letter case become the same typed values; unknown ones are kept in order', () => {
    expect(sequence.version).toBe('3.10');
    expect(sequence.otherAttributes).toEqual([
      { name: 'xmlns:lab', value: 'urn:example:lab' },
      { name: 'lab:owner', value: 'workstation team' },
    ]);
    expect(group).toMatchObject({ name: 'Prepare', disable: false, continueOnError: false });
    expect(group.otherAttributes).toEqual([
      { name: 'expand', value: 'true' },
      { name: 'lab:ticket', value: 'CHG-1042' },
    ]);
    expect(step).toMatchObject({ timeout: 60, retryCount: 0, name: 'Tabbed\tname', description: 'Line one\nline two' });
    expect(restart).toEqual({ kind: 'step', type: 'SMS_TaskSequence_RebootAction', name: 'Restart', runIn: 'WinPEandFullOS', otherAttributes: [], action: 'smsboot.exe /target:HD', otherElements: [] });
  });

  test('text is exact: CDATA, character references, entities once, spaces, Unicode; CRLF reads as LF', () => {
    const values = Object.fromEntries(step.defaultVarList!.variables.map((v) => [v.name, v.value]));
    expect(values).toEqual({
      CommandLine: 'cmd /c if exist "C:\\a&b" echo <found> ',
      WorkingDirectory: '  C:\\Temp  ',
      Empty: '',
      Unicode: 'Büro – Größe ✓ \u{1F4BB}',
      Escaped: '&lt;not a tag&gt; "quoted" \'single\'',
    });
    expect(step.action).toBe('smsswd.exe /run:CM100005 cmd /c if exist "C:\\a&b" echo <found> ');
    expect(step.defaultVarList!.variables[0].hidden).toBe(true);
  });

  test('unknown elements are kept where they stood, with their content', () => {
    expect(sequence.children.map((n) => (n.kind === 'element' ? n.name : n.kind))).toEqual(['referenceList', 'group']);
    expect(group.children.map((n) => (n.kind === 'element' ? n.name : n.kind))).toEqual(['step', 'lab:marker', 'step']);
    expect(step.otherElements).toEqual([
      {
        kind: 'element',
        name: 'lab:note',
        attributes: [{ name: 'lab:by', value: 'ops' }],
        children: [
          { kind: 'text', text: 'Checked ' },
          { kind: 'element', name: 'b', attributes: [], children: [{ kind: 'text', text: 'twice' }] },
          { kind: 'text', text: ' before the rollout.' },
        ],
      },
    ]);
    expect(step.defaultVarList!.otherAttributes).toEqual([{ name: 'lab:generated', value: 'yes' }]);
    expect(step.defaultVarList!.otherElements.map((e) => e.name)).toEqual(['comment']);
    expect(step.condition!.otherAttributes).toEqual([{ name: 'lab:origin', value: 'console' }]);
    expect(step.condition!.operands.map((o) => (o.kind === 'element' ? o.name : o.kind))).toEqual(['expression', 'lab:operand', 'operator']);
    const [expression] = step.condition!.operands;
    expect(expression.kind === 'expression' && expression.otherElements.map((e) => e.name)).toEqual(['lab:hint']);
  });

  test('the export is the canonical form: known attributes first in a fixed order, known children first, LF, two-space indent', () => {
    expect(writeSequence(sequence)).toBe(fixtureText('structure/as-found.expected.xml'));
  });
});

describe('the 2007 console export', () => {
  const name = 'containers/console-package-2007.xml';

  test('is told from its content; its fields and the sequence in SequenceData are read', () => {
    const file = readTaskSequence(fixture(name));
    expect(file.format).toBe('console-package');
    expect(file.package).toEqual({ name: 'Server refresh (R710)', description: 'Refresh of a PowerEdge R710: capture, firmware in Windows PE, new OS, restore', bootImageId: 'CM100001' });
    expect(file.consolePackage!.attributes).toEqual([
      { name: 'xmlns:xsi', value: 'http://www.w3.org/2001/XMLSchema-instance' },
      { name: 'xmlns:xsd', value: 'http://www.w3.org/2001/XMLSchema' },
    ]);
    const fields = file.consolePackage!.properties.map((p) => [p.name, p.children.map((c) => (c.kind === 'text' ? c.text : '')).join('')]);
    expect(fields).toEqual([
      ['BootImageID', 'CM100001'],
      ['Category', 'Servers'],
      ['DependentProgram', ''],
      ['Description', 'Refresh of a PowerEdge R710: capture, firmware in Windows PE, new OS, restore'],
      ['Duration', '360'],
      ['Name', 'Server refresh (R710)'],
      ['ProgramFlags', '152084496'],
      ['SourceDate', '2010-06-15T09:30:00'],
      ['SupportedOperatingSystems', ''],
      ['IconSize', '32'],
    ]);
    expect(steps(file.sequence.children).map((s) => s.name)).toEqual([
      'Request State Store',
      'Capture User State',
      'Release State Store',
      'Restart in Windows PE',
      'Flash BIOS (PowerEdge R710)',
      'Configure RAID (PowerEdge R710)',
      'Partition Disk 0',
      'Apply Windows Server 2008 R2',
      'Setup Windows and ConfigMgr',
      'Restore User State',
    ]);
  });

  test('saved as UTF-16 with a byte order mark, it reads the same', () => {
    const text = fixtureText(name).replace('encoding="utf-8"', 'encoding="utf-16"');
    expect(readTaskSequence(utf16le(text))).toEqual(readTaskSequence(fixture(name)));
  });

  test('a sequence given as escaped text inside SequenceData reads the same', () => {
    const text = fixtureText(name);
    const start = text.indexOf('<sequence ');
    const end = text.indexOf('</sequence>') + '</sequence>'.length;
    const inner = text.slice(start, end).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const escaped = readTaskSequence(text.slice(0, start) + inner + text.slice(end));
    expect(escaped.sequence).toEqual(readTaskSequence(fixture(name)).sequence);
  });
});

describe('a current-branch export', () => {
  test('object.xml gives the sequence and the package fields', () => {
    const file = readTaskSequence(fixture('containers/object.xml'));
    expect(file.format).toBe('cim-instance');
    expect(file.package).toEqual({ packageId: 'CM100060', name: 'Windows 10 UEFI', description: 'UEFI deployment of Windows 10 & core applications', bootImageId: 'CM100001' });
    const powershell = steps(file.sequence.children).find((s) => s.type === 'SMS_TaskSequence_RunPowerShellScriptAction')!;
    expect(powershell.description).toBe('Uses & and <angle brackets> on purpose');
    expect(powershell.action).toBe('smsswd.exe /run:CM100050 powershell.exe -NoProfile -Command "& { Rename-Item \'C:\\Start & Go\' \'Start\' }"');
  });

  test('the export .zip is read from a file: its task sequence object.xml is found by name, other objects are passed over', () => {
    const objectXml = fixtureText('containers/object.xml').replace('encoding="utf-8"', 'encoding="utf-16"');
    const bootImage = '<INSTANCE CLASSNAME="SMS_BootImagePackage"><PROPERTY NAME="PackageID" TYPE="string"><VALUE>CM100001</VALUE></PROPERTY></INSTANCE>';
    const archive = zipSync({
      'Windows 10 UEFI/ExportInfo.txt': strToU8('exported by the console'),
      'Windows 10 UEFI/Objects/SMS_BootImagePackage/CM100001/object.xml': strToU8(bootImage),
      'Windows 10 UEFI/Objects/SMS_TaskSequencePackage/CM100060/object.xml': utf16le(objectXml),
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xml-zip-')), 'Windows 10 UEFI.zip');
    writeFileSync(file, archive);

    const read = readTaskSequence(readFileSync(file));
    expect(read.format).toBe('export-zip');
    expect(read.archiveEntry).toBe('Windows 10 UEFI/Objects/SMS_TaskSequencePackage/CM100060/object.xml');
    expect(read.package?.packageId).toBe('CM100060');
    expect(read.sequence).toEqual(readTaskSequence(fixture('containers/object-sequence.xml')).sequence);
  });
});

test('an entity-escaped sequence on its own is told from its content', () => {
  const file = readTaskSequence(fixture('containers/escaped-sequence.txt'));
  expect(file.format).toBe('escaped-sequence');
  expect((file.sequence as Sequence).children).toHaveLength(2);
});
