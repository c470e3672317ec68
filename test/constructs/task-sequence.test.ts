import assert from 'node:assert/strict';
import { TerraformVariable, type TerraformStack } from 'cdktf';
import {
  ApplyNetworkSettings,
  ApplyOperatingSystem,
  ApplyWindowsSettings,
  BootImage,
  CaptureUserState,
  ClientPackage,
  InstallSoftware,
  OsImage,
  PartitionDisk,
  Program,
  RestoreUserState,
  RunCommandLine,
  SetupWindowsAndConfigMgr,
  SoftwarePackage,
  TaskSequence,
  UsmtPackage,
  type IClientPackage,
  type IUsmtPackage,
} from '../../constructs';
import { newStack, onlyResource, stepsOf, synth, synthError, thrown, warnings } from './helpers';

function software(stack: TerraformStack) {
  const pkg = new SoftwarePackage(stack, 'Office', { name: 'Office 2007', sourcePath: '\\\\cm01\\apps\\office' });
  return { pkg, setup: pkg.addProgram('Install', { commandLine: 'setup.exe' }) };
}

const partition = () => new PartitionDisk({ partitions: [{ size: 100 }] });

test('steps and groups flatten into one list in document order, members naming their group', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  const outer = ts.addGroup('Outer', { description: 'outer group' });
  ts.addStep(new RunCommandLine({ name: 'after outer', commandLine: 'cmd /c echo 3' }));
  outer.addStep(new RunCommandLine({ name: 'in outer', commandLine: 'cmd /c echo 1' }));
  // A step added to a group after later steps were added still lands inside the group.
  outer.addGroup('Inner').addStep(new RunCommandLine({ name: 'in inner', commandLine: 'cmd /c echo 2' }));
  const steps = stepsOf(synth(stack));
  assert.deepEqual(
    steps.map((s) => [s.name, s.in_group ?? null, 'group' in s]),
    [
      ['Outer', null, true],
      ['in outer', 'Outer', false],
      ['Inner', 'Outer', true],
      ['in inner', 'Inner', false],
      ['after outer', null, false],
    ],
  );
  assert.deepEqual(steps[0], { name: 'Outer', description: 'outer group', group: {} });
  assert.equal(ts.steps.length, 3);
});

test('group names are unique within the sequence', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addGroup('Apps').addGroup('Nested');
  assert.match(thrown(() => ts.addGroup('Nested')), /test\/Ts: a group named "Nested" exists already in this task sequence/);
});

test('references render as tokens of the referenced resources; the sequence is created after the programs it installs', () => {
  const { stack } = newStack();
  const { setup } = software(stack);
  const boot = new BootImage(stack, 'Boot', { name: 'WinPE', sourcePath: '\\\\cm01\\boot\\boot.wim', architecture: 'x86' });
  const client = new ClientPackage(stack, 'Client');
  const image = new OsImage(stack, 'Image', { name: 'Win7', version: '1', sourcePath: '\\\\cm01\\img\\win7.wim' });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy', bootImage: boot });
  ts.addStep(
    new ApplyOperatingSystem({ imagePackage: image }),
    new SetupWindowsAndConfigMgr({ clientPackage: client }),
    new InstallSoftware({ program: setup }),
  );
  const json = synth(stack);
  const sequence = onlyResource(json, 'osd_task_sequence');
  assert.equal(sequence.boot_image_id, '${osd_boot_image.Boot.id}');
  assert.deepEqual(sequence.steps[0], { name: 'Apply Operating System', apply_operating_system: { image_package_id: '${osd_os_image.Image.id}' } });
  assert.equal(sequence.steps[1].setup_windows_and_config_mgr.client_package_id, '${osd_package.Client.id}');
  assert.deepEqual(sequence.steps[2].install_software, { package_id: '${osd_package.Office.id}', program_name: 'Install' });
  assert.deepEqual(sequence.depends_on, [`osd_program.${Object.keys(json.resource.osd_program)[0]}`]);
});

test('imported objects render their literal IDs; rules that need their content are left to the server', () => {
  const { stack } = newStack();
  const pkg = SoftwarePackage.fromPackageId(stack, 'Existing', 'CM100012');
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy', bootImage: BootImage.fromPackageId(stack, 'Boot', 'CM100001') });
  ts.addStep(
    new InstallSoftware({ program: Program.fromProgram(stack, 'Setup', pkg, 'setup') }),
    new CaptureUserState({ usmtPackage: UsmtPackage.fromPackageId(stack, 'Usmt', 'CM100002') }),
  );
  const sequence = onlyResource(synth(stack), 'osd_task_sequence');
  assert.equal(sequence.boot_image_id, 'CM100001');
  assert.deepEqual(sequence.steps[0].install_software, { package_id: 'CM100012', program_name: 'setup' });
  assert.equal(sequence.steps[1].capture_user_state.usmt_package_id, 'CM100002');
  assert.equal(sequence.depends_on, undefined);
});

test('Program.fromProgram stands for the program the app defines, and refuses (R2) one an app-defined package lacks', () => {
  const { stack } = newStack();
  const { pkg, setup } = software(stack);
  const found = Program.fromProgram(stack, 'Found', pkg, 'Install');
  assert.equal(found.programId, setup.programId);
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(new InstallSoftware({ name: 'Missing', program: Program.fromProgram(stack, 'Missing', pkg, 'NoSuchProgram') }));
  assert.match(synthError(stack), /\[test\/Ts\] R2: programName references program "NoSuchProgram" of package test\/Office, which does not exist on the server; create it first \(step "Missing"\)/);
});

test('R1: installing a program that runs another program first is refused at synth, with the construct path and the step', () => {
  const { stack } = newStack();
  const { pkg } = software(stack);
  // R1 is checked across objects: the program is defined after the sequence that installs it.
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  const runtime = pkg.addProgram('Runtime', { commandLine: 'vcredist.exe /q' });
  const chained = new Program(pkg, 'Chained', { package: pkg, commandLine: 'app.exe', runFirst: { program: runtime } });
  ts.addStep(new InstallSoftware({ name: 'Install app', program: chained }));
  const message = synthError(stack);
  assert.match(
    message,
    /\[test\/Ts\] R1: step "Install app" installs program "Chained" of package test\/Office, which runs program "Runtime" first; operating system deployment does not support that\. Remove runFirst and install "Runtime" in its own step before this one/,
  );
});

test('a program that needs a logged-on user cannot be installed by a step', () => {
  const { stack } = newStack();
  const { pkg } = software(stack);
  const interactive = pkg.addProgram('Interactive', { commandLine: 'app.exe', runWhen: 'userLoggedOn', adminRights: false });
  new TaskSequence(stack, 'Ts', { name: 'Deploy' }).addStep(new InstallSoftware({ program: interactive }));
  assert.match(synthError(stack), /\[test\/Ts\] installSoftware: step "Install Software" installs program "Interactive" .* adminRights must be true .*runWhen must not be "userLoggedOn"/);
});

test('R2: a step is refused a package of the wrong role, even when the type system was bypassed', () => {
  const { stack } = newStack();
  const { pkg } = software(stack);
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(new SetupWindowsAndConfigMgr({ name: 'Setup', clientPackage: pkg as unknown as IClientPackage }));
  assert.match(
    synthError(stack),
    /\[test\/Ts\] R2: clientPackage references package test\/Office \("Office 2007"\) whose role is "software"; a package with role "client" is required here/,
  );
});

test('R5: capture and restore need a USMT package; advanced mode needs rule files', () => {
  const { stack } = newStack();
  const { pkg } = software(stack);
  const usmt = new UsmtPackage(stack, 'Usmt', { name: 'USMT', sourcePath: '\\\\cm01\\usmt', usmtVersion: '3.0', architecture: 'x86' });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(
    new CaptureUserState({ name: 'Capture', usmtPackage: pkg as unknown as IUsmtPackage }),
    new RestoreUserState({ name: 'Restore', usmtPackage: usmt, mode: 'advanced' }),
  );
  const message = synthError(stack);
  assert.match(message, /\[test\/Ts\] R2: usmtPackage references package test\/Office .* a package with role "usmt" is required here/);
  assert.match(message, /\[test\/Ts\] R5: configFiles must name the rule files in advanced mode \(step "Restore"\)/);
});

test('R3: client installation properties are checked (switches first, known properties, closed values)', () => {
  const { stack } = newStack();
  const client = new ClientPackage(stack, 'Client');
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(new SetupWindowsAndConfigMgr({ name: 'Setup', clientPackage: client, installationProperties: 'SMSSITECODE=TOOLONG /mp:mp01' }));
  const message = synthError(stack);
  assert.match(message, /\[test\/Ts\] R3: .*switch "\/mp:mp01" comes after a property/);
  assert.match(message, /\[test\/Ts\] R3: .*SMSSITECODE has the value "TOOLONG"/);
});

test('R6: hardware steps before partitioning, in Windows PE, with tools from a tools package or the boot image', () => {
  const { stack } = newStack();
  const { pkg } = software(stack);
  const boot = new BootImage(stack, 'Boot', { name: 'WinPE', sourcePath: '\\\\cm01\\boot\\boot.wim', architecture: 'x64' });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy', bootImage: boot });
  ts.addStep(
    new RunCommandLine({ name: 'RAID with software package', commandLine: 'raid.exe', package: pkg, hardware: 'raid' }),
    partition(),
    new RunCommandLine({ name: 'BIOS late', commandLine: 'bios.exe', hardware: 'bios' }),
  );
  const message = synthError(stack);
  assert.match(message, /\[test\/Ts\] R6: hardware step "RAID with software package" \(raid\) uses package test\/Office whose role is "software"; vendor tools come from a package with role "tools"/);
  assert.match(message, /\[test\/Ts\] R6: hardware step "BIOS late" \(bios\) comes after step "Partition Disk" \(partitionDisk\); it must run before the disk is partitioned/);
  assert.match(message, /\[test\/Ts\] R6: hardware step "BIOS late" \(bios\) names no tools package and boot image test\/Boot includes no tools/);
});

test('R6: tools in an imported boot image are taken on trust at synth', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy', bootImage: BootImage.fromPackageId(stack, 'Boot', 'CM100001') });
  ts.addStep(new RunCommandLine({ commandLine: 'X:\\Tools\\raid.exe', hardware: 'raid' }), partition());
  synth(stack);
});

test('a step is checked when added: the sequence path, the step name, the field and the value', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  const message = thrown(() => ts.addStep(new ApplyWindowsSettings({ name: 'Settings', registeredUser: 'u', registeredOrganization: 'o', serverConnectionLimit: 4 })));
  assert.match(message, /^test\/Ts: step "Settings": minimum: serverConnectionLimit has the value 4: expected integer to be greater or equal to 5/);
  assert.match(thrown(() => ts.addStep(new RunCommandLine({ name: '', commandLine: 'x' }))), /test\/Ts: step "": minLength: name must have at least 1 character/);
});

test('a reference of the wrong kind or an ID string is refused when the step is added', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  const image = new OsImage(stack, 'Image', { name: 'Win7', version: '1', sourcePath: '\\\\cm01\\img\\win7.wim' });
  assert.match(thrown(() => ts.addStep(new RunCommandLine({ commandLine: 'x', package: image as never }))), /package: expected a reference to a package, got a os image/);
  assert.match(thrown(() => ts.addStep(new RunCommandLine({ commandLine: 'x', package: 'CM100012' as never }))), /package: expected a reference to a package .*got the string "CM100012"/);
});

test('secrets: a sensitive variable renders as a reference; a plain-text secret is warned about and never shown', () => {
  const { stack } = newStack();
  const joinPassword = new TerraformVariable(stack, 'join_password', { type: 'string', sensitive: true });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(
    new ApplyNetworkSettings({ joinType: 'domain', domain: 'corp', joinAccount: 'CORP\\join', joinPassword: joinPassword.stringValue }),
    new ApplyWindowsSettings({ registeredUser: 'u', registeredOrganization: 'o', randomLocalAdminPassword: false, localAdminPassword: 'Pa55word!' }),
  );
  const sequence = onlyResource(synth(stack), 'osd_task_sequence');
  assert.equal(sequence.steps[0].apply_network_settings.join_password, '${var.join_password}');
  const found = warnings(stack);
  assert.equal(found.length, 1);
  assert.match(found[0], /test\/Ts: \/steps\/1\/applyWindowsSettings\/localAdminPassword is a secret given as plain text/);
  assert.doesNotMatch(found[0], /Pa55word/);
});

test('secrets: an error about a secret never shows its value', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  const tooLong = 'hunter2-'.repeat(40);
  const message = thrown(() => ts.addStep(new ApplyWindowsSettings({ registeredUser: 'u', registeredOrganization: 'o', randomLocalAdminPassword: false, localAdminPassword: tooLong })));
  assert.match(message, /localAdminPassword is 320 characters long/);
  assert.doesNotMatch(message, /hunter2/);
});

test('a required secret missing is reported by the rules, as the server would', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(new ApplyNetworkSettings({ name: 'Join', joinType: 'domain', domain: 'corp', joinAccount: 'CORP\\join' }));
  assert.match(synthError(stack), /\[test\/Ts\] required: joinPassword is required to join a domain \(step "Join"\)/);
});

test('values only Terraform knows (tokens) are not judged, and the rest is still checked', () => {
  const { stack } = newStack();
  const { pkg } = software(stack);
  const disk = new TerraformVariable(stack, 'disk', { type: 'number' });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(
    new PartitionDisk({ name: 'Partition', diskIndex: disk.numberValue, partitions: [{ size: 100 }] }),
    new RunCommandLine({ name: 'Late RAID', commandLine: `raid.exe ${disk.stringValue}`, package: pkg, hardware: 'raid' }),
  );
  const message = synthError(stack);
  assert.doesNotMatch(message, /diskIndex/);
  assert.match(message, /R6: hardware step "Late RAID" \(raid\) comes after step "Partition"/);
});

test('advice is a warning, not an error: synth succeeds', () => {
  const { stack } = newStack();
  new OsImage(stack, 'Image', { name: 'Win7', sourcePath: '\\\\cm01\\img\\win7.wim', bakedProperties: 'SMSSITECODE=CM1' });
  synth(stack);
  const [r7, r8, ...more] = warnings(stack);
  assert.match(r7 ?? '', /^test\/Image: R7: the image has no version\./);
  assert.match(r8 ?? '', /^test\/Image: R8: the image has installation or setup properties baked in \(bakedProperties\)\./);
  assert.deepEqual(more, []);
});

test('secretsVersion: a <secret>_wo_version beside every secret set, so a rotated secret is sent again', () => {
  const { stack } = newStack();
  const password = new TerraformVariable(stack, 'join_password', { type: 'string', sensitive: true });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy', secretsVersion: 3 });
  ts.addStep(
    new ApplyNetworkSettings({ joinType: 'domain', domain: 'corp', joinAccount: 'CORP\\join', joinPassword: password.stringValue }),
    new ApplyWindowsSettings({ registeredUser: 'u', registeredOrganization: 'o' }),
  );
  const [join, settings] = onlyResource(synth(stack), 'osd_task_sequence').steps;
  assert.equal(join.apply_network_settings.join_password_wo_version, 3);
  assert.equal(settings.apply_windows_settings.local_admin_password_wo_version, undefined, 'only beside secrets that are set');
  assert.match(thrown(() => new TaskSequence(stack, 'Bad', { name: 'x', secretsVersion: -1 })), /test\/Bad: secretsVersion is -1; expected a whole number/);
});

test('Program.fromProgram may come before the program it names: the reference is looked up when used', () => {
  const { stack } = newStack();
  const pkg = new SoftwarePackage(stack, 'Office', { name: 'Office 2007', sourcePath: '\\\\cm01\\apps\\office' });
  const early = Program.fromProgram(stack, 'Early', pkg, 'Install');
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(new InstallSoftware({ program: early }));
  pkg.addProgram('Install', { commandLine: 'setup.exe' });
  const json = synth(stack);
  const sequence = onlyResource(json, 'osd_task_sequence');
  assert.deepEqual(sequence.steps[0].install_software, { package_id: '${osd_package.Office.id}', program_name: 'Install' });
  assert.deepEqual(sequence.depends_on, [`osd_program.${Object.keys(json.resource.osd_program)[0]}`]);
  assert.match(thrown(() => Program.fromProgram(stack, 'Bad', 'CM100012' as never, 'Install')), /^test\/Bad: pkg: expected a reference to a package/);
});
