import assert from 'node:assert/strict';
import { TerraformStack as Stack, Testing, Token, type TerraformStack } from 'cdktf';
import {
  ClientPackage,
  DeploymentServer,
  Program,
  RunCommandLine,
  SoftwarePackage,
  TaskSequence,
  UsmtPackage,
  VendorToolsPackage,
} from '../../constructs';
import { DEFAULT_CLIENT_SOURCE } from '../../lib/model';
import { newStack, onlyResource, stepsOf, synth, synthError, thrown, warnings } from './helpers';

const office = (stack: TerraformStack) =>
  new SoftwarePackage(stack, 'Office', { name: 'Office 2007', version: '12.0', sourcePath: '\\\\cm01\\apps\\office' });

test('SoftwarePackage renders an osd_package with role software and snake_case attributes', () => {
  const { stack } = newStack();
  office(stack);
  const json = synth(stack);
  assert.ok(Testing.toHaveResourceWithProperties(JSON.stringify(json), 'osd_package', { name: 'Office 2007', role: 'software', source_path: '\\\\cm01\\apps\\office' }));
  assert.equal(json.resource.osd_package.Office.version, '12.0');
});

test('packageId is a token of the resource id, so references order creation (R2)', () => {
  const { stack } = newStack();
  const pkg = office(stack);
  assert.ok(Token.isUnresolved(pkg.packageId));
  const ts = new TaskSequence(stack, 'Ts', { name: 'Ts' });
  ts.addStep(new RunCommandLine({ commandLine: 'cmd /c dir', package: pkg }));
  assert.equal(stepsOf(synth(stack))[0].run_command_line.package_id, '${osd_package.Office.id}');
});

test('plainly wrong props are refused in the constructor with the construct path, the field, the value and the limit', () => {
  const { stack } = newStack();
  const long = 'x'.repeat(51);
  const message = thrown(() => new SoftwarePackage(stack, 'TooLong', { name: long, sourcePath: '\\\\cm01\\x' }));
  assert.match(message, /^test\/TooLong: maxLength: name is 51 characters long/);
  assert.match(message, /at most 50/);
  assert.match(thrown(() => new SoftwarePackage(stack, 'BadSource', { name: 'x', sourcePath: 'relative\\path' })), /test\/BadSource: pattern: sourcePath has the value "relative\\\\path"/);
});

test('addProgram: package_id reference, name from the construct id, task-sequence-ready defaults', () => {
  const { stack } = newStack();
  office(stack).addProgram('Install', { commandLine: 'setup.exe /adminfile x.msp' });
  const program = onlyResource(synth(stack), 'osd_program');
  assert.deepEqual(program, {
    admin_rights: true,
    command_line: 'setup.exe /adminfile x.msp',
    name: 'Install',
    package_id: '${osd_package.Office.id}',
    run_when: 'whetherOrNotUserLoggedOn',
    lifecycle: { create_before_destroy: true },
  });
});

test('runFirst ("run another program first") renders the dependency by reference', () => {
  const { stack } = newStack();
  const pkg = office(stack);
  const runtime = pkg.addProgram('Runtime', { commandLine: 'vcredist.exe /q' });
  pkg.addProgram('Install', { commandLine: 'setup.exe', runFirst: { program: runtime, always: true } });
  const install = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.osd_program).find((p) => p.name === 'Install');
  assert.match(install.run_first.package_id, /^\$\{osd_package\.Office[A-Za-z0-9_]*\.id\}$/);
  assert.equal(install.run_first.program, 'Runtime');
  assert.match(install.depends_on[0], /^osd_program\.Office_Runtime/, 'created after the program it names');
  assert.equal(install.run_first.always, true);
});

test('a command line over 255 bytes is refused (the limit is in bytes)', () => {
  const { stack } = newStack();
  const message = thrown(() => office(stack).addProgram('Long', { commandLine: 'é'.repeat(128) }));
  assert.match(message, /test\/Office\/Long: maxBytes: commandLine is 256 bytes long/);
});

test('ClientPackage (R3): needs no props; default name and the client source on the site server', () => {
  const { stack } = newStack();
  new ClientPackage(stack, 'Client');
  const pkg = onlyResource(synth(stack), 'osd_package');
  assert.deepEqual(pkg, { name: 'Configuration Manager Client Package', role: 'client', source_path: DEFAULT_CLIENT_SOURCE, lifecycle: { create_before_destroy: true } });
  assert.deepEqual(warnings(stack), []);
});

test('ClientPackage programs default to what R4 recommends; anything else is a warning at synth, not an error', () => {
  const { stack } = newStack();
  const client = new ClientPackage(stack, 'Client');
  client.addProgram('Recommended', { commandLine: 'ccmsetup.exe' });
  client.addProgram('Interactive', { commandLine: 'ccmsetup.exe', runWhen: 'userLoggedOn', runFrom: 'localCopy' });
  const json = synth(stack);
  assert.ok(Testing.toHaveResourceWithProperties(JSON.stringify(json), 'osd_program', { name: 'Recommended', run_when: 'noUserLoggedOn' }));
  const found = warnings(stack);
  assert.equal(found.length, 2, found.join('\n'));
  assert.match(found[0], /^test\/Client\/Interactive: R4: the client package's program should run only when no user is logged on; runWhen is "userLoggedOn"/);
  assert.match(found[1], /^test\/Client\/Interactive: R4: the client package's program should run from the network share; runFrom is "localCopy"/);
});

test('warnings are not repeated when validation runs twice', () => {
  const { stack } = newStack();
  new ClientPackage(stack, 'Client').addProgram('Interactive', { commandLine: 'ccmsetup.exe', runWhen: 'userLoggedOn' });
  synth(stack);
  synth(stack);
  assert.equal(warnings(stack).length, 1);
});

test('UsmtPackage (R5): role usmt, USMT 3.0 rule files by default', () => {
  const { stack } = newStack();
  new UsmtPackage(stack, 'Usmt', { name: 'USMT 3.0.1 x86', sourcePath: '\\\\cm01\\usmt\\x86', usmtVersion: '3.0', architecture: 'x86' });
  const pkg = onlyResource(synth(stack), 'osd_package');
  assert.equal(pkg.role, 'usmt');
  assert.deepEqual(pkg.usmt, { usmt_version: '3.0', architecture: 'x86', rule_files: ['MigApp.xml', 'MigUser.xml', 'MigSys.xml'] });
});

test('UsmtPackage (R5): rule files must be .xml or .inf, at least one', () => {
  const { stack } = newStack();
  const props = { name: 'USMT', sourcePath: '\\\\cm01\\usmt', usmtVersion: '3.0', architecture: 'x86' } as const;
  assert.match(thrown(() => new UsmtPackage(stack, 'Exe', { ...props, ruleFiles: ['scanstate.exe'] })), /test\/Exe: R5: usmt\.ruleFiles\[0\] has the value "scanstate.exe"/);
  assert.match(thrown(() => new UsmtPackage(stack, 'None', { ...props, ruleFiles: [] })), /test\/None: R5: usmt\.ruleFiles has 0 item\(s\); at least 1 are required/);
  new UsmtPackage(stack, 'Inf', { ...props, ruleFiles: ['custom.inf', 'MigUser.xml'] });
});

test('UsmtPackage (R5): with the site version known, USMT 4.0 is refused before 2007 SP2 and accepted on SP2', () => {
  const props = { name: 'USMT 4', sourcePath: '\\\\cm01\\usmt4', usmtVersion: '4.0', architecture: 'x64' } as const;
  const sp1 = new Stack(Testing.app(), 'sp1');
  new DeploymentServer(sp1, 'Server', { configMgrVersion: '2007 SP1' });
  new UsmtPackage(sp1, 'Usmt', props);
  assert.match(synthError(sp1), /\[sp1\/Usmt\] R5: usmt\.usmtVersion is "4.0", but ConfigMgr 2007 SP1 accepts USMT 3.0/);

  const sp2 = new Stack(Testing.app(), 'sp2');
  new DeploymentServer(sp2, 'Server', { configMgrVersion: '2007 SP2' });
  new UsmtPackage(sp2, 'Usmt', props);
  synth(sp2);
});

test('VendorToolsPackage: role tools, content required', () => {
  const { stack } = newStack();
  new VendorToolsPackage(stack, 'Dtk', { name: 'Dell DTK', sourcePath: '\\\\cm01\\tools\\dtk' });
  assert.equal(onlyResource(synth(stack), 'osd_package').role, 'tools');
});

test('fromPackageId: a checked literal ID, no resource', () => {
  const { stack } = newStack();
  const imported = SoftwarePackage.fromPackageId(stack, 'Existing', 'CM100012');
  assert.equal(imported.packageId, 'CM100012');
  assert.equal(imported.role, 'software');
  assert.equal(UsmtPackage.fromPackageId(stack, 'Usmt', 'CM100013').role, 'usmt');
  assert.equal(ClientPackage.fromPackageId(stack, 'Client', 'CM100014').role, 'client');
  assert.equal(VendorToolsPackage.fromPackageId(stack, 'Tools', 'CM100015').role, 'tools');
  assert.equal(synth(stack).resource, undefined);
  assert.match(thrown(() => SoftwarePackage.fromPackageId(stack, 'Bad', 'CM1-12')), /test: "CM1-12" is not a package ID; expected a 3-character site code and 5 hex digits/);
});

test('a program can be added to an imported package', () => {
  const { stack } = newStack();
  const existing = SoftwarePackage.fromPackageId(stack, 'Existing', 'CM100012');
  new Program(stack, 'Patch', { package: existing, commandLine: 'patch.exe /q' });
  assert.equal(onlyResource(synth(stack), 'osd_program').package_id, 'CM100012');
});

test('an imported package takes programs with addProgram: created under it, naming it by its literal ID', () => {
  const { stack } = newStack();
  const existing = SoftwarePackage.fromPackageId(stack, 'Existing', 'CM100012');
  const patch = existing.addProgram('Patch', { commandLine: 'patch.exe /q' });
  assert.equal(patch.node.path, 'test/Existing/Patch');
  assert.equal(patch.package, existing);
  const program = onlyResource(synth(stack), 'osd_program');
  assert.equal(program.package_id, 'CM100012');
  assert.equal(program.name, 'Patch');
  assert.equal(ClientPackage.fromPackageId(stack, 'Client', 'CM100014').addProgram('Setup', { commandLine: 'ccmsetup.exe' }).programName, 'Setup');
});

test('forTaskSequence (the default) gives the settings an Install Software step needs; false gives the console defaults', () => {
  const { stack } = newStack();
  const pkg = office(stack);
  pkg.addProgram('ForSteps', { commandLine: 'setup.exe' });
  pkg.addProgram('ForPeople', { commandLine: 'setup.exe', forTaskSequence: false });
  pkg.addProgram('Explicit', { commandLine: 'setup.exe', runWhen: 'noUserLoggedOn' });
  const programs = Object.values<any>(synth(stack).resource.osd_program);
  const byName = (name: string) => programs.find((p) => p.name === name);
  assert.equal(byName('ForSteps').run_when, 'whetherOrNotUserLoggedOn');
  assert.equal(byName('ForSteps').admin_rights, true);
  assert.equal(byName('ForPeople').run_when, undefined, 'left to the model default, userLoggedOn');
  assert.equal(byName('ForPeople').admin_rights, undefined, 'left to the model default, false');
  assert.equal(byName('Explicit').run_when, 'noUserLoggedOn');
  assert.equal(byName('Explicit').admin_rights, true);
});

test('forTaskSequence: true with settings a step would refuse is an error at synth, before any step uses the program', () => {
  const { stack } = newStack();
  office(stack).addProgram('Interactive', { commandLine: 'app.exe', forTaskSequence: true, runWhen: 'userLoggedOn', allowUserInteraction: true });
  assert.match(
    synthError(stack),
    /\[test\/Office\/Interactive\] installSoftware: with forTaskSequence set, an Install Software step installs program "Interactive" of package test\/Office, which cannot run in a task sequence: allowUserInteraction must be false; runWhen must not be "userLoggedOn"/,
  );
});

test('settings a step would refuse are no error while no step installs the program and forTaskSequence is not stated', () => {
  const { stack } = newStack();
  office(stack).addProgram('Interactive', { commandLine: 'app.exe', runWhen: 'userLoggedOn' });
  synth(stack);
});

test('a construct refused for its props is not left in the tree: the same id can be used for the corrected one', () => {
  const { stack } = newStack();
  assert.match(thrown(() => new SoftwarePackage(stack, 'Office', { name: 'x'.repeat(51), sourcePath: '\\\\cm01\\x' })), /^test\/Office: maxLength/);
  assert.equal(stack.node.tryFindChild('Office'), undefined);
  new SoftwarePackage(stack, 'Office', { name: 'Office', sourcePath: '\\\\cm01\\x' });
  assert.equal(Object.keys(synth(stack).resource.osd_package).length, 1);
});

test('a reference of the wrong kind given as a package is refused with the construct path', () => {
  const { stack } = newStack();
  assert.match(thrown(() => new Program(stack, 'Loose', { package: 'CM100012' as never, commandLine: 'x.exe' })), /^test\/Loose: package: expected a reference to a package .*got the string "CM100012"/);
});
