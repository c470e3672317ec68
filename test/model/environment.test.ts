/** R6 follows the environment: where each step runs, through restarts, conditions and groups. */
import assert from 'node:assert/strict';
import { checkObject, formatIssue, pointer, POINTER_STYLE, type Condition, type Resolved, type RuleContext, type Step } from '../../lib/model';

/** A server with a tools package, a USMT package, an image and a boot image that includes tools. */
const objects: Record<string, Record<string, unknown>> = {
  'package:CM100001': { name: 'USMT', role: 'usmt' },
  'package:CM100003': { name: 'Dell DTK', role: 'tools' },
  'package:CM100004': { name: 'Client', role: 'client' },
  'osImage:CM100002': { name: 'Win7' },
  'bootImage:CM100009': { name: 'PE', includedTools: [{ name: 'raidcfg', path: 'X:\\raidcfg.exe' }] },
};
const server: RuleContext = { resolve: (kind, id): Resolved => objects[`${kind}:${id}`] };
const inPe: Condition = { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'true' } };
const capture: Step = { name: 'Capture user state', captureUserState: { usmtPackageId: 'CM100001' } };
const toPe: Step = { name: 'Restart in Windows PE', restartComputer: { target: 'windowsPe' } };
const toOs: Step = { name: 'Restart in Windows', restartComputer: { target: 'installedOs' } };
const bios: Step = { name: 'Flash BIOS', runCommandLine: { commandLine: 'flash.cmd', packageId: 'CM100003', hardware: 'bios' } };
const raid: Step = { name: 'Configure RAID', runCommandLine: { commandLine: 'raidcfg.exe -i=r5.ini', packageId: 'CM100003', hardware: 'raid' } };
const partition: Step = { name: 'Partition', partitionDisk: { partitions: [{ size: 100 }] } };
const apply: Step = { name: 'Apply OS', applyOperatingSystem: { imagePackageId: 'CM100002' } };
const setup: Step = { name: 'Setup', setupWindowsAndConfigMgr: { clientPackageId: 'CM100004' } };
const restore: Step = { name: 'Restore user state', restoreUserState: { usmtPackageId: 'CM100001' } };

/** The findings for `steps`, in a sequence with the boot image unless `bootImage` is false. */
const check = (steps: Step[], bootImage = true) => checkObject('taskSequence', { name: 'Refresh', ...(bootImage ? { bootImageId: 'CM100009' } : {}), steps }, server).errors;
const findings = (steps: Step[], bootImage?: boolean) => check(steps, bootImage).map((e) => `${e.rule} ${pointer(...e.path)}`);
const texts = (steps: Step[], bootImage?: boolean) => check(steps, bootImage).map((e) => formatIssue(e, POINTER_STYLE));

test('the refresh passes: capture in the full OS, restart into Windows PE, BIOS, RAID, partition, apply, setup, restore', () => {
  assert.deepEqual(findings([capture, toPe, bios, raid, partition, apply, setup, restore]), []);
});

test('a hardware step in the full OS is refused, saying where the sequence is and to restart into Windows PE first', () => {
  assert.deepEqual(findings([capture, bios, toPe, partition]), ['R6 /steps/1/runCommandLine/hardware']);
  assert.equal(
    texts([capture, bios, toPe, partition])[0],
    'R6: hardware step "Flash BIOS" (bios) would run in the full OS: the sequence starts in the full OS (its first step that runs in one environment only, step "Capture user state", runs there); hardware steps run in Windows PE, so restart into Windows PE first (a Restart Computer step with target "windowsPe" before it)',
  );
  // After Setup Windows and ConfigMgr the sequence is in the new Windows.
  assert.match(texts([partition, apply, setup, raid])[0], /R6: hardware step "Configure RAID" \(raid\) would run in the full OS: the sequence is in the full OS here, after step "Setup" \(setupWindowsAndConfigMgr\)/);
  // A restart into the installed OS leaves Windows PE too.
  assert.deepEqual(findings([bios, toOs, raid]), ['R6 /steps/2/runCommandLine/hardware']);
});

test('hardware after partitioning or applying the OS is refused; a restart into Windows PE starts afresh', () => {
  assert.deepEqual(findings([partition, raid]), ['R6 /steps/1/runCommandLine/hardware']);
  assert.match(texts([partition, raid])[0], /comes after step "Partition" \(partitionDisk\); it must run before the disk is partitioned and the OS applied/);
  assert.match(texts([apply, bios])[0], /comes after step "Apply OS" \(applyOperatingSystem\)/);
  assert.deepEqual(findings([partition, toPe, raid, partition]), []);
});

test('a step bound to one environment is refused in the other, with the fix', () => {
  assert.deepEqual(findings([capture, apply]), ['R6 /steps/1/applyOperatingSystem']);
  assert.match(texts([capture, apply])[0], /step "Apply OS" \(applyOperatingSystem\) runs only in Windows PE, but the sequence starts in the full OS .*; restart into Windows PE first/);
  assert.deepEqual(findings([partition, restore]), ['R6 /steps/1/restoreUserState']);
  assert.match(texts([partition, restore])[0], /runs only in the full OS, but the sequence starts in Windows PE .*; put it after Setup Windows and ConfigMgr, or restart into the installed OS first/);
  // A field can narrow where a step runs: a command run as a user needs the full OS.
  const asUser: Step = { name: 'As user', runCommandLine: { commandLine: 'x', runAsUser: true, runAsAccount: 'CORP\\u', runAsPassword: 'pw' } };
  assert.match(texts([partition, asUser])[0], /step "As user" \(runCommandLine\) runs only in the full OS \(it runs as a user, which Windows PE cannot\)/);
  // An offline capture runs in Windows PE.
  assert.deepEqual(findings([partition, { name: 'Offline', captureUserState: { usmtPackageId: 'CM100001', offline: true } }]), []);
});

test('Prepare Windows for Capture restarts into the boot image: Capture Operating System Image follows in Windows PE', () => {
  const sysprep: Step = { name: 'Sysprep', prepareWindowsForCapture: {} };
  const captureImage: Step = { name: 'Capture', captureOperatingSystemImage: { destination: '\\\\s\\c\\r.wim', captureAccount: 'CORP\\c', capturePassword: 'pw' } };
  assert.deepEqual(findings([partition, apply, setup, sysprep, captureImage]), []);
  assert.deepEqual(findings([partition, apply, setup, captureImage]), ['R6 /steps/3/captureOperatingSystemImage']);
});

test('a restart into Windows PE needs the boot image it starts', () => {
  assert.deepEqual(findings([capture, toPe, partition], false), ['R6 /steps/1/restartComputer']);
  assert.match(texts([capture, toPe, partition], false)[0], /restarts into Windows PE, which starts the task sequence's boot image, but the sequence has none; set \/bootImageId/);
});

describe('conditions are judged conservatively', () => {
  const maybe: Condition = { variable: { name: 'Reinstall', operator: 'equals', value: 'yes' } };

  test('a conditional restart leaves the sequence in either place: a hardware step after it may be in the full OS', () => {
    const r = texts([capture, { ...toPe, condition: maybe }, bios]);
    assert.equal(r.length, 1);
    assert.match(r[0], /would run in the full OS: the sequence starts in the full OS .*, unless step "Restart in Windows PE" runs, which has a condition/);
  });

  test('a conditional partition may have run: hardware after it is refused', () => {
    assert.deepEqual(findings([{ ...partition, condition: maybe }, raid]), ['R6 /steps/1/runCommandLine/hardware']);
  });

  test('a step whose condition requires _SMSTSInWinPE runs only in Windows PE and is judged only there', () => {
    // Either start: capture in the full OS, restart, hardware only in Windows PE.
    const anyStart: Step[] = [
      { ...capture, condition: { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'false' } } },
      { ...toPe, condition: { variable: { name: '_SMSTSInWinPE', operator: 'notEquals', value: 'true' } } },
      { ...bios, condition: { match: 'all', conditions: [inPe, { wmiQuery: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" } }] } },
      partition,
    ];
    assert.deepEqual(findings(anyStart), []);
    // Pinned to Windows PE, but the sequence is in the full OS there: the step would never run.
    const never = texts([capture, { ...bios, condition: inPe }, toPe, partition]);
    assert.equal(never.length, 1);
    assert.match(never[0], /hardware step "Flash BIOS" \(bios\) runs only in Windows PE by its condition, but the sequence starts in the full OS .*, so it would never run; restart into Windows PE first/);
  });

  test("a group's condition applies to its steps; a disabled step or group changes nothing", () => {
    const group: Step = { name: 'Old Windows', group: {}, condition: { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'false' } } };
    assert.deepEqual(findings([group, { ...capture, inGroup: 'Old Windows' }, { ...toPe, inGroup: 'Old Windows' }, bios, partition]), []);
    assert.deepEqual(findings([capture, { ...toPe, enabled: false }, bios]), ['R6 /steps/2/runCommandLine/hardware']);
    const disabledGroup: Step = { name: 'Off', group: {}, enabled: false };
    assert.deepEqual(findings([disabledGroup, { ...partition, inGroup: 'Off' }, raid]), []);
  });
});

test('where the sequence starts: the first step bound to one environment; a hardware step counts as Windows PE', () => {
  assert.deepEqual(findings([bios, partition]), []);
  assert.deepEqual(findings([{ name: 'Echo', runCommandLine: { commandLine: 'cmd /c echo' } }, raid, partition]), []);
  // Nothing bound before the first restart: the sequence may start in either, and the restart settles it.
  const set: Step = { name: 'Set', setTaskSequenceVariable: { variableName: 'X', value: '1' } };
  assert.deepEqual(findings([set, toPe, partition]), []);
  // A hardware step that may run before anything settles it is judged in both: refused.
  assert.match(texts([set, { ...toPe, condition: { variable: { name: 'X', operator: 'exists' } } }, { ...bios, condition: { variable: { name: 'X', operator: 'exists' } } }, partition])[0], /may start in the full OS/);
});
