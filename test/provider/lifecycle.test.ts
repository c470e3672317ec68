/**
 * The provider through the real `terraform` binary against the real server: the scenario set of
 * Terraform's own provider tests, for every resource type at once (create, empty plan, in-place
 * update vs replacement, import verify, disappears, drift, validation errors, destroy), plus
 * secrets kept out of plan output, state and logs.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OsdClient } from '../../lib/client';
import { KIND_NAMES } from '../../lib/model';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { oneLine, Workspace } from '../support/terraform';

const JOIN_PASSWORD = 'S3cret-Join-Pa55!';
const CAPTURE_PASSWORD = 'Capture-Pa55-9x!';

type Config = Record<string, Record<string, Record<string, unknown>>>;

/** The configuration the lifecycle starts from. */
function initialResources(): Config {
  return {
    osd_package: {
      app: { name: 'Contoso App', version: '1.0', manufacturer: 'Contoso', source_path: '\\\\srv01\\src\\contoso' },
      tools: { name: 'Dell DTK', version: '3.1', role: 'tools', source_path: '\\\\srv01\\src\\dtk' },
      client: { name: 'ConfigMgr Client', role: 'client' },
      usmt: { name: 'USMT x86', role: 'usmt', source_path: '\\\\srv01\\src\\usmt', usmt: { usmt_version: '3.0', architecture: 'x86', rule_files: ['MigApp.xml', 'MigUser.xml'] } },
      spare: { name: 'Spare', description: 'nothing references it' },
    },
    osd_program: {
      install: { package_id: '${osd_package.app.id}', name: 'Install', command_line: 'setup.exe /quiet', admin_rights: true, run_when: 'noUserLoggedOn' },
      extra: { package_id: '${osd_package.app.id}', name: 'Repair', command_line: 'setup.exe /repair', admin_rights: true, run_when: 'noUserLoggedOn' },
    },
    osd_os_image: { win7: { name: 'Windows 7 Enterprise', version: '1.0', source_path: '\\\\srv01\\images\\win7.wim' } },
    osd_os_install_package: { setup: { name: 'Windows 7 Setup', source_path: '\\\\srv01\\os\\win7', editions: [{ index: 1, name: 'Enterprise' }] } },
    osd_driver_package: { storage: { name: 'PERC drivers', source_path: '\\\\srv01\\drivers\\perc', drivers: [{ inf_file: 'percsas.inf', driver_class: 'SCSIAdapter', boot_critical: true }] } },
    osd_boot_image: { pe: { name: 'WinPE x86', source_path: '\\\\srv01\\boot\\winpe.wim', architecture: 'x86', driver_package_ids: ['${osd_driver_package.storage.id}'] } },
    osd_task_sequence: {
      deploy: {
        name: 'Deploy Windows 7',
        boot_image_id: '${osd_boot_image.pe.id}',
        steps: [
          { name: 'Configure hardware', group: {} },
          { name: 'Flash BIOS', in_group: 'Configure hardware', run_command_line: { command_line: 'flash.cmd A05', package_id: '${osd_package.tools.id}', hardware: 'bios' } },
          { name: 'Partition', partition_disk: { partitions: [{ size: 100 }] } },
          { name: 'Apply image', apply_operating_system: { image_package_id: '${osd_os_image.win7.id}' } },
          { name: 'Join domain', apply_network_settings: { join_type: 'domain', domain: 'corp.example', join_account: 'CORP\\join', join_password: JOIN_PASSWORD } },
          { name: 'Setup', setup_windows_and_config_mgr: { client_package_id: '${osd_package.client.id}', installation_properties: 'SMSSITECODE=CM1 FSP=fsp01' } },
          { name: 'Install app', install_software: { package_id: '${osd_package.app.id}', program_name: '${osd_program.install.name}' } },
        ],
      },
      capture: {
        name: 'Build and capture',
        boot_image_id: '${osd_boot_image.pe.id}',
        steps: [
          { name: 'Capture state', capture_user_state: { usmt_package_id: '${osd_package.usmt.id}' } },
          // R6: the state is captured in the full OS, the image in Windows PE.
          { name: 'Restart in Windows PE', restart_computer: { target: 'windowsPe' } },
          { name: 'Capture image', capture_operating_system_image: { destination: '\\\\srv01\\captures\\ref.wim', capture_account: 'CORP\\cap', capture_password: CAPTURE_PASSWORD } },
        ],
      },
    },
  };
}

/** The configuration in force: each scenario edits it further, as a user's commits would. */
let current: Config = initialResources();
/** `current` with an edit, without keeping the edit (for scenarios that must fail). */
function resources(change: (r: Config) => void = () => {}): Config {
  const r = structuredClone(current);
  change(r);
  return r;
}
/** Edits `current` for good. */
function edit(change: (r: Config) => void): Config {
  current = resources(change);
  return current;
}

const ALL_ADDRESSES = Object.entries(initialResources()).flatMap(([type, rs]) => Object.keys(rs).map((n) => `${type}.${n}`));

describe('osd provider lifecycle', () => {
  jest.setTimeout(600_000);
  let server: RunningServer;
  let client: OsdClient;
  let tf: Workspace;

  beforeAll(async () => {
    server = await startServer();
    client = new OsdClient({ endpoint: server.url, token: server.adminToken });
    tf = await Workspace.create({ endpoint: server.url, token: server.adminToken, traceLog: true });
    await tf.init();
  });
  afterAll(async () => {
    tf?.remove();
    await server?.stop();
  });

  test('create: every resource is created, server IDs flow into the steps that reference them, and the next plan is empty', async () => {
    tf.writeResources(resources());
    await tf.apply();
    const state = await tf.state();
    assert.deepEqual(Object.keys(state).sort(), [...ALL_ADDRESSES].sort());
    for (const address of ALL_ADDRESSES) assert.match(String(state[address].id), /^CM1[0-9A-F]{5}(\/.+)?$/, address);
    const ts = (await client.get('taskSequence', String(state['osd_task_sequence.deploy'].id))).value;
    assert.equal(ts.steps[1].runCommandLine?.packageId, state['osd_package.tools'].id);
    assert.equal(ts.steps[6].installSoftware?.packageId, state['osd_package.app'].id);
    assert.equal(ts.bootImageId, state['osd_boot_image.pe'].id);
    assert.deepEqual((await tf.plan()).pending, []);
  });

  test('a changed mutable field plans an in-place update, naming the one step that changed; then the plan is empty', async () => {
    tf.writeResources(
      edit((r) => {
        r.osd_package.app.description = 'now with a comment';
        r.osd_program.install.command_line = 'setup.exe /quiet /norestart';
        r.osd_os_image.win7.description = 'gold image';
        r.osd_os_install_package.setup.version = 'SP1';
        r.osd_driver_package.storage.drivers = [{ inf_file: 'percsas.inf', driver_class: 'SCSIAdapter', boot_critical: true, version: '4.2' }];
        r.osd_boot_image.pe.enable_command_prompt = true;
        (r.osd_task_sequence.deploy.steps as Record<string, Record<string, unknown>>[])[1].run_command_line.command_line = 'flash.cmd A06';
      }),
    );
    const plan = await tf.plan();
    const updated = ['osd_package.app', 'osd_program.install', 'osd_os_image.win7', 'osd_os_install_package.setup', 'osd_driver_package.storage', 'osd_boot_image.pe', 'osd_task_sequence.deploy'];
    for (const address of updated) assert.deepEqual(plan.actions(address), ['update'], address);
    assert.deepEqual(plan.pending.sort(), [...updated].sort());
    const ts = plan.changes.find((c) => c.address === 'osd_task_sequence.deploy')!.change;
    const steps = (v: Record<string, unknown> | null) => v?.steps as Record<string, unknown>[];
    const changedSteps = steps(ts.after).map((s, i) => JSON.stringify(s) !== JSON.stringify(steps(ts.before)[i])).flatMap((c, i) => (c ? [i] : []));
    assert.deepEqual(changedSteps, [1]);
    await tf.apply();
    assert.deepEqual((await tf.plan()).pending, []);
    assert.equal((await client.get('program', String((await tf.state())['osd_program.install'].id))).value.commandLine, 'setup.exe /quiet /norestart');
  });

  test('a changed immutable field (a program\'s name, a package\'s role) plans a replacement', async () => {
    tf.writeResources(
      edit((r) => {
        r.osd_program.extra.name = 'Repair all';
        r.osd_package.spare.role = 'tools';
      }),
    );
    const plan = await tf.plan();
    assert.deepEqual(plan.actions('osd_program.extra').sort(), ['create', 'delete']);
    assert.deepEqual(plan.actions('osd_package.spare').sort(), ['create', 'delete']);
    assert.deepEqual(plan.pending.sort(), ['osd_package.spare', 'osd_program.extra']);
    await tf.apply();
    assert.deepEqual((await tf.plan()).pending, []);
  });

  test('import by ID: the imported state equals the created state', async () => {
    const created = await tf.state();
    const other = await Workspace.create({ endpoint: server.url, token: server.adminToken });
    try {
      const imports = Object.entries(created).map(([to, v]) => ({ to, id: String(v.id) }));
      other.writeResources(JSON.parse(readFileSync(path.join(tf.dir, 'main.tf.json'), 'utf8')).resource, { import: imports });
      await other.init();
      await other.apply();
      assert.deepEqual(await other.state(), created);
      assert.deepEqual((await other.plan()).pending, []);
      const single = await Workspace.create({ endpoint: server.url, token: server.adminToken });
      single.writeResources({ osd_program: { x: resources().osd_program.install } , osd_package: { app: resources().osd_package.app } });
      await single.init();
      const r = await single.terraform('import', '-no-color', 'osd_program.x', 'not-an-id');
      assert.notEqual(r.code, 0);
      assert.match(oneLine(r.stderr + r.stdout), /"not-an-id" is not <packageId>\/<program name>/);
      single.remove();
    } finally {
      other.remove();
    }
  });

  test('an object deleted behind Terraform\'s back plans a create', async () => {
    const id = String((await tf.state())['osd_package.spare'].id);
    await client.delete('package', id);
    const plan = await tf.plan();
    assert.deepEqual(plan.actions('osd_package.spare'), ['create']);
    assert.deepEqual(plan.pending, ['osd_package.spare']);
    await tf.apply();
  });

  test('an object changed behind Terraform\'s back plans the change back, and apply restores it', async () => {
    const id = String((await tf.state())['osd_package.app'].id);
    const current = await client.get('package', id);
    await client.update('package', id, { ...current.value, description: 'edited in the console' }, { etag: current.etag });
    const plan = await tf.plan();
    assert.deepEqual(plan.pending, ['osd_package.app']);
    assert.deepEqual(plan.actions('osd_package.app'), ['update']);
    await tf.apply();
    assert.equal((await client.get('package', id)).value.description, 'now with a comment');
  });

  test('R6 and R1 violations fail at plan time with the rule in the message', async () => {
    tf.writeResources(
      resources((r) => {
        const steps = r.osd_task_sequence.deploy.steps as unknown[];
        steps.push({ name: 'Configure RAID late', run_command_line: { command_line: 'raid.cmd', package_id: '${osd_package.tools.id}', hardware: 'raid' } });
      }),
    );
    const r6 = await tf.terraform('plan', '-no-color', '-input=false');
    assert.notEqual(r6.code, 0);
    assert.match(oneLine(r6.stderr), /R6: hardware step "Configure RAID late" \(raid\) comes after step "Partition"/);
    assert.match(oneLine(r6.stderr), /steps\[7\]/);

    // R1 needs the program's content: it exists on the server, so the plan looks it up.
    const appId = String((await tf.state())['osd_package.app'].id);
    await client.create('program', { packageId: appId, name: 'Chained', commandLine: 'chained.exe', adminRights: true, runWhen: 'noUserLoggedOn', runFirst: { packageId: appId, program: 'Install' } });
    tf.writeResources(
      resources((r) => {
        const steps = r.osd_task_sequence.deploy.steps as unknown[];
        steps.push({ name: 'Install chained', install_software: { package_id: appId, program_name: 'Chained' } });
      }),
    );
    const r1 = await tf.terraform('plan', '-no-color', '-input=false');
    assert.notEqual(r1.code, 0);
    assert.match(oneLine(r1.stderr), /R1: step "Install chained" installs program "Chained" of package CM[0-9A-F]{6}, which runs program "Install" first; operating system deployment does not support that/);
    await client.delete('program', `${appId}/Chained`);
    tf.writeResources(resources());
  });

  test('no secret appears in plan output, the state file or the provider log', async () => {
    // A write-only value is never stored, so Terraform sends a new one when its _wo_version changes.
    tf.writeResources(
      edit((r) => {
        const join = (r.osd_task_sequence.deploy.steps as Record<string, Record<string, unknown>>[])[4].apply_network_settings;
        join.join_password = `${JOIN_PASSWORD}-2`;
        join.join_password_wo_version = 2;
      }),
    );
    const planned = await tf.terraform('plan', '-no-color', '-input=false');
    const applied = await tf.apply();
    const files = readdirSync(tf.dir).filter((f) => f.endsWith('.tfstate') || f.endsWith('.backup') || f === 'terraform.log');
    assert.ok(files.includes('terraform.tfstate') && files.includes('terraform.log'), files.join(','));
    assert.match(readFileSync(path.join(tf.dir, 'terraform.log'), 'utf8'), /provider\.osd|terraform-provider-osd/, 'the trace log holds the provider\'s lines');
    for (const text of [planned.stdout, planned.stderr, applied.stdout, applied.stderr, ...files.map((f) => readFileSync(path.join(tf.dir, f), 'utf8'))]) {
      for (const secret of [JOIN_PASSWORD, `${JOIN_PASSWORD}-2`, CAPTURE_PASSWORD]) assert.ok(!text.includes(secret), `a secret leaked: ${secret}`);
    }
    const ts = (await client.get('taskSequence', String((await tf.state())['osd_task_sequence.deploy'].id))).value;
    assert.deepEqual(ts.steps[4].applyNetworkSettings?.joinPassword, { set: true, version: 2 });
  });

  test('destroy removes every object from the server', async () => {
    tf.writeResources(resources());
    await tf.destroy();
    for (const kind of KIND_NAMES.filter((k) => k !== 'program')) {
      assert.deepEqual((await client.list(kind as 'package')).value, [], kind);
    }
  });
});
