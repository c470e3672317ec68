import assert from 'node:assert/strict';
import { TerraformVariable } from 'cdktf';
import * as osd from '../../constructs';
import { ACTION_NAMES, toTerraformName, type ActionName } from '../../lib/model';
import { newStack, stepsOf, synth, synthError } from './helpers';

type Stack = ReturnType<typeof newStack>['stack'];

/**
 * One instance of every step class, with the smallest props it takes, in an order R6 accepts: the
 * old Windows first, a restart into Windows PE, the disk and the new Windows, then a capture.
 */
function oneOfEach(stack: Stack): osd.ActionStep<Exclude<ActionName, 'group'>>[] {
  const pkg = new osd.SoftwarePackage(stack, 'App', { name: 'App', sourcePath: '\\\\cm01\\app' });
  const usmt = new osd.UsmtPackage(stack, 'Usmt', { name: 'USMT', sourcePath: '\\\\cm01\\usmt', usmtVersion: '3.0', architecture: 'x86' });
  const client = new osd.ClientPackage(stack, 'Client');
  const image = new osd.OsImage(stack, 'Image', { name: 'Win7', version: '1', sourcePath: '\\\\cm01\\win7.wim' });
  const data = new osd.OsImage(stack, 'Data', { name: 'Data', version: '1', sourcePath: '\\\\cm01\\data.wim' });
  const drivers = new osd.DriverPackage(stack, 'Drivers', { name: 'NIC', sourcePath: '\\\\cm01\\nic', drivers: [{ infFile: 'nic.inf', driverClass: 'Net' }] });
  const sysprep = new osd.SoftwarePackage(stack, 'Sysprep', { name: 'Sysprep XP', sourcePath: '\\\\cm01\\sysprep' });
  return [
    new osd.CaptureNetworkSettings(),
    new osd.CaptureWindowsSettings(),
    new osd.RequestStateStore({ purpose: 'capture' }),
    new osd.CaptureUserState({ usmtPackage: usmt }),
    new osd.ReleaseStateStore(),
    new osd.ConnectToNetworkFolder({ path: '\\\\cm01\\logs', account: 'CORP\\logs', accountPassword: 'unused-in-this-test' }),
    new osd.SetTaskSequenceVariable({ variableName: 'OSDComputerName', value: '%_SMSTSMachineName%' }),
    new osd.DisableBitLocker(),
    new osd.RestartComputer({ target: 'windowsPe' }),
    new osd.RunCommandLine({ commandLine: 'cmd /c ver' }),
    new osd.PartitionDisk({ partitions: [{ size: 100 }] }),
    new osd.ConvertDiskToDynamic(),
    new osd.ApplyOperatingSystem({ imagePackage: image }),
    new osd.ApplyDataImage({ imagePackage: data }),
    new osd.AutoApplyDrivers(),
    new osd.ApplyDriverPackage({ driverPackage: drivers }),
    new osd.ApplyWindowsSettings({ registeredUser: 'u', registeredOrganization: 'o' }),
    new osd.ApplyNetworkSettings(),
    new osd.SetupWindowsAndConfigMgr({ clientPackage: client }),
    new osd.JoinDomainOrWorkgroup({ joinType: 'workgroup', workgroup: 'LAB' }),
    new osd.InstallSoftware({ program: pkg.addProgram('Install', { commandLine: 'setup.exe', adminRights: true, runWhen: 'noUserLoggedOn' }) }),
    new osd.InstallSoftwareUpdates(),
    new osd.RestoreUserState({ usmtPackage: usmt }),
    new osd.EnableBitLocker({ keyManagement: 'tpm' }),
    new osd.InstallDeploymentTools({ sysprepPackage: sysprep }),
    new osd.PrepareConfigMgrClientForCapture(),
    new osd.PrepareWindowsForCapture(),
    new osd.CaptureOperatingSystemImage({ destination: '\\\\cm01\\cap\\x.wim', captureAccount: 'CORP\\cap', capturePassword: 'unused-in-this-test' }),
  ];
}

const withBootImage = (stack: Stack) => new osd.TaskSequence(stack, 'Ts', { name: 'All steps', bootImage: osd.BootImage.fromPackageId(stack, 'Pe', 'CM100001') });

test('there is a typed step class for every action of the model', () => {
  const { stack } = newStack();
  const covered = oneOfEach(stack).map((s) => s.action);
  assert.deepEqual([...new Set(covered)].sort(), ACTION_NAMES.filter((a) => a !== 'group').sort());
});

test('each step renders exactly one action under its snake_case name, with the console name by default; the sequence passes R6', () => {
  const { stack } = newStack();
  const all = oneOfEach(stack);
  withBootImage(stack).addStep(...all);
  const steps = stepsOf(synth(stack));
  assert.deepEqual(
    steps.map((s) => Object.keys(s).filter((k) => k !== 'name')),
    all.map((s) => [toTerraformName(s.action)]),
  );
  assert.deepEqual(steps.map((s) => s.name), [
    'Capture Network Settings',
    'Capture Windows Settings',
    'Request State Store',
    'Capture User State',
    'Release State Store',
    'Connect To Network Folder',
    'Set Task Sequence Variable',
    'Disable BitLocker',
    'Restart Computer',
    'Run Command Line',
    'Partition Disk',
    'Convert Disk to Dynamic',
    'Apply Operating System',
    'Apply Data Image',
    'Auto Apply Drivers',
    'Apply Driver Package',
    'Apply Windows Settings',
    'Apply Network Settings',
    'Setup Windows and ConfigMgr',
    'Join Domain or Workgroup',
    'Install Software',
    'Install Software Updates',
    'Restore User State',
    'Enable BitLocker',
    'Install Deployment Tools',
    'Prepare ConfigMgr Client for Capture',
    'Prepare Windows for Capture',
    'Capture Operating System Image',
  ]);
  assert.deepEqual(steps[4].release_state_store, {});
  assert.deepEqual(steps[8].restart_computer, { target: 'windowsPe' });
  assert.deepEqual(steps[13].apply_data_image, { image_package_id: '${osd_os_image.Data.id}' });
  assert.deepEqual(steps[24].install_deployment_tools, { sysprep_package_id: '${osd_package.Sysprep.id}' });
});

test('the new steps take their fields by intent, references typed; secrets stay tokens', () => {
  const { stack } = newStack();
  const pin = new TerraformVariable(stack, 'pin', { type: 'string', sensitive: true }).stringValue;
  const answers = new osd.SoftwarePackage(stack, 'Answers', { name: 'Answer files', sourcePath: '\\\\cm01\\unattend' });
  const image = new osd.OsImage(stack, 'Image', { name: 'Win7', version: '1', sourcePath: '\\\\cm01\\win7.wim' });
  withBootImage(stack).addStep(
    new osd.RunCommandLine({ name: 'Backup', commandLine: 'backup.cmd', outputVariable: 'BackupResult', runAsUser: true, runAsAccount: 'CORP\\backup', runAsPassword: pin }),
    new osd.RestartComputer({ name: 'To PE', target: 'windowsPe', message: 'Reinstalling', notificationSeconds: 60 }),
    new osd.PartitionDisk({ style: 'gpt', gptBootDisk: true, partitions: [{ type: 'efi', size: 100, sizeUnit: 'MB', fileSystem: 'fat32' }, { type: 'msr', size: 128, sizeUnit: 'MB' }, { size: 100, name: 'Windows', letterVariable: 'OSDisk' }] }),
    new osd.ApplyOperatingSystem({ imagePackage: image, configFilePackage: answers, configFileName: 'unattend.xml', destination: 'variable', variable: 'OSDisk' }),
    new osd.ApplyWindowsSettings({ registeredUser: 'u', registeredOrganization: 'o', inputLocale: 'de-DE', userLocale: 'de-CH', computerName: '%OSDComputerName%' }),
    new osd.SetupWindowsAndConfigMgr({ clientPackage: new osd.ClientPackage(stack, 'Client') }),
    new osd.EnableBitLocker({ keyManagement: 'tpmAndPin', pin, waitForEncryption: true }),
  );
  const [run, restart, partition, apply, settings, , bitlocker] = stepsOf(synth(stack));
  assert.deepEqual(run.run_command_line, {
    command_line: 'backup.cmd',
    output_variable: 'BackupResult',
    run_as_user: true,
    run_as_account: 'CORP\\backup',
    run_as_password: '${var.pin}',
  });
  assert.deepEqual(restart.restart_computer, { target: 'windowsPe', message: 'Reinstalling', notification_seconds: 60 });
  assert.equal(partition.partition_disk.gpt_boot_disk, true);
  assert.equal(partition.partition_disk.partitions[0].type, 'efi');
  assert.deepEqual(apply.apply_operating_system, {
    image_package_id: '${osd_os_image.Image.id}',
    config_file_package_id: '${osd_package.Answers.id}',
    config_file_name: 'unattend.xml',
    destination: 'variable',
    variable: 'OSDisk',
  });
  assert.equal(settings.apply_windows_settings.input_locale, 'de-DE');
  assert.equal(bitlocker.enable_bit_locker.pin, '${var.pin}');
});

test('cross-field rules of the new steps are reported at synth with the prop and the step', () => {
  const { stack } = newStack();
  withBootImage(stack).addStep(
    new osd.PartitionDisk({ partitions: [{ size: 100 }] }),
    new osd.SetTaskSequenceVariable({ name: 'Hide', variableName: 'Secret', hideValue: true, value: 'visible' }),
    new osd.RunCommandLine({ name: 'As user', commandLine: 'x.cmd', runAsUser: true }),
    new osd.EnableBitLocker({ name: 'No mode' }),
  );
  const message = synthError(stack);
  assert.match(message, /required: hiddenValue is required when hideValue is true \(step "Hide"\)/);
  assert.match(message, /unused: value is only used when hideValue is false/);
  assert.match(message, /required: runAsAccount is required when runAsUser is true \(step "As user"\)/);
  // Run as a user is for the full OS; the sequence is in Windows PE here.
  assert.match(message, /R6: step "As user" \(runCommandLine\) runs only in the full OS \(it runs as a user, which Windows PE cannot\), but the sequence starts in Windows PE/);
  assert.match(message, /R6: step "No mode" \(enableBitLocker\) runs only in the full OS/);
  assert.match(message, /required: keyManagement is required for the operating system drive/);
});

test('common settings: description, enabled, continueOnError and a condition', () => {
  const { stack } = newStack();
  const ts = new osd.TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.addStep(
    new osd.RunCommandLine({
      name: 'Only on x64',
      description: 'why',
      enabled: false,
      continueOnError: true,
      condition: osd.Condition.any(osd.Condition.operatingSystem('x64'), osd.Condition.variable('Force', 'exists')),
      commandLine: 'cmd /c ver',
      successCodes: [0, 3010, 1641],
    }),
  );
  const step = stepsOf(synth(stack))[0];
  assert.deepEqual(Object.keys(step).sort(), ['condition', 'continue_on_error', 'description', 'enabled', 'name', 'run_command_line']);
  assert.equal(step.condition.match, 'any');
  assert.equal(step.condition.conditions[0].operating_system.platforms[0].architecture, 'x64');
  assert.deepEqual(step.condition.conditions[1], { variable: { name: 'Force', operator: 'exists' } });
  assert.deepEqual(step.run_command_line, { command_line: 'cmd /c ver', success_codes: [0, 3010, 1641] });
});

test('CaptureOperatingSystemImage: the step description and the image description are kept apart', () => {
  const { stack } = newStack();
  const ts = withBootImage(stack);
  ts.addStep(
    new osd.CaptureOperatingSystemImage({
      description: 'captures the reference computer',
      imageDescription: 'Windows 7 with Office',
      destination: '\\\\cm01\\cap\\x.wim',
      captureAccount: 'CORP\\cap',
      capturePassword: 'unused-in-this-test',
    }),
  );
  const step = stepsOf(synth(stack))[0];
  assert.equal(step.description, 'captures the reference computer');
  assert.equal(step.capture_operating_system_image.description, 'Windows 7 with Office');
});
