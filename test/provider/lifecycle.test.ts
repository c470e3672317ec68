/**
 * The provider through the real `terraform` binary against the real server: the scenario set of
 * Terraform's own provider tests, for every resource type at once (create, empty plan, in-place
 * update vs replacement, import verify, disappears, drift, validation errors, destroy), plus
 * secrets kept out of plan output, state and logs.
 *
 * Each scenario builds its own configuration and workspace, so any one runs alone
 * (`npx jest -t '<name>'`); they share only the server, their objects kept apart by their names.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OsdClient, OsdNotFoundError } from '../../lib/client';
import { KIND_NAMES, KINDS } from '../../lib/model';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { oneLine, Workspace } from '../support/terraform';

const JOIN_PASSWORD = 'S3cret-Join-Pa55!';
const CAPTURE_PASSWORD = 'Capture-Pa55-9x!';

type Config = Record<string, Record<string, Record<string, unknown>>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- steps are edited freely, as a user edits HCL
type Step = Record<string, any>;

/** A configuration with every resource type; `tag` starts every name the server keeps unique. */
function everyType(tag: string): Config {
  return {
    osd_package: {
      app: { name: `${tag} Contoso App`, version: '1.0', manufacturer: 'Contoso', source_path: '\\\\srv01\\src\\contoso' },
      tools: { name: `${tag} Dell DTK`, version: '3.1', role: 'tools', source_path: '\\\\srv01\\src\\dtk' },
      client: { name: `${tag} ConfigMgr Client`, role: 'client' },
      usmt: { name: `${tag} USMT x86`, role: 'usmt', source_path: '\\\\srv01\\src\\usmt', usmt: { usmt_version: '3.0', architecture: 'x86', rule_files: ['MigApp.xml', 'MigUser.xml'] } },
      spare: { name: `${tag} Spare`, description: 'nothing references it' },
    },
    osd_program: {
      install: { package_id: '${osd_package.app.id}', name: 'Install', command_line: 'setup.exe /quiet', admin_rights: true, run_when: 'noUserLoggedOn' },
      extra: { package_id: '${osd_package.app.id}', name: 'Repair', command_line: 'setup.exe /repair', admin_rights: true, run_when: 'noUserLoggedOn' },
    },
    osd_os_image: { win7: { name: `${tag} Windows 7 Enterprise`, version: '1.0', source_path: '\\\\srv01\\images\\win7.wim' } },
    osd_os_install_package: { setup: { name: `${tag} Windows 7 Setup`, source_path: '\\\\srv01\\os\\win7', editions: [{ index: 1, name: 'Enterprise' }] } },
    osd_driver_package: { storage: { name: `${tag} PERC drivers`, source_path: '\\\\srv01\\drivers\\perc', drivers: [{ inf_file: 'percsas.inf', driver_class: 'SCSIAdapter', boot_critical: true }] } },
    osd_boot_image: { pe: { name: `${tag} WinPE x86`, source_path: '\\\\srv01\\boot\\winpe.wim', architecture: 'x86', driver_package_ids: ['${osd_driver_package.storage.id}'] } },
    osd_task_sequence: {
      deploy: {
        name: `${tag} Deploy Windows 7`,
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
        name: `${tag} Build and capture`,
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

const addresses = (config: Config) => Object.entries(config).flatMap(([type, rs]) => Object.keys(rs).map((n) => `${type}.${n}`));
const stepsOf = (config: Config, ts = 'deploy') => config.osd_task_sequence[ts].steps as Step[];

describe('osd provider lifecycle', () => {
  jest.setTimeout(600_000);
  let server: RunningServer;
  let client: OsdClient;
  const workspaces: Workspace[] = [];

  beforeAll(async () => {
    server = await startServer();
    client = new OsdClient({ endpoint: server.url, token: server.adminToken });
  });
  afterAll(async () => {
    for (const ws of workspaces) ws.remove();
    await server?.stop();
  });

  /** A new working folder with `config` written and initialised (not applied). */
  async function workspace(config: Config, options: { traceLog?: boolean } = {}): Promise<Workspace> {
    const tf = await Workspace.create({ endpoint: server.url, token: server.adminToken, ...options });
    workspaces.push(tf);
    tf.writeResources(config);
    await tf.init();
    return tf;
  }

  /** A working folder whose `config` is applied. */
  async function applied(config: Config, options: { traceLog?: boolean } = {}): Promise<Workspace> {
    const tf = await workspace(config, options);
    await tf.apply();
    return tf;
  }

  test('create: every resource is created, server IDs flow into the steps that reference them, and the next plan is empty', async () => {
    const config = everyType('create');
    const tf = await applied(config);
    const state = await tf.state();
    assert.deepEqual(Object.keys(state).sort(), addresses(config).sort());
    for (const address of addresses(config)) assert.match(String(state[address].id), /^CM1[0-9A-F]{5}(\/.+)?$/, address);
    const ts = (await client.get('taskSequence', String(state['osd_task_sequence.deploy'].id))).value;
    assert.equal(ts.steps[1].runCommandLine?.packageId, state['osd_package.tools'].id);
    assert.equal(ts.steps[6].installSoftware?.packageId, state['osd_package.app'].id);
    assert.equal(ts.bootImageId, state['osd_boot_image.pe'].id);
    assert.deepEqual((await tf.plan()).pending, []);
  });

  test('a changed mutable field plans an in-place update, naming the one step that changed; then the plan is empty', async () => {
    const config = everyType('update');
    const tf = await applied(config);
    config.osd_package.app.description = 'now with a comment';
    config.osd_program.install.command_line = 'setup.exe /quiet /norestart';
    config.osd_os_image.win7.description = 'gold image';
    config.osd_os_install_package.setup.version = 'SP1';
    config.osd_driver_package.storage.drivers = [{ inf_file: 'percsas.inf', driver_class: 'SCSIAdapter', boot_critical: true, version: '4.2' }];
    config.osd_boot_image.pe.enable_command_prompt = true;
    stepsOf(config)[1].run_command_line.command_line = 'flash.cmd A06';
    tf.writeResources(config);
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

  /** Objects a task sequence uses, replaced create-before-destroy as the constructs emit them. */
  function replaceable(tag: string): Config {
    const cbd = { lifecycle: { create_before_destroy: true } };
    return {
      osd_package: {
        app: { name: `${tag} App`, version: '1.0', ...cbd },
        spare: { name: `${tag} Spare`, version: '1.0', ...cbd },
      },
      osd_program: {
        install: { package_id: '${osd_package.app.id}', name: 'Install', command_line: 'setup.exe', admin_rights: true, run_when: 'noUserLoggedOn', ...cbd },
        extra: { package_id: '${osd_package.app.id}', name: 'Repair', command_line: 'setup.exe /repair', admin_rights: true, run_when: 'noUserLoggedOn', ...cbd },
      },
      osd_task_sequence: {
        deploy: {
          name: `${tag} Deploy`,
          steps: [
            { name: 'Install app', install_software: { package_id: '${osd_program.install.package_id}', program_name: '${osd_program.install.name}' } },
            { name: 'Tools', run_command_line: { command_line: 'tool.cmd', package_id: '${osd_package.spare.id}' } },
          ],
        },
      },
    };
  }

  test("a changed immutable field (a program's name, a package's role) plans a replacement, created before the old object goes", async () => {
    const config = replaceable('replace');
    const tf = await applied(config);
    const before = await tf.state();
    config.osd_program.extra.name = 'Repair all';
    config.osd_package.spare.role = 'tools';
    config.osd_package.spare.version = '2.0';
    tf.writeResources(config);
    const plan = await tf.plan();
    assert.deepEqual(plan.actions('osd_program.extra'), ['create', 'delete']);
    assert.deepEqual(plan.actions('osd_package.spare'), ['create', 'delete']);
    assert.deepEqual(plan.pending.sort(), ['osd_package.spare', 'osd_program.extra', 'osd_task_sequence.deploy']);
    await tf.apply();
    const after = await tf.state();
    assert.notEqual(after['osd_package.spare'].id, before['osd_package.spare'].id);
    assert.equal((await client.get('package', String(after['osd_package.spare'].id))).value.role, 'tools');
    await assert.rejects(client.get('package', String(before['osd_package.spare'].id)), OsdNotFoundError);
    assert.equal(after['osd_program.extra'].id, `${String(after['osd_package.app'].id)}/Repair all`);
    await assert.rejects(client.get('program', String(before['osd_program.extra'].id)), OsdNotFoundError);
    const ts = (await client.get('taskSequence', String(after['osd_task_sequence.deploy'].id))).value;
    assert.equal(ts.steps[1].runCommandLine?.packageId, after['osd_package.spare'].id, 'the task sequence was moved to the new package');
    assert.deepEqual((await tf.plan()).pending, []);
  });

  test('a replacement that keeps name and version is refused at plan, naming the fields and the fix', async () => {
    const config = replaceable('collide');
    const tf = await applied(config);
    const id = String((await tf.state())['osd_package.spare'].id);
    config.osd_package.spare.role = 'tools';
    tf.writeResources(config);
    const refused = await tf.terraform('plan', '-no-color', '-input=false');
    assert.notEqual(refused.code, 0);
    const text = oneLine(refused.stderr);
    assert.match(text, /Error: Package: the replacement keeps name and version/);
    assert.match(text, new RegExp(`\`role\` \\("software" → "tools"\\) cannot change in place, so Terraform plans to replace package ${id} \\(name "collide Spare", version "1.0"\\) with a new one`));
    assert.match(text, /the server keeps `name` and `version` unique, so it would refuse the new one \(409\)\. Give the new package another `version` or `name` in the same change\./);
    assert.match(text, /with osd_package\.spare/);
    assert.equal((await client.get('package', id)).value.role, 'software', 'nothing was changed');

    config.osd_package.spare.version = '1.1';
    tf.writeResources(config);
    await tf.apply();
    assert.deepEqual((await tf.plan()).pending, []);
  });

  test('import by ID: the imported state equals the created state', async () => {
    const config = everyType('import');
    const tf = await applied(config);
    const created = await tf.state();
    const other = await workspace(config);
    other.writeResources(config, { import: Object.entries(created).map(([to, v]) => ({ to, id: String(v.id) })) });
    await other.apply();
    assert.deepEqual(await other.state(), created);
    assert.deepEqual((await other.plan()).pending, []);

    const single = await workspace({ osd_program: { x: config.osd_program.install }, osd_package: { app: config.osd_package.app } });
    const r = await single.terraform('import', '-no-color', 'osd_program.x', 'not-an-id');
    assert.notEqual(r.code, 0);
    assert.match(oneLine(r.stderr + r.stdout), /"not-an-id" is not <packageId>\/<program name>/);
  });

  test("an object deleted behind Terraform's back plans a create", async () => {
    const tf = await applied({ osd_package: { spare: { name: 'disappears Spare' } } });
    await client.delete('package', String((await tf.state())['osd_package.spare'].id));
    const plan = await tf.plan();
    assert.deepEqual(plan.actions('osd_package.spare'), ['create']);
    assert.deepEqual(plan.pending, ['osd_package.spare']);
    await tf.apply();
    assert.deepEqual((await tf.plan()).pending, []);
  });

  test("an object changed behind Terraform's back plans the change back, and apply restores it", async () => {
    const tf = await applied({ osd_package: { app: { name: 'drift App', version: '1.0', description: 'as configured' } } });
    const id = String((await tf.state())['osd_package.app'].id);
    const current = await client.get('package', id);
    await client.update('package', id, { ...current.value, description: 'edited in the console' }, { etag: current.etag });
    const plan = await tf.plan();
    assert.deepEqual(plan.pending, ['osd_package.app']);
    assert.deepEqual(plan.actions('osd_package.app'), ['update']);
    await tf.apply();
    assert.equal((await client.get('package', id)).value.description, 'as configured');
  });

  test('R6 and R1 violations fail at plan time with the rule in the message', async () => {
    const config = everyType('rules');
    const tf = await applied(config);
    const late = structuredClone(config);
    stepsOf(late).push({ name: 'Configure RAID late', run_command_line: { command_line: 'raid.cmd', package_id: '${osd_package.tools.id}', hardware: 'raid' } });
    tf.writeResources(late);
    const r6 = await tf.terraform('plan', '-no-color', '-input=false');
    assert.notEqual(r6.code, 0);
    assert.match(oneLine(r6.stderr), /R6: hardware step "Configure RAID late" \(raid\) comes after step "Partition"/);
    assert.match(oneLine(r6.stderr), /steps\[7\]/);

    // R1 needs the program's content: it exists on the server, so the plan looks it up.
    const appId = String((await tf.state())['osd_package.app'].id);
    await client.create('program', { packageId: appId, name: 'Chained', commandLine: 'chained.exe', adminRights: true, runWhen: 'noUserLoggedOn', runFirst: { packageId: appId, program: 'Install' } });
    const chained = structuredClone(config);
    stepsOf(chained).push({ name: 'Install chained', install_software: { package_id: appId, program_name: 'Chained' } });
    tf.writeResources(chained);
    const r1 = await tf.terraform('plan', '-no-color', '-input=false');
    assert.notEqual(r1.code, 0);
    assert.match(oneLine(r1.stderr), /R1: step "Install chained" installs program "Chained" of package CM[0-9A-F]{6}, which runs program "Install" first; operating system deployment does not support that/);
  });

  test('no secret appears in plan output, the state file or the provider log', async () => {
    const config = everyType('secrets');
    const tf = await applied(config, { traceLog: true });
    // A write-only value is never stored, so Terraform sends a new one when its _wo_version changes.
    const join = stepsOf(config)[4].apply_network_settings;
    join.join_password = `${JOIN_PASSWORD}-2`;
    join.join_password_wo_version = 2;
    tf.writeResources(config);
    const planned = await tf.terraform('plan', '-no-color', '-input=false');
    const rotated = await tf.apply();
    const files = readdirSync(tf.dir).filter((f) => f.endsWith('.tfstate') || f.endsWith('.backup') || f === 'terraform.log');
    assert.ok(files.includes('terraform.tfstate') && files.includes('terraform.log'), files.join(','));
    assert.match(readFileSync(path.join(tf.dir, 'terraform.log'), 'utf8'), /provider\.osd|terraform-provider-osd/, "the trace log holds the provider's lines");
    for (const text of [planned.stdout, planned.stderr, rotated.stdout, rotated.stderr, ...files.map((f) => readFileSync(path.join(tf.dir, f), 'utf8'))]) {
      for (const secret of [JOIN_PASSWORD, `${JOIN_PASSWORD}-2`, CAPTURE_PASSWORD]) assert.ok(!text.includes(secret), `a secret leaked: ${secret}`);
    }
    const ts = (await client.get('taskSequence', String((await tf.state())['osd_task_sequence.deploy'].id))).value;
    assert.deepEqual(ts.steps[4].applyNetworkSettings?.joinPassword, { set: true, version: 2 });
  });

  test('destroy removes every object from the server', async () => {
    const config = everyType('destroy');
    const tf = await applied(config);
    const created = await tf.state();
    await tf.destroy();
    assert.deepEqual(await tf.state(), {});
    for (const [address, values] of Object.entries(created)) {
      const kind = KIND_NAMES.find((k) => KINDS[k].terraformType === address.split('.')[0])!;
      await assert.rejects(client.get(kind, String(values.id)), OsdNotFoundError, address);
    }
  });
});
