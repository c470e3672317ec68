import assert from 'node:assert/strict';
import { BootImage, DriverPackage, OsImage, OsInstallPackage } from '../../constructs';
import { newStack, onlyResource, synth, synthError, thrown, warnings } from './helpers';

const win7 = { name: 'Windows 7 Enterprise', version: '2010.06', sourcePath: '\\\\cm01\\captures\\win7.wim' };

test('OsImage renders osd_os_image with its images and preinstalled applications', () => {
  const { stack } = newStack();
  new OsImage(stack, 'Win7', { ...win7, images: [{ index: 1, name: 'Win7' }], preinstalledApplications: [{ name: 'Office 2007', sysprepCapable: true }] });
  assert.deepEqual(onlyResource(synth(stack), 'osd_os_image'), {
    name: 'Windows 7 Enterprise',
    version: '2010.06',
    source_path: '\\\\cm01\\captures\\win7.wim',
    images: [{ index: 1, name: 'Win7' }],
    preinstalled_applications: [{ name: 'Office 2007', sysprep_capable: true }],
    lifecycle: { create_before_destroy: true },
  });
  assert.deepEqual(warnings(stack), []);
});

test('R7: an application Sysprep cannot generalise is refused at synth, with the path and the application', () => {
  const { stack } = newStack();
  new OsImage(stack, 'Win7', { ...win7, preinstalledApplications: [{ name: 'Office 2007', sysprepCapable: true }, { name: 'AV agent', sysprepCapable: false }] });
  assert.match(
    synthError(stack),
    /\[test\/Win7\] R7: preinstalled application "AV agent" cannot be generalised by Sysprep, so it cannot be in an image; install it with an Install Software step instead/,
  );
});

test('R7: an image without a version is advised to have one', () => {
  const { stack } = newStack();
  new OsImage(stack, 'Win7', { name: 'Windows 7', sourcePath: '\\\\cm01\\captures\\win7.wim' });
  synth(stack);
  assert.match(warnings(stack).join('\n'), /test\/Win7: R7: the image has no version/);
});

test('R8: baked-in properties are advised against, with the trade-off', () => {
  const { stack } = newStack();
  new OsImage(stack, 'Win7', { ...win7, bakedProperties: 'SMSSITECODE=CM1' });
  synth(stack);
  const found = warnings(stack);
  assert.equal(found.length, 1);
  assert.match(found[0], /test\/Win7: R8: .*Each distinct set of properties needs its own image; .*fewer images, at the cost of longer deployments/);
});

test('R8: two images differing only by baked-in properties are pointed out on the second', () => {
  const { stack } = newStack();
  const apps = [{ name: 'Office 2007', sysprepCapable: true }];
  new OsImage(stack, 'SiteA', { ...win7, name: 'Win7 site A', sourcePath: '\\\\cm01\\captures\\a.wim', preinstalledApplications: apps, bakedProperties: 'SMSSITECODE=CM1' });
  new OsImage(stack, 'SiteB', { ...win7, name: 'Win7 site B', sourcePath: '\\\\cm01\\captures\\b.wim', preinstalledApplications: apps, bakedProperties: 'SMSSITECODE=CM2' });
  new OsImage(stack, 'Other', { ...win7, name: 'Win7 no office', sourcePath: '\\\\cm01\\captures\\c.wim', bakedProperties: 'SMSSITECODE=CM3' });
  synth(stack);
  const pairs = warnings(stack).filter((w) => w.includes('differ only'));
  assert.equal(pairs.length, 1, pairs.join('\n'));
  assert.match(pairs[0], /^test\/SiteB: R8: this image and test\/SiteA differ only by their baked-in properties/);
});

test('OsImage: the source must be a .wim', () => {
  const { stack } = newStack();
  assert.match(thrown(() => new OsImage(stack, 'Bad', { ...win7, sourcePath: '\\\\cm01\\captures\\win7.iso' })), /test\/Bad: pattern: sourcePath has the value/);
});

test('OsInstallPackage renders osd_os_install_package', () => {
  const { stack } = newStack();
  new OsInstallPackage(stack, 'Setup', { name: 'Windows 7 setup', sourcePath: '\\\\cm01\\os\\win7', editions: [{ index: 1, name: 'ENTERPRISE' }] });
  assert.deepEqual(onlyResource(synth(stack), 'osd_os_install_package').editions, [{ index: 1, name: 'ENTERPRISE' }]);
});

test('BootImage: driver packages as references, included tools, command prompt; the architecture is checked', () => {
  const { stack } = newStack();
  const storage = new DriverPackage(stack, 'Perc', {
    name: 'PERC 6/i',
    sourcePath: '\\\\cm01\\drivers\\perc6',
    drivers: [{ infFile: 'percsas.inf', driverClass: 'SCSIAdapter', bootCritical: true }],
  });
  new BootImage(stack, 'Boot', {
    name: 'WinPE x64',
    sourcePath: '\\\\cm01\\boot\\x64\\boot.wim',
    architecture: 'x64',
    driverPackages: [storage, DriverPackage.fromPackageId(stack, 'Nic', 'CM100030')],
    enableCommandPrompt: true,
    includedTools: [{ name: 'raidcfg', path: 'X:\\Tools\\raidcfg.exe' }],
  });
  const json = synth(stack);
  const boot = onlyResource(json, 'osd_boot_image');
  assert.deepEqual(boot.driver_package_ids, ['${osd_driver_package.Perc.id}', 'CM100030']);
  assert.equal(boot.enable_command_prompt, true);
  assert.deepEqual(boot.included_tools, [{ name: 'raidcfg', path: 'X:\\Tools\\raidcfg.exe' }]);
  assert.deepEqual(onlyResource(json, 'osd_driver_package').drivers, [{ inf_file: 'percsas.inf', driver_class: 'SCSIAdapter', boot_critical: true }]);
  assert.match(
    thrown(() => new BootImage(stack, 'Arm', { name: 'x', sourcePath: '\\\\cm01\\boot.wim', architecture: 'arm64' as never })),
    /test\/Arm: enum: architecture has the value "arm64"; expected one of "x86", "x64"/,
  );
});

test('DriverPackage: at least one driver, INF files only', () => {
  const { stack } = newStack();
  assert.match(thrown(() => new DriverPackage(stack, 'Empty', { name: 'x', sourcePath: '\\\\cm01\\d', drivers: [] })), /test\/Empty: minItems: drivers has 0 item/);
  assert.match(
    thrown(() => new DriverPackage(stack, 'Sys', { name: 'x', sourcePath: '\\\\cm01\\d', drivers: [{ infFile: 'perc.sys', driverClass: 'SCSIAdapter' }] })),
    /test\/Sys: pattern: drivers\[0\]\.infFile has the value "perc.sys"/,
  );
});
