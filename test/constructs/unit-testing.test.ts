/** What a stack author's own unit tests get: the rules in every synth, cdktf's matchers on the construct classes. */
import { setupJest } from 'cdktf/lib/testing/adapters/jest';
import assert from 'node:assert/strict';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  BootImage,
  ClientPackage,
  DeploymentServer,
  DriverPackage,
  InstallSoftware,
  OsdObject,
  PartitionDisk,
  Program,
  RunCommandLine,
  SoftwarePackage,
  TaskSequence,
  UsmtPackage,
  VendorToolsPackage,
} from '../../constructs';
import { DRIVER_PACKAGE_PROPS } from '../../constructs/props-spec';
import { ModelRegistry } from '../../constructs/registry';
import { newStack, thrown } from './helpers';

setupJest();

/** A stack that breaks R6: a hardware step after Partition Disk. */
function brokenStack(stack: TerraformStack): void {
  const tools = new VendorToolsPackage(stack, 'Dtk', { name: 'Dell DTK', sourcePath: '\\\\cm01\\dtk' });
  new TaskSequence(stack, 'Ts', { name: 'Servers' }).addStep(
    new PartitionDisk({ partitions: [{ size: 100 }] }),
    new RunCommandLine({ name: 'RAID', commandLine: 'raidcfg.exe', package: tools, hardware: 'raid' }),
  );
}

test('Testing.synth(stack) without validations still refuses a stack that breaks a rule, naming the construct and the rule', () => {
  const { stack } = newStack();
  brokenStack(stack);
  const message = thrown(() => Testing.synth(stack));
  assert.match(message, /^the stack "test" breaks the model's rules:\n {2}\[test\/Ts\] R6: hardware step "RAID" \(raid\) comes after step "Partition Disk" \(partitionDisk\)/);
});

test('so do Testing.synthScope and Testing.fullSynth, and the same rule fails Testing.synth(stack, true)', () => {
  assert.throws(() => Testing.synthScope((scope) => brokenStack(scope as TerraformStack)), /\[stack\/Ts\] R6: hardware step "RAID"/);
  const { stack } = newStack();
  brokenStack(stack);
  assert.throws(() => Testing.fullSynth(stack), /\[test\/Ts\] R6: hardware step "RAID"/);
  assert.throws(() => Testing.synth(stack, true), /\[test\/Ts\] R6: hardware step "RAID"/);
});

test('a change after a passing synth is checked again', () => {
  const { stack } = newStack();
  const ts = new TaskSequence(stack, 'Ts', { name: 'Servers' });
  ts.addStep(new PartitionDisk({ partitions: [{ size: 100 }] }));
  Testing.synth(stack);
  ts.addStep(new RunCommandLine({ name: 'RAID', commandLine: 'X:\\raidcfg.exe', hardware: 'raid' }));
  assert.throws(() => Testing.synth(stack), /R6: hardware step "RAID" \(raid\) comes after step "Partition Disk"/);
});

test("cdktf's jest matchers take the construct classes (the package classes share osd_package: role tells them apart)", () => {
  const synthesized = Testing.synthScope((scope) => {
    const office = new SoftwarePackage(scope, 'Office', { name: 'Office 2007', sourcePath: '\\\\cm01\\apps\\office' });
    new UsmtPackage(scope, 'Usmt', { name: 'USMT', sourcePath: '\\\\cm01\\usmt', usmtVersion: '3.0', architecture: 'x86' });
    new TaskSequence(scope, 'Deploy', { name: 'Deploy' }).addStep(new InstallSoftware({ program: office.addProgram('Install', { commandLine: 'setup.exe' }) }));
  });
  // Terraform's names: cdktf's jest matchers compare the synthesised JSON as it is.
  expect(synthesized).toHaveResourceWithProperties(SoftwarePackage, { name: 'Office 2007', role: 'software', source_path: '\\\\cm01\\apps\\office' });
  expect(synthesized).toHaveResourceWithProperties(UsmtPackage, { role: 'usmt', usmt: expect.objectContaining({ usmt_version: '3.0' }) });
  expect(synthesized).not.toHaveResourceWithProperties(ClientPackage, { role: 'client' });
  expect(synthesized).toHaveResourceWithProperties(Program, { name: 'Install', admin_rights: true, run_when: 'whetherOrNotUserLoggedOn' });
  expect(synthesized).toHaveResourceWithProperties(TaskSequence, { name: 'Deploy' });
  expect(synthesized).not.toHaveResource(DriverPackage);
  expect(synthesized).not.toHaveResource(BootImage);

  const stack = new TerraformStack(Testing.app(), 'with-server');
  new DeploymentServer(stack, 'Server', { endpoint: 'http://cm01:8780' });
  expect(Testing.synth(stack)).toHaveProviderWithProperties(DeploymentServer, { endpoint: 'http://cm01:8780' });
});

test('a normal synth checks each object once: validation and rendering share the result', () => {
  const app = new App({ outdir: Testing.app().outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'counted');
  new DeploymentServer(stack, 'Server');
  let checked = 0;
  const validationIds = ModelRegistry.of(stack).validationIds;
  // A construct made on the public base class, counting how often its value is stated for the rules.
  class CountedDrivers extends OsdObject {
    constructor() {
      super(stack, 'Drivers', {
        kind: 'driverPackage',
        props: { name: 'NIC', sourcePath: '\\\\cm01\\nic', drivers: [{ infFile: 'nic.inf', driverClass: 'Net' }] },
        specs: [DRIVER_PACKAGE_PROPS],
        more: (ids) => {
          if (ids === validationIds) checked++;
          return {};
        },
      });
    }
  }
  new CountedDrivers();
  app.synth();
  // cdktf renders the stack twice (preparing, then writing) and validates it once: one check in all.
  assert.equal(checked, 1);
});
