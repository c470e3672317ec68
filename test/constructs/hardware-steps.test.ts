import assert from 'node:assert/strict';
import { BootImage, ConfigureRaid, FlashBios, PartitionDisk, TaskSequence, VendorToolsPackage } from '../../constructs';
import { newStack, stepsOf, synth } from './helpers';

test('ConfigureRaid: a runCommandLine step marked raid, from the tools package, for one model, in Windows PE', () => {
  const { stack } = newStack();
  const dtk = new VendorToolsPackage(stack, 'Dtk', { name: 'Dell DTK', sourcePath: '\\\\cm01\\tools\\dtk' });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Servers' });
  ts.addStep(new ConfigureRaid({ computerModel: 'PowerEdge R710', tools: dtk, tool: 'raidcfg.exe', configFileSwitch: '-i=', configFile: 'raid\\r710-raid5.ini' }));
  ts.addStep(new PartitionDisk({ partitions: [{ size: 100 }] }));
  assert.deepEqual(stepsOf(synth(stack))[0], {
    name: 'Configure RAID (PowerEdge R710)',
    condition: {
      match: 'all',
      conditions: [
        { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'true' } },
        { wmi_query: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%PowerEdge R710%'" } },
      ],
    },
    run_command_line: { command_line: 'raidcfg.exe -i=raid\\r710-raid5.ini', package_id: '${osd_package.Dtk.id}', hardware: 'raid' },
  });
});

test('FlashBios with tools included in the boot image; parameters and a quoted file', () => {
  const { stack } = newStack();
  const boot = new BootImage(stack, 'Boot', {
    name: 'WinPE x64',
    sourcePath: '\\\\cm01\\boot\\boot.wim',
    architecture: 'x64',
    includedTools: [{ name: 'conrep', path: 'X:\\Tools\\conrep.exe' }],
  });
  const ts = new TaskSequence(stack, 'Ts', { name: 'Servers', bootImage: boot });
  const step = new FlashBios({
    name: 'HP BIOS settings',
    computerModel: 'ProLiant DL380 G6',
    tool: 'X:\\Tools\\conrep.exe',
    parameters: '-l',
    configFileSwitch: '-f',
    configFile: 'X:\\Tools\\bios settings.xml',
    timeoutMinutes: 20,
  });
  assert.equal(step.hardware, 'bios');
  ts.addStep(step);
  const rendered = stepsOf(synth(stack))[0];
  assert.equal(rendered.name, 'HP BIOS settings');
  assert.deepEqual(rendered.run_command_line, { command_line: 'X:\\Tools\\conrep.exe -l -f"X:\\Tools\\bios settings.xml"', timeout_minutes: 20, hardware: 'bios' });
});

test('a hardware step needs settings and a model', () => {
  assert.throws(() => new FlashBios({ computerModel: 'PowerEdge R710', tool: 'flash.exe' }), /Flash BIOS \(PowerEdge R710\): give the settings as configFile or parameters/);
  assert.throws(() => new ConfigureRaid({ computerModel: '', tool: 'raidcfg.exe', parameters: '-ac=cvd' }), /Configure RAID: computerModel is empty/);
});
