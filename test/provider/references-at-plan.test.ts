/**
 * References at plan time (R2), through the real `terraform` against the real server. An object
 * the configuration creates in the same apply is not on the server when Terraform plans, so a
 * reference to it must plan (with a warning at most) and apply in one go; a reference to an
 * existing object of the wrong kind or role is refused at plan; the server still refuses a
 * dangling reference at apply, and Terraform shows the client's error exactly as it was built.
 */
import assert from 'node:assert/strict';
import { OsdClient } from '../../lib/client';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { oneLine, Workspace } from '../support/terraform';

jest.setTimeout(300_000);

type Config = Record<string, Record<string, Record<string, unknown>>>;

let server: RunningServer;
let client: OsdClient;

beforeAll(async () => {
  server = await startServer();
  client = new OsdClient({ endpoint: server.url, token: server.adminToken });
});
afterAll(async () => server?.stop());

async function workspace(resources: Config): Promise<Workspace> {
  const tf = await Workspace.create({ endpoint: server.url, token: server.adminToken });
  tf.writeResources(resources);
  await tf.init();
  return tf;
}

const appPackage = { name: 'Contoso Suite', version: '2.0', source_path: '\\\\srv01\\src\\suite' };

test('a task sequence may install a program this apply creates under a package that already exists', async () => {
  const tf = await workspace({ osd_package: { app: appPackage } });
  try {
    await tf.apply();
    // The program and the sequence that installs it arrive in one change, as addProgram + InstallSoftware write it.
    tf.writeResources({
      osd_package: { app: appPackage },
      osd_program: {
        install: { package_id: '${osd_package.app.id}', name: 'Install', command_line: 'setup.exe /q', admin_rights: true, run_when: 'noUserLoggedOn' },
      },
      osd_task_sequence: {
        deploy: {
          name: 'Deploy suite',
          steps: [{ name: 'Install suite', install_software: { package_id: '${osd_program.install.package_id}', program_name: '${osd_program.install.name}' } }],
        },
      },
    });
    const plan = await tf.plan();
    assert.deepEqual(plan.pending.sort(), ['osd_program.install', 'osd_task_sequence.deploy']);
    const applied = await tf.apply();
    assert.match(applied.stdout, /Apply complete! Resources: 2 added, 0 changed, 0 destroyed/);
    assert.deepEqual((await tf.plan()).pending, []);
    const id = (await tf.state())['osd_task_sequence.deploy'].id as string;
    const stored = (await client.get('taskSequence', id)).value;
    assert.equal(stored.steps[0].installSoftware?.programName, 'Install');
  } finally {
    tf.remove();
  }
});

test('a reference to an object the server does not have yet is a warning at plan; the apply refuses it (422, R2), shown as the client built it', async () => {
  const tf = await workspace({
    osd_task_sequence: { deploy: { name: 'Deploy dangling', boot_image_id: 'CM1FFFFF', steps: [{ name: 'Partition', partition_disk: { partitions: [{ size: 100 }] } }] } },
  });
  try {
    const plan = await tf.must('plan', '-no-color', '-input=false');
    assert.match(
      oneLine(plan.stdout + plan.stderr),
      /Warning: Task sequence: R2 advice .* R2: boot_image_id references boot image CM1FFFFF, which is not on the server yet; that is fine if this apply creates it, otherwise the apply fails/,
    );
    const applied = await tf.terraform('apply', '-auto-approve', '-no-color', '-input=false');
    assert.notEqual(applied.code, 0);
    assert.match(applied.stderr, /Error: Cannot create task sequence "Deploy dangling"/);
    assert.equal(
      oneLine(applied.stderr).match(/POST \/api\/v1\/task-sequences failed .*?create it first/)?.[0],
      'POST /api/v1/task-sequences failed (422 validation): the task sequence "Deploy dangling" is not valid: R2: /bootImageId references boot image CM1FFFFF, which does not exist on the server; create it first',
    );
    assert.deepEqual((await client.list('taskSequence', { name: 'Deploy dangling' })).value, [], 'nothing was created');
  } finally {
    tf.remove();
  }
});

test('a reference to an existing object of the wrong kind or role is refused at plan', async () => {
  const software = (await client.create('package', { name: 'Office plain', version: '1', role: 'software' })).value;
  const tf = await workspace({
    osd_task_sequence: {
      deploy: {
        name: 'Deploy wrong',
        steps: [
          { name: 'Drivers', apply_driver_package: { driver_package_id: software.id } },
          // Offline, from Windows PE, where the step before it runs (R6).
          { name: 'Capture', capture_user_state: { usmt_package_id: software.id, offline: true } },
        ],
      },
    },
  });
  try {
    const plan = await tf.terraform('plan', '-no-color', '-input=false');
    assert.notEqual(plan.code, 0);
    const text = oneLine(plan.stderr);
    assert.match(
      text,
      new RegExp(`R2: steps\\[0\\]\\.apply_driver_package\\.driver_package_id references package ${software.id}, which is a package; a driver package is needed here`),
    );
    assert.match(
      text,
      new RegExp(
        `R2: steps\\[1\\]\\.capture_user_state\\.usmt_package_id references package ${software.id} \\("Office plain"\\) whose role is "software"; a package with role "usmt" is required here`,
      ),
    );
  } finally {
    tf.remove();
  }
});

test('a failed read reaches Terraform as the client built it: the method and the real path', async () => {
  const tf = await workspace({ osd_package: { app: { name: 'Read me', version: '1' } } });
  try {
    await tf.apply();
    const id = (await tf.state())['osd_package.app'].id as string;
    tf.environment.OSD_TOKEN = 'not-a-token-this-server-knows';
    const refused = await tf.terraform('plan', '-no-color', '-input=false');
    assert.notEqual(refused.code, 0);
    assert.match(
      oneLine(refused.stderr),
      new RegExp(`Error: Cannot read package ${id} .*GET /api/v1/packages/${id} failed \\(401 unauthorized\\): the bearer token is not known to this server`),
    );
  } finally {
    tf.environment.OSD_TOKEN = server.adminToken;
    tf.remove();
  }
});
