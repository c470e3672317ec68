import assert from 'node:assert/strict';
import {
  checkObject,
  formatIssue,
  pointer,
  POINTER_STYLE,
  programFlags,
  ProgramFlag,
  UNRESOLVED,
  withDefaults,
  type Program,
  type Resolved,
  type RuleContext,
  type Step,
} from '../../lib/model';

const site = { siteCode: 'CM1', siteName: 'Test', configMgrVersion: '2007 SP1' as const, allowedUsmtVersions: ['3.0' as const] };

/** A context whose server holds `objects` (keyed `kind:id`). */
function serverWith(objects: Record<string, Record<string, unknown>>): RuleContext {
  return { site, resolve: (kind, id): Resolved => objects[`${kind}:${id}`] };
}

const ts = (steps: Step[], extra: Record<string, unknown> = {}) => ({ name: 'Deploy', steps, ...extra });
const rulesOf = (r: ReturnType<typeof checkObject>) => r.errors.map((e) => `${e.rule} ${pointer(...e.path)}`);
/** A finding as the API words it. */
const text = (issue: { path: readonly (string | number)[]; rule: string; message: readonly unknown[] }) => formatIssue(issue as never, POINTER_STYLE);

describe('program flags', () => {
  test('defaults give ConfigMgr default flags: EVERYUSER | USEUNCPATH | USERCONTEXT | UNATTENDED (+ ANY_PLATFORM)', () => {
    const p = withDefaults('program', { packageId: 'CM100001', name: 'Install', commandLine: 'setup.exe' }) as Program;
    const f = ProgramFlag;
    assert.equal(p.flags, f.EVERYUSER | f.USEUNCPATH | f.USERCONTEXT | f.UNATTENDED | f.ANY_PLATFORM);
  });
  test('intent maps to exclusive bits: no user logged on clears USERCONTEXT', () => {
    const flags = programFlags({ packageId: 'CM100001', name: 'x', commandLine: 'x', runWhen: 'noUserLoggedOn', adminRights: true } as Program);
    assert.equal(flags & ProgramFlag.USERCONTEXT, 0);
    assert.ok(flags & ProgramFlag.NOUSERLOGGEDIN);
    assert.ok(flags & ProgramFlag.ADMINRIGHTS);
  });
});

describe('R1: installing a program that runs another program first', () => {
  const program = { packageId: 'CM100001', name: 'Setup', commandLine: 'setup.exe', adminRights: true, runWhen: 'noUserLoggedOn' };
  const step: Step = { name: 'Install app', installSoftware: { packageId: 'CM100001', programName: 'Setup' } };
  test('is refused, naming the step, the program and the dependency', () => {
    const ctx = serverWith({ 'package:CM100001': { name: 'App', role: 'software' }, 'program:CM100001/Setup': { ...program, runFirst: { packageId: 'CM100001', program: 'Prereq' } } });
    const r = checkObject('taskSequence', ts([step]), ctx);
    const e = r.errors.find((i) => i.rule === 'R1');
    assert.ok(e, JSON.stringify(r.errors));
    assert.deepEqual(e.path, ['steps', 0, 'installSoftware', 'programName']);
    assert.equal(
      text(e),
      'R1: step "Install app" installs program "Setup" of package CM100001, which runs program "Prereq" first; operating system deployment does not support that. Remove runFirst and install "Prereq" in its own step before this one',
    );
  });
  test('passes when the dependency is its own step', () => {
    const ctx = serverWith({ 'package:CM100001': { name: 'App', role: 'software' }, 'program:CM100001/Setup': program });
    assert.deepEqual(rulesOf(checkObject('taskSequence', ts([step]), ctx)), []);
  });
});

describe('R2: references', () => {
  test('a missing object and a package of the wrong role are refused', () => {
    const ctx = serverWith({ 'package:CM100002': { name: 'Office', role: 'software' } });
    const r = checkObject('taskSequence', ts([{ name: 'Capture', captureUserState: { usmtPackageId: 'CM100002' } }], { bootImageId: 'CM1000FF' }), ctx);
    assert.deepEqual(rulesOf(r).sort(), ['R2 /bootImageId', 'R2 /steps/0/captureUserState/usmtPackageId']);
    assert.match(text(r.errors.find((e) => e.path.includes('captureUserState'))!), /role is "software"; a package with role "usmt" is required/);
  });
  test('unresolved references (known only after apply) are skipped, not failed', () => {
    const r = checkObject('taskSequence', ts([{ name: 'Capture', captureUserState: { usmtPackageId: 'CM100002' } }]), { resolve: () => UNRESOLVED });
    assert.deepEqual(r.errors, []);
  });
});

describe('R5: USMT packages', () => {
  const usmt = (usmtVersion: string, ruleFiles: string[]) => ({ name: 'USMT', role: 'usmt', usmt: { usmtVersion, architecture: 'x86', ruleFiles } });
  test('USMT 4.0 on ConfigMgr 2007 SP1 is refused; 3.0 passes', () => {
    assert.deepEqual(rulesOf(checkObject('package', usmt('4.0', ['MigApp.xml']), serverWith({}))), ['R5 /usmt/usmtVersion']);
    assert.deepEqual(rulesOf(checkObject('package', usmt('3.0', ['MigApp.xml', 'custom.inf']), serverWith({}))), []);
  });
  test('no rule file is refused with R5', () => {
    assert.deepEqual(rulesOf(checkObject('package', usmt('3.0', []), serverWith({}))), ['R5 /usmt/ruleFiles']);
  });
});

describe('R6: hardware steps', () => {
  const tools = { 'package:CM100003': { name: 'Dell DTK', role: 'tools' } };
  const flash: Step = { name: 'Flash BIOS', runCommandLine: { commandLine: 'flash.cmd', packageId: 'CM100003', hardware: 'bios' } };
  const partition: Step = { name: 'Partition', partitionDisk: { partitions: [{ size: 100 }] } };
  test('after Partition Disk is refused', () => {
    const r = checkObject('taskSequence', ts([partition, flash]), serverWith(tools));
    assert.deepEqual(rulesOf(r), ['R6 /steps/1/runCommandLine/hardware']);
    assert.match(text(r.errors[0]), /comes after step "Partition" \(partitionDisk\)/);
  });
  test('before it, with a tools package, passes', () => {
    assert.deepEqual(rulesOf(checkObject('taskSequence', ts([flash, partition]), serverWith(tools))), []);
  });
  test('without a package it needs a boot image that includes tools', () => {
    const bare: Step = { name: 'RAID', runCommandLine: { commandLine: 'raid.cmd', hardware: 'raid' } };
    const noTools = serverWith({ 'bootImage:CM100004': { name: 'PE', includedTools: [] } });
    assert.deepEqual(rulesOf(checkObject('taskSequence', ts([bare], { bootImageId: 'CM100004' }), noTools)), ['R6 /steps/0/runCommandLine/hardware']);
    const withTools = serverWith({ 'bootImage:CM100004': { name: 'PE', includedTools: [{ name: 'hpacucli', path: 'X:\\hp\\hpacucli.exe' }] } });
    assert.deepEqual(rulesOf(checkObject('taskSequence', ts([bare], { bootImageId: 'CM100004' }), withTools)), []);
  });
});

describe('R7: OS images', () => {
  const image = { name: 'Win7', version: '1.0', sourcePath: '\\\\srv\\images\\win7.wim' };
  test('a preinstalled application that Sysprep cannot generalise is refused', () => {
    const r = checkObject('osImage', { ...image, preinstalledApplications: [{ name: 'Licensed Agent', sysprepCapable: false }] }, serverWith({}));
    assert.deepEqual(rulesOf(r), ['R7 /preinstalledApplications/0/sysprepCapable']);
  });
  test('changing the content without a new version is refused; with one it passes', () => {
    const prior = { ...image, preinstalledApplications: [{ name: 'Office', sysprepCapable: true }] };
    const changed = { ...prior, preinstalledApplications: [{ name: 'Office', sysprepCapable: true }, { name: 'Reader', sysprepCapable: true }] };
    assert.deepEqual(rulesOf(checkObject('osImage', changed, { resolve: () => undefined, prior })), ['R7 /version']);
    assert.deepEqual(rulesOf(checkObject('osImage', { ...changed, version: '1.1' }, { resolve: () => undefined, prior })), []);
  });
});

describe('groups and R3', () => {
  test('a step must follow its group', () => {
    const r = checkObject('taskSequence', ts([{ name: 'x', inGroup: 'Hardware', releaseStateStore: {} }, { name: 'Hardware', group: {} }]), serverWith({}));
    assert.deepEqual(rulesOf(r), ['group /steps/0/inGroup']);
  });
  test('R3: switches come before properties', () => {
    const client = { 'package:CM100005': { name: 'Client', role: 'client' } };
    const setup = (p: string): Step => ({ name: 'Setup', setupWindowsAndConfigMgr: { clientPackageId: 'CM100005', installationProperties: p } });
    assert.deepEqual(rulesOf(checkObject('taskSequence', ts([setup('/mp:mp01 SMSSITECODE=CM1 FSP=fsp01')]), serverWith(client))), []);
    const r = checkObject('taskSequence', ts([setup('SMSSITECODE=CM1 /mp:mp01')]), serverWith(client));
    assert.deepEqual(rulesOf(r), ['R3 /steps/0/setupWindowsAndConfigMgr/installationProperties']);
  });
});
