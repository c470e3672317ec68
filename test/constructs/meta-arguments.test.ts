import assert from 'node:assert/strict';
import { dependable } from 'cdktf';
import {
  ApplyDriverPackage,
  RestartComputer,
  BootImage,
  DriverPackage,
  InstallSoftware,
  OsImage,
  OsInstallPackage,
  SoftwarePackage,
  TaskSequence,
  UsmtPackage,
} from '../../constructs';
import { newStack, onlyResource, synth } from './helpers';

const drivers = { name: 'NIC', sourcePath: '\\\\cm01\\nic', drivers: [{ infFile: 'nic.inf', driverClass: 'Net' }] };

test('every object something can refer to is created before the one it replaces is destroyed; a task sequence is not', () => {
  const { stack } = newStack();
  const pkg = new SoftwarePackage(stack, 'App', { name: 'App', sourcePath: '\\\\cm01\\app' });
  pkg.addProgram('Install', { commandLine: 'setup.exe' });
  new UsmtPackage(stack, 'Usmt', { name: 'USMT', sourcePath: '\\\\cm01\\usmt', usmtVersion: '3.0', architecture: 'x86' });
  new OsImage(stack, 'Image', { name: 'Win7', version: '1', sourcePath: '\\\\cm01\\win7.wim' });
  new OsInstallPackage(stack, 'Setup', { name: 'Win7 setup', sourcePath: '\\\\cm01\\win7' });
  new BootImage(stack, 'Boot', { name: 'PE', sourcePath: '\\\\cm01\\boot.wim', architecture: 'x86' });
  new DriverPackage(stack, 'Nic', drivers);
  new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  const json = synth(stack);
  for (const type of ['osd_package', 'osd_program', 'osd_os_image', 'osd_os_install_package', 'osd_boot_image', 'osd_driver_package']) {
    for (const [name, resource] of Object.entries<any>(json.resource[type])) {
      assert.deepEqual(resource.lifecycle, { create_before_destroy: true }, `${type}.${name}`);
    }
  }
  assert.equal(onlyResource(json, 'osd_task_sequence').lifecycle, undefined);
});

test('a dependsOn the stack sets is kept, and merged with the programs the steps install', () => {
  const { stack } = newStack();
  const pkg = new SoftwarePackage(stack, 'App', { name: 'App', sourcePath: '\\\\cm01\\app' });
  const install = pkg.addProgram('Install', { commandLine: 'setup.exe' });
  const nic = new DriverPackage(stack, 'Nic', drivers);
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.resource.dependsOn = [dependable(nic.resource)];
  // A step added after the stack set dependsOn still adds its program.
  ts.addStep(new ApplyDriverPackage({ driverPackage: nic }), new RestartComputer({ target: 'installedOs' }), new InstallSoftware({ program: install }));
  pkg.resource.dependsOn = [dependable(nic.resource)];
  const json = synth(stack);
  assert.deepEqual(onlyResource(json, 'osd_task_sequence').depends_on, ['osd_driver_package.Nic', `osd_program.${Object.keys(json.resource.osd_program)[0]}`]);
  assert.deepEqual(onlyResource(json, 'osd_package').depends_on, ['osd_driver_package.Nic']);
  assert.equal(ts.resource.dependsOn?.length, 1, "the stack's own list is not changed by synth");
});

test('a lifecycle the stack sets is kept; create_before_destroy stays unless the stack says otherwise', () => {
  const { stack } = newStack();
  const kept = new DriverPackage(stack, 'Kept', drivers);
  kept.resource.lifecycle = { preventDestroy: true, ignoreChanges: ['description'] };
  const off = new DriverPackage(stack, 'Off', { ...drivers, name: 'NIC 2' });
  off.resource.lifecycle = { createBeforeDestroy: false };
  const ts = new TaskSequence(stack, 'Ts', { name: 'Deploy' });
  ts.resource.lifecycle = { preventDestroy: true };
  const json = synth(stack);
  assert.deepEqual(json.resource.osd_driver_package.Kept.lifecycle, { create_before_destroy: true, prevent_destroy: true, ignore_changes: ['description'] });
  assert.deepEqual(json.resource.osd_driver_package.Off.lifecycle, { create_before_destroy: false });
  assert.deepEqual(onlyResource(json, 'osd_task_sequence').lifecycle, { prevent_destroy: true });
});

test('the lifecycle is set when the construct is made, so the stack (or an aspect) reads it there', () => {
  const { stack } = newStack();
  assert.deepEqual(new DriverPackage(stack, 'Nic', drivers).resource.lifecycle, { createBeforeDestroy: true });
  assert.equal(new TaskSequence(stack, 'Ts', { name: 'Deploy' }).resource.lifecycle, undefined);
});
