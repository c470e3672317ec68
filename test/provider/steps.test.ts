/**
 * Every ConfigMgr 2007 step through the real terraform against the real server: one task
 * sequence holding every step type (and nested conditions) is created, planned empty, changed
 * field by field in place (the plan names exactly the changed attributes), imported, and R6 is
 * enforced at plan time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OsdClient } from '../../lib/client';
import { ACTION_NAMES, toTerraformName } from '../../lib/model';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { oneLine, Workspace } from '../support/terraform';

jest.setTimeout(600_000);

const SECRETS = ['Folder-Pa55!', 'RunAs-Pa55!', 'Join-Pa55!', 'Admin-Pa55!', 'Capture-Pa55!', 'Local-Pa55!', '4711-0815', 'PKEY1-PKEY2-PKEY3-PKEY4-PKEY5', 'Hidden-Value!'];
const [folderPassword, runAsPassword, joinPassword, adminPassword, capturePassword, localPassword, pin, productKey, hiddenValue] = SECRETS;

type Json = Record<string, any>;

/** In Windows PE only, and only on the R710. */
const hardwareCondition = {
  match: 'all',
  conditions: [
    { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'true' } },
    {
      match: 'any',
      conditions: [
        { wmi_query: { query: "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R710%'" } },
        { match: 'none', conditions: [{ registry: { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Dell', operator: 'notExists' } }] },
      ],
    },
  ],
};

/** The steps: old Windows, restart into Windows PE, hardware, disk, new Windows, capture. */
function everyStep(): Json[] {
  return [
    { name: 'Keep settings', group: {}, condition: { variable: { name: '_SMSTSInWinPE', operator: 'equals', value: 'false' } } },
    { name: 'Capture network settings', in_group: 'Keep settings', capture_network_settings: { membership: true } },
    { name: 'Capture Windows settings', in_group: 'Keep settings', capture_windows_settings: { time_zone: false } },
    { name: 'Request store', request_state_store: { purpose: 'capture', retries: 5 } },
    { name: 'Capture user state', capture_user_state: { usmt_package_id: '${osd_package.usmt.id}', mode: 'advanced', config_files: ['MigUser.xml'] } },
    { name: 'Release store', release_state_store: {} },
    { name: 'Logs share', connect_network_folder: { path: '\\\\srv01\\logs', drive_letter: 'L:', account: 'CORP\\logs', account_password: folderPassword } },
    { name: 'Mark refresh', set_task_sequence_variable: { variable_name: 'Refresh', value: 'yes' } },
    { name: 'Hidden variable', set_task_sequence_variable: { variable_name: 'Token', hide_value: true, hidden_value: hiddenValue } },
    { name: 'Suspend BitLocker', disable_bit_locker: { restart_count: 2 } },
    { name: 'Backup as user', run_command_line: { command_line: 'backup.cmd', run_as_user: true, run_as_account: 'CORP\\backup', run_as_password: runAsPassword, output_variable: 'BackupOut' } },
    { name: 'Restart in Windows PE', restart_computer: { target: 'windowsPe', message: 'Reinstalling', notification_seconds: 60 } },
    {
      name: 'Flash BIOS',
      condition: hardwareCondition,
      run_command_line: { command_line: 'bios.exe /s', package_id: '${osd_package.tools.id}', hardware: 'bios', timeout_minutes: 30 },
    },
    {
      name: 'Partition',
      partition_disk: {
        style: 'gpt',
        gpt_boot_disk: true,
        partitions: [
          { type: 'efi', size: 100, size_unit: 'MB', file_system: 'fat32' },
          { type: 'msr', size: 128, size_unit: 'MB' },
          { name: 'Windows', size: 100, letter_variable: 'OSDisk' },
        ],
      },
    },
    { name: 'Dynamic disk', convert_disk_to_dynamic: { disk_index: 1 } },
    { name: 'Apply OS', apply_operating_system: { image_package_id: '${osd_os_image.win7.id}', destination: 'variable', variable: 'OSDisk' } },
    { name: 'Apply data', apply_data_image: { image_package_id: '${osd_os_image.data.id}', destination: 'logicalDrive', logical_drive: 'D:' } },
    { name: 'Auto drivers', auto_apply_drivers: { categories: ['DriverCategories:1'] } },
    { name: 'Storage drivers', apply_driver_package: { driver_package_id: '${osd_driver_package.storage.id}' } },
    {
      name: 'Windows settings',
      apply_windows_settings: {
        registered_user: 'Corp',
        registered_organization: 'Corp',
        product_key: productKey,
        random_local_admin_password: false,
        local_admin_password: adminPassword,
        input_locale: 'de-DE',
        time_zone: 'W. Europe Standard Time',
      },
    },
    {
      name: 'Network settings',
      apply_network_settings: {
        join_type: 'workgroup',
        workgroup: 'LAB',
        dns_suffix_search_order: ['corp.example.com'],
        adapters: [{ mac_address: '00:11:22:33:44:55', enable_dhcp: false, ip_addresses: ['10.0.0.5'], subnet_masks: ['255.255.255.0'], gateways: ['10.0.0.1'] }],
      },
    },
    { name: 'Setup', setup_windows_and_config_mgr: { client_package_id: '${osd_package.client.id}', installation_properties: 'SMSSITECODE=CM1' } },
    { name: 'Join domain', join_domain_or_workgroup: { join_type: 'domain', domain: 'corp.example.com', join_account: 'CORP\\join', join_password: joinPassword } },
    { name: 'Install app', install_software: { package_id: '${osd_package.app.id}', program_name: '${osd_program.install.name}' } },
    { name: 'Updates', install_software_updates: { updates: 'all' } },
    { name: 'Restore user state', restore_user_state: { usmt_package_id: '${osd_package.usmt.id}', restore_local_accounts: true, local_account_password: localPassword } },
    { name: 'BitLocker', enable_bit_locker: { key_management: 'tpmAndPin', pin } },
    { name: 'Deployment tools', install_deployment_tools: { sysprep_package_id: '${osd_package.sysprep.id}' } },
    { name: 'Prepare client', prepare_config_mgr_client_for_capture: {} },
    { name: 'Sysprep', prepare_windows_for_capture: { keep_activation: true } },
    { name: 'Capture image', capture_operating_system_image: { destination: '\\\\srv01\\captures\\ref.wim', capture_account: 'CORP\\cap', capture_password: capturePassword } },
  ];
}

/** One change per step, each to a field of that step's own action (or its condition), as a user's commit might. */
const CHANGES: [step: string, path: string[], value: unknown][] = [
  ['Keep settings', ['condition', 'variable', 'value'], 'False'],
  ['Capture network settings', ['capture_network_settings', 'adapter_settings'], false],
  ['Capture Windows settings', ['capture_windows_settings', 'computer_name'], false],
  ['Request store', ['request_state_store', 'retry_delay_seconds'], 30],
  ['Capture user state', ['capture_user_state', 'file_access'], 'volumeShadowCopy'],
  ['Release store', ['continue_on_error'], true],
  ['Logs share', ['connect_network_folder', 'drive_letter'], 'M:'],
  ['Mark refresh', ['set_task_sequence_variable', 'value'], 'no'],
  ['Hidden variable', ['description'], 'a hidden token'],
  ['Suspend BitLocker', ['disable_bit_locker', 'drive'], 'C:'],
  ['Backup as user', ['run_command_line', 'working_directory'], 'C:\\Backup'],
  ['Restart in Windows PE', ['restart_computer', 'notification_seconds'], 120],
  ['Flash BIOS', ['condition', 'conditions', '1', 'conditions', '0', 'wmi_query', 'query'], "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R720%'"],
  ['Partition', ['partition_disk', 'partitions', '2', 'quick_format'], false],
  ['Dynamic disk', ['convert_disk_to_dynamic', 'disk_index'], 2],
  ['Apply OS', ['apply_operating_system', 'run_from_network'], true],
  ['Apply data', ['apply_data_image', 'wipe_partition'], false],
  ['Auto drivers', ['auto_apply_drivers', 'best_match_only'], false],
  ['Storage drivers', ['apply_driver_package', 'recurse'], true],
  ['Windows settings', ['apply_windows_settings', 'user_locale'], 'de-CH'],
  ['Network settings', ['apply_network_settings', 'adapters', '0', 'dns_servers'], ['10.0.0.2']],
  ['Setup', ['setup_windows_and_config_mgr', 'installation_properties'], 'SMSSITECODE=CM1 FSP=fsp01'],
  ['Join domain', ['join_domain_or_workgroup', 'skip_restart'], true],
  ['Install app', ['enabled'], false],
  ['Updates', ['install_software_updates', 'use_cached_scan'], false],
  ['Restore user state', ['restore_user_state', 'verbose_logging'], true],
  ['BitLocker', ['enable_bit_locker', 'wait_for_encryption'], true],
  ['Deployment tools', ['condition'], { variable: { name: 'OSDBuild', operator: 'like', value: 'REF%' } }],
  ['Prepare client', ['description'], 'removes the client'],
  ['Sysprep', ['prepare_windows_for_capture', 'build_mass_storage_driver_list'], true],
  ['Capture image', ['capture_operating_system_image', 'version'], '2010.07'],
];

function resources(steps: Json[] = everyStep()): Json {
  return {
    osd_package: {
      app: { name: 'App', version: '1.0', source_path: '\\\\srv01\\src\\app' },
      tools: { name: 'Dell DTK', version: '3.2', role: 'tools', source_path: '\\\\srv01\\src\\dtk' },
      client: { name: 'ConfigMgr Client', role: 'client' },
      usmt: { name: 'USMT x86', role: 'usmt', source_path: '\\\\srv01\\src\\usmt', usmt: { usmt_version: '3.0', architecture: 'x86', rule_files: ['MigUser.xml'] } },
      sysprep: { name: 'Sysprep XP', source_path: '\\\\srv01\\src\\sysprep' },
    },
    osd_program: { install: { package_id: '${osd_package.app.id}', name: 'Install', command_line: 'setup.exe /quiet', admin_rights: true, run_when: 'noUserLoggedOn' } },
    osd_os_image: {
      win7: { name: 'Windows 7', version: '1.0', source_path: '\\\\srv01\\images\\win7.wim' },
      data: { name: 'Data image', version: '1.0', source_path: '\\\\srv01\\images\\data.wim' },
    },
    osd_driver_package: { storage: { name: 'PERC', source_path: '\\\\srv01\\drivers\\perc', drivers: [{ inf_file: 'percsas.inf', driver_class: 'SCSIAdapter', boot_critical: true }] } },
    osd_boot_image: { pe: { name: 'WinPE x86', source_path: '\\\\srv01\\boot\\winpe.wim', architecture: 'x86' } },
    osd_task_sequence: { all: { name: 'Every step', boot_image_id: '${osd_boot_image.pe.id}', steps } },
  };
}

/** Sets `value` at `path` inside `root` (list positions as strings). */
function setPath(root: Json, path: string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
}

/** The leaf paths where two values differ, as `steps[12].condition.…` text. */
function changedPaths(before: unknown, after: unknown, at = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObject = (v: unknown) => typeof v === 'object' && v !== null;
  if (!isObject(before) || !isObject(after) || Array.isArray(before) !== Array.isArray(after)) return [at];
  const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
  return [...keys].flatMap((k) => changedPaths((before as Json)[k], (after as Json)[k], Array.isArray(after) ? `${at}[${k}]` : at ? `${at}.${k}` : k));
}

describe('every step through terraform', () => {
  let server: RunningServer;
  let client: OsdClient;
  let tf: Workspace;

  beforeAll(async () => {
    server = await startServer();
    client = new OsdClient({ endpoint: server.url, token: server.adminToken });
    tf = await Workspace.create({ endpoint: server.url, token: server.adminToken });
    await tf.init();
  });
  afterAll(async () => {
    tf?.remove();
    await server?.stop();
  });

  test('the fixture holds every action of the model', () => {
    const used = new Set(everyStep().flatMap((s) => Object.keys(s)));
    assert.deepEqual(ACTION_NAMES.filter((a) => !used.has(toTerraformName(a))), []);
  });

  test('create: the server holds every step as configured, secrets only as a status; the next plan is empty', async () => {
    tf.writeResources(resources());
    await tf.apply();
    const id = String((await tf.state())['osd_task_sequence.all'].id);
    const ts = (await client.get('taskSequence', id)).value;
    assert.equal(ts.steps.length, everyStep().length);
    assert.deepEqual(ts.steps[12].condition?.conditions?.[1].conditions?.[1], { match: 'none', conditions: [{ registry: { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Dell', operator: 'notExists' } }] });
    assert.deepEqual(ts.steps[11].restartComputer, { target: 'windowsPe', message: 'Reinstalling', notificationSeconds: 60 });
    assert.deepEqual(ts.steps[8].setTaskSequenceVariable?.hiddenValue, { set: true, version: 1 });
    assert.deepEqual(ts.steps[26].enableBitLocker?.pin, { set: true, version: 1 });
    assert.equal(ts.steps[16].applyDataImage?.wipePartition, true, 'a default of the catalogue');
    assert.deepEqual((await tf.plan()).pending, []);
    const state = readFileSync(path.join(tf.dir, 'terraform.tfstate'), 'utf8');
    for (const secret of SECRETS) assert.ok(!state.includes(secret), `a secret is in the state: ${secret}`);
  });

  test('a change to one field of every step plans one in-place update naming exactly those fields; after apply the plan is empty', async () => {
    const steps = everyStep();
    for (const [name, at, value] of CHANGES) setPath(steps.find((s) => s.name === name)!, at, value);
    assert.equal(new Set(CHANGES.map(([name]) => name)).size, steps.length, 'one change per step');
    tf.writeResources(resources(steps));
    const plan = await tf.plan();
    assert.deepEqual(plan.pending, ['osd_task_sequence.all']);
    assert.deepEqual(plan.actions('osd_task_sequence.all'), ['update']);
    const change = plan.changes.find((c) => c.address === 'osd_task_sequence.all')!.change;
    const expected = CHANGES.map(([name, at]) => `steps[${steps.findIndex((s) => s.name === name)}]${at.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')}`);
    assert.deepEqual(changedPaths(change.before, change.after).sort(), expected.sort());
    await tf.apply();
    assert.deepEqual((await tf.plan()).pending, []);
    const ts = (await client.get('taskSequence', String((await tf.state())['osd_task_sequence.all'].id))).value;
    assert.equal(ts.steps[12].condition?.conditions?.[1].conditions?.[0].wmiQuery?.query, "SELECT * FROM Win32_ComputerSystem WHERE Model LIKE '%R720%'");
    assert.equal(ts.steps[15].applyOperatingSystem?.runFromNetwork, true);
  });

  test('import by ID: the imported state equals the created one, and plans empty', async () => {
    const created = await tf.state();
    const other = await Workspace.create({ endpoint: server.url, token: server.adminToken });
    try {
      other.writeResources(JSON.parse(readFileSync(path.join(tf.dir, 'main.tf.json'), 'utf8')).resource, {
        import: Object.entries(created).map(([to, v]) => ({ to, id: String(v.id) })),
      });
      await other.init();
      await other.apply();
      assert.deepEqual((await other.state())['osd_task_sequence.all'], created['osd_task_sequence.all']);
      assert.deepEqual((await other.plan()).pending, []);
    } finally {
      other.remove();
    }
  });

  test('R6 at plan time: a hardware step in the full OS, and one after partitioning, are refused with the fix', async () => {
    const plan = async (steps: Json[]) => {
      tf.writeResources(resources(steps));
      const r = await tf.terraform('plan', '-no-color', '-input=false');
      assert.notEqual(r.code, 0);
      return oneLine(r.stderr);
    };
    // Without the restart, the BIOS step stays in the old Windows.
    const noRestart = everyStep().filter((s) => !s.restart_computer);
    assert.match(
      await plan(noRestart),
      /steps\[11\]\.run_command_line: .* R6: hardware step "Flash BIOS" \(bios\) runs only in Windows PE by its condition, but the sequence starts in the full OS .*, so it would never run; restart into Windows PE first/,
    );
    const late = everyStep();
    late.splice(late.findIndex((s) => s.apply_operating_system) + 1, 0, {
      name: 'Configure RAID late',
      run_command_line: { command_line: 'raidcfg.exe', package_id: '${osd_package.tools.id}', hardware: 'raid' },
    });
    const text = await plan(late);
    assert.match(text, /steps\[16\]\.run_command_line: .* R6: hardware step "Configure RAID late" \(raid\) comes after step "Partition" \(partitionDisk\); it must run before the disk is partitioned/);
    assert.equal(text.match(/R6:/g)?.length, 1, text);
  });
});
