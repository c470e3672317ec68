/** Data sources look up objects the configuration does not manage, through real terraform. */
import assert from 'node:assert/strict';
import { OsdClient } from '../../lib/client';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { oneLine, Workspace } from '../support/terraform';

let server: RunningServer;
let tf: Workspace;
let ids: { pkg: string; boot: string };

beforeAll(async () => {
  server = await startServer();
  const client = new OsdClient({ endpoint: server.url, token: server.adminToken });
  const pkg = await client.create('package', { name: 'Office 2007', version: '12.0', sourcePath: '\\\\srv01\\src\\office' });
  await client.create('package', { name: 'Office 2007', version: '12.1' });
  await client.create('program', { packageId: pkg.value.id, name: 'Install', commandLine: 'setup.exe /adminfile office.msp', adminRights: true, runWhen: 'noUserLoggedOn' });
  const boot = await client.create('bootImage', { name: 'WinPE x64', sourcePath: '\\\\srv01\\boot\\x64.wim', architecture: 'x64' });
  ids = { pkg: pkg.value.id, boot: boot.value.id };
  tf = await Workspace.create({ endpoint: server.url, token: server.readerToken });
  await tf.init();
});

afterAll(async () => {
  tf?.remove();
  await server?.stop();
});

test('packages, programs, boot images and the site are found by name; a reader token is enough', async () => {
  tf.writeResources({}, {
    data: {
      osd_package: { office: { name: 'Office 2007', version: '12.0' } },
      osd_program: { install: { package_id: '${data.osd_package.office.id}', name: 'Install' } },
      osd_boot_image: { pe: { name: 'WinPE x64' } },
      osd_site: { this: {} },
    },
    output: {
      package_id: { value: '${data.osd_package.office.id}' },
      program_flags: { value: '${data.osd_program.install.flags}' },
      command_line: { value: '${data.osd_program.install.command_line}' },
      boot_arch: { value: '${data.osd_boot_image.pe.architecture}' },
      site_code: { value: '${data.osd_site.this.site_code}' },
      usmt: { value: '${data.osd_site.this.allowed_usmt_versions}' },
    },
  });
  await tf.apply();
  const out = JSON.parse((await tf.must('output', '-json')).stdout) as Record<string, { value: unknown }>;
  assert.equal(out.package_id.value, ids.pkg);
  assert.equal(out.command_line.value, 'setup.exe /adminfile office.msp');
  assert.equal(typeof out.program_flags.value, 'number');
  assert.equal(out.boot_arch.value, 'x64');
  assert.equal(out.site_code.value, 'CM1');
  assert.deepEqual(out.usmt.value, ['3.0', '4.0']);
});

test('an ambiguous or missing name is an error that says what to do', async () => {
  tf.writeResources({}, { data: { osd_package: { office: { name: 'Office 2007' } } } });
  const ambiguous = await tf.terraform('plan', '-no-color', '-input=false');
  assert.notEqual(ambiguous.code, 0);
  assert.match(oneLine(ambiguous.stderr), /2 objects matching package with name "Office 2007"; give the version too/);
  tf.writeResources({}, { data: { osd_package: { office: { name: 'Visio' } } } });
  const missing = await tf.terraform('plan', '-no-color', '-input=false');
  assert.match(oneLine(missing.stderr), /the server has no package with name "Visio"/);
});
