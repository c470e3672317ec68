import assert from 'node:assert/strict';
import * as osd from '../../constructs';
import { ACTION_NAMES, type ActionName } from '../../lib/model';
import { newStack, stepsOf, synth } from './helpers';

/** One instance of every step class, with the smallest props it takes. */
function oneOfEach(stack: ReturnType<typeof newStack>['stack']): osd.ActionStep<Exclude<ActionName, 'group'>>[] {
  const pkg = new osd.SoftwarePackage(stack, 'App', { name: 'App', sourcePath: '\\\\cm01\\app' });
  const usmt = new osd.UsmtPackage(stack, 'Usmt', { name: 'USMT', sourcePath: '\\\\cm01\\usmt', usmtVersion: '3.0', architecture: 'x86' });
  const client = new osd.ClientPackage(stack, 'Client');
  const image = new osd.OsImage(stack, 'Image', { name: 'Win7', version: '1', sourcePath: '\\\\cm01\\win7.wim' });
  const drivers = new osd.DriverPackage(stack, 'Drivers', { name: 'NIC', sourcePath: '\\\\cm01\\nic', drivers: [{ infFile: 'nic.inf', driverClass: 'Net' }] });
  return [
    new osd.PartitionDisk({ partitions: [{ size: 100 }] }),
    new osd.ApplyOperatingSystem({ imagePackage: image }),
    new osd.ApplyDriverPackage({ driverPackage: drivers }),
    new osd.ApplyWindowsSettings({ registeredUser: 'u', registeredOrganization: 'o' }),
    new osd.ApplyNetworkSettings(),
    new osd.SetupWindowsAndConfigMgr({ clientPackage: client }),
    new osd.RunCommandLine({ commandLine: 'cmd /c ver' }),
    new osd.InstallSoftware({ program: pkg.addProgram('Install', { commandLine: 'setup.exe' }) }),
    new osd.RequestStateStore({ purpose: 'capture' }),
    new osd.CaptureUserState({ usmtPackage: usmt }),
    new osd.RestoreUserState({ usmtPackage: usmt }),
    new osd.ReleaseStateStore(),
    new osd.PrepareWindowsForCapture(),
    new osd.CaptureOperatingSystemImage({ destination: '\\\\cm01\\cap\\x.wim', captureAccount: 'CORP\\cap', capturePassword: 'unused-in-this-test' }),
  ];
}

test('there is a typed step class for every action of the model', () => {
  const { stack } = newStack();
  const covered = new Set(oneOfEach(stack).map((s) => s.action));
  assert.deepEqual([...covered].sort(), ACTION_NAMES.filter((a) => a !== 'group').sort());
});

test('each step renders exactly one action under its snake_case name, with the console name by default', () => {
  const { stack } = newStack();
  const ts = new osd.TaskSequence(stack, 'Ts', { name: 'All steps' });
  ts.addStep(...oneOfEach(stack));
  const steps = stepsOf(synth(stack));
  assert.deepEqual(
    steps.map((s) => [s.name, Object.keys(s).filter((k) => k !== 'name')]),
    [
      ['Partition Disk', ['partition_disk']],
      ['Apply Operating System', ['apply_operating_system']],
      ['Apply Driver Package', ['apply_driver_package']],
      ['Apply Windows Settings', ['apply_windows_settings']],
      ['Apply Network Settings', ['apply_network_settings']],
      ['Setup Windows and ConfigMgr', ['setup_windows_and_config_mgr']],
      ['Run Command Line', ['run_command_line']],
      ['Install Software', ['install_software']],
      ['Request State Store', ['request_state_store']],
      ['Capture User State', ['capture_user_state']],
      ['Restore User State', ['restore_user_state']],
      ['Release State Store', ['release_state_store']],
      ['Prepare Windows for Capture', ['prepare_windows_for_capture']],
      ['Capture Operating System Image', ['capture_operating_system_image']],
    ],
  );
  assert.deepEqual(steps[11].release_state_store, {});
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
      condition: osd.Condition.operatingSystem('x64'),
      commandLine: 'cmd /c ver',
      successCodes: [0, 3010, 1641],
    }),
  );
  assert.deepEqual(stepsOf(synth(stack))[0], {
    name: 'Only on x64',
    description: 'why',
    enabled: false,
    continue_on_error: true,
    condition: { operating_systems: [{ architecture: 'x64' }] },
    run_command_line: { command_line: 'cmd /c ver', success_codes: [0, 3010, 1641] },
  });
});

test('CaptureOperatingSystemImage: the step description and the image description are kept apart', () => {
  const { stack } = newStack();
  const ts = new osd.TaskSequence(stack, 'Ts', { name: 'Capture' });
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
