import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { App, Testing, type TerraformStack } from 'cdktf';
import { buildApp } from '../../main';
import { ReferenceBuildStack, ServerRolloutStack, WorkstationRefreshStack } from '../../stacks';

jest.setTimeout(120_000);

const projectRoot = join(__dirname, '..', '..');

/** Synthesises a stack with validations; returns the parsed JSON and the warnings. */
function synthStack(stack: TerraformStack): { json: Record<string, any>; warnings: string[] } {
  const json = JSON.parse(Testing.synth(stack, true));
  const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `${c.node.path}: ${m.data}`));
  return { json, warnings };
}

const count = (json: Record<string, any>, type: string) => Object.keys(json.resource?.[type] ?? {}).length;
const steps = (json: Record<string, any>) => (Object.values(json.resource.osd_task_sequence)[0] as any).steps as any[];
const actionOf = (step: any) => Object.keys(step).find((k) => !['name', 'description', 'enabled', 'continue_on_error', 'in_group', 'condition'].includes(k));
const testApp = () => Testing.app({ stackTraces: false });

test('reference build: boot image, setup files, client, software, and the build-and-capture sequence in order', () => {
  const { json, warnings } = synthStack(new ReferenceBuildStack(testApp(), 'reference-build'));
  assert.deepEqual(warnings, []);
  assert.equal(count(json, 'osd_boot_image'), 1);
  assert.equal(count(json, 'osd_os_install_package'), 1);
  assert.equal(count(json, 'osd_package'), 2);
  assert.equal(count(json, 'osd_program'), 1);
  assert.deepEqual(steps(json).map(actionOf), [
    'partition_disk',
    'apply_operating_system',
    'apply_windows_settings',
    'apply_network_settings',
    'setup_windows_and_config_mgr',
    'group',
    'install_software',
    'prepare_windows_for_capture',
    'capture_operating_system_image',
  ]);
  const [, apply, , , setup, , install, , capture] = steps(json);
  assert.equal(apply.apply_operating_system.install_package_id, '${osd_os_install_package.Windows7Setup.id}');
  assert.equal(setup.setup_windows_and_config_mgr.client_package_id, '${osd_package.Client.id}');
  assert.deepEqual(install.install_software, { package_id: '${osd_package.Office2007.id}', program_name: 'Install' });
  assert.equal(install.in_group, 'Install applications');
  assert.equal(capture.capture_operating_system_image.capture_password, '${var.capture_password}');
  assert.equal(json.variable.capture_password.sensitive, true);
});

test('workstation refresh: USMT capture and restore around the new image; client properties on the step', () => {
  const { json, warnings } = synthStack(new WorkstationRefreshStack(testApp(), 'workstation-refresh'));
  assert.deepEqual(warnings, []);
  assert.equal(count(json, 'osd_os_image'), 1);
  const usmt = Object.values<any>(json.resource.osd_package).find((p) => p.role === 'usmt');
  assert.deepEqual(usmt.usmt, { usmt_version: '3.0', architecture: 'x86', rule_files: ['MigApp.xml', 'MigUser.xml', 'MigSys.xml'] });
  const all = steps(json);
  assert.deepEqual(all.map(actionOf), [
    'group',
    'request_state_store',
    'capture_user_state',
    'release_state_store',
    'restart_computer',
    'apply_operating_system',
    'apply_windows_settings',
    'apply_network_settings',
    'setup_windows_and_config_mgr',
    'group',
    'request_state_store',
    'restore_user_state',
    'release_state_store',
    'install_software',
  ]);
  assert.equal(all[1].request_state_store.purpose, 'capture');
  assert.equal(all[2].capture_user_state.usmt_package_id, '${osd_package.Usmt.id}');
  // The sequence starts in the old Windows: it restarts into Windows PE before the image (R6).
  assert.equal(all[4].restart_computer.target, 'windowsPe');
  assert.equal(all[5].apply_operating_system.image_package_id, '${osd_os_image.Windows7Image.id}');
  assert.equal(all[7].apply_network_settings.join_password, '${var.join_password}');
  assert.equal(all[8].setup_windows_and_config_mgr.installation_properties, 'SMSSITECODE=CM1 FSP=fsp01.corp.example.com DNSSUFFIX=corp.example.com');
  assert.equal(all[10].request_state_store.purpose, 'restore');
  assert.equal(all[11].restore_user_state.usmt_package_id, '${osd_package.Usmt.id}');
  assert.equal(all[13].install_software.package_id, '${osd_package.Timesheet.id}');
});

test('server rollout: per model, BIOS and RAID steps in a "Configure hardware" group before partitioning (R6)', () => {
  const { json, warnings } = synthStack(new ServerRolloutStack(testApp(), 'server-rollout'));
  assert.deepEqual(warnings, []);
  assert.equal(count(json, 'osd_driver_package'), 2);
  const tools = Object.entries<any>(json.resource.osd_package).find(([, p]) => p.role === 'tools');
  assert.ok(tools, 'a vendor tools package');
  const boot = Object.values<any>(json.resource.osd_boot_image)[0];
  assert.deepEqual(boot.driver_package_ids, ['${osd_driver_package.DellPerc6Drivers.id}', '${osd_driver_package.HpSmartArrayDrivers.id}']);
  assert.ok(boot.included_tools.length > 0);

  const all = steps(json);
  const hardware = all.filter((s) => s.run_command_line?.hardware);
  assert.deepEqual(
    hardware.map((s) => [s.run_command_line.hardware, s.in_group]),
    [
      ['bios', 'Configure hardware'],
      ['raid', 'Configure hardware'],
      ['bios', 'Configure hardware'],
      ['raid', 'Configure hardware'],
    ],
  );
  for (const [model, index] of [['PowerEdge R710', 0], ['ProLiant DL380 G6', 2]] as const) {
    for (const step of hardware.slice(index, index + 2)) {
      assert.deepEqual(step.condition, {
        match: 'all',
        conditions: [
          { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'true' } },
          { wmi_query: { query: `SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%${model}%'` } },
        ],
      });
    }
  }
  assert.equal(hardware[0].run_command_line.package_id, `\${osd_package.${tools[0]}.id}`);
  assert.match(hardware[1].run_command_line.command_line, /raid\\r710-raid5\.ini$/);
  assert.match(hardware[3].run_command_line.command_line, /dl380g6-raid5\.ini$/);
  assert.equal(all.find((s) => s.apply_network_settings).apply_network_settings.join_password_wo_version, 1);
  const lastHardware = all.lastIndexOf(hardware[3]);
  const partition = all.findIndex((s) => s.partition_disk);
  const apply = all.findIndex((s) => s.apply_operating_system);
  assert.ok(lastHardware < partition && partition < apply, 'hardware, then partition, then the OS');
});

test('server rollout, refresh variant: settings kept in the old Windows, Restart Computer into Windows PE, then the same hardware steps and deployment (R6)', () => {
  const { json, warnings } = synthStack(new ServerRolloutStack(testApp(), 'server-rollout'));
  assert.deepEqual(warnings, []);
  const sequences = Object.values<any>(json.resource.osd_task_sequence);
  assert.deepEqual(sequences.map((ts) => ts.name), ['Deploy Windows Server 2008 x64', 'Refresh Windows Server 2008 x64']);
  const [deploy, refresh] = sequences.map((ts) => ts.steps as any[]);
  assert.deepEqual(refresh.slice(0, 4).map(actionOf), ['group', 'capture_windows_settings', 'capture_network_settings', 'restart_computer']);
  assert.equal(refresh[3].restart_computer.target, 'windowsPe');
  assert.equal(refresh[3].in_group, undefined, 'the restart is outside the settings group');
  // From the restart on, the refresh is the deployment for new servers, step by step.
  assert.deepEqual(refresh.slice(4), deploy);
  assert.equal(sequences[1].boot_image_id, sequences[0].boot_image_id);
});

/** Every file under `dir`, by relative path, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

test('synth of the app is deterministic: two synths write byte-identical files', () => {
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'cdk-osd-synth-')));
  try {
    for (const outdir of dirs) buildApp(new App({ outdir, stackTraces: false }), { OSD_ENDPOINT: 'http://127.0.0.1:8780' }).synth();
    const [first, second] = dirs.map(filesOf);
    assert.deepEqual([...first.keys()], [...second.keys()]);
    assert.ok(first.size >= 4, 'a manifest and three stacks');
    for (const [path, bytes] of first) assert.ok(bytes.equals(second.get(path)!), `${path} differs between synths`);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});

test('`cdktf synth` (the CLI, as a pipeline runs it) is deterministic too', () => {
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'cdk-osd-cli-')));
  try {
    for (const outdir of dirs) {
      execFileSync('npx', ['cdktf', 'synth', '--output', outdir], {
        cwd: projectRoot,
        env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', OSD_ENDPOINT: 'http://127.0.0.1:8780' },
        stdio: 'pipe',
      });
    }
    const [first, second] = dirs.map(filesOf);
    assert.ok(first.has(join('stacks', 'server-rollout', 'cdk.tf.json')));
    assert.deepEqual([...first.keys()], [...second.keys()]);
    for (const [path, bytes] of first) assert.ok(bytes.equals(second.get(path)!), `${path} differs between synths`);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
