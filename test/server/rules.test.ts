/**
 * The seed rules as the server applies them (through the model): for R1, R2, R5, R6 and R7 one
 * object refused (status, the detail's path and rule, a message naming the value) and one accepted.
 */
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { bootImageBody, installableProgramBody, osImageBody, packageBody, taskSequenceBody, usmtPackageBody } from './fixtures';
import { call, create, type Answer } from './http';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

interface Expected {
  readonly status: number;
  readonly path: string;
  readonly rule: string;
  /** Text the detail's message must contain: the offending value. */
  readonly names: string | RegExp;
}

function assertRefused(answer: Answer, expected: Expected): void {
  assert.equal(answer.status, expected.status, answer.text);
  const details = answer.json.error.details as { path: string; rule: string; message: string }[];
  const detail = details.find((d) => d.path === expected.path && d.rule === expected.rule);
  assert.ok(detail, `no detail with path ${expected.path} and rule ${expected.rule} in ${JSON.stringify(details)}`);
  if (typeof expected.names === 'string') assert.ok(detail.message.includes(expected.names), `"${detail.message}" does not name ${expected.names}`);
  else assert.match(detail.message, expected.names);
  assert.ok(answer.json.error.message.length > 0);
}

const partition = { name: 'Partition', partitionDisk: { partitions: [{ size: 100 }] } };

describe('R1: a step may not install a program that runs another program first', () => {
  let pkgId: string;
  beforeAll(async () => {
    pkgId = String((await create(server, '/api/v1/packages', packageBody('r1'))).id);
    await create(server, `/api/v1/packages/${pkgId}/programs`, installableProgramBody('Prereq'));
    await create(server, `/api/v1/packages/${pkgId}/programs`, installableProgramBody('Main', { runFirst: { packageId: pkgId, program: 'Prereq' } }));
  });
  const install = (program: string) => ({ name: `Install ${program}`, installSoftware: { packageId: pkgId, programName: program } });

  test('refused: installing "Main", which runs "Prereq" first', async () => {
    const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('r1-bad', [install('Main')]) });
    assertRefused(answer, { status: 422, path: '/steps/0/installSoftware/programName', rule: 'R1', names: '"Main"' });
    assert.match(answer.json.error.details[0].message, /Prereq/);
  });
  test('accepted: the dependency installed in its own step first', async () => {
    const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('r1-good', [install('Prereq')]) });
    assert.equal(answer.status, 201, answer.text);
  });
});

describe('R2: references must exist; a referenced object cannot be deleted', () => {
  test('refused: a task sequence naming a boot image that does not exist', async () => {
    const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('r2-bad', [partition], { bootImageId: 'CM1FFFFE' }) });
    assertRefused(answer, { status: 422, path: '/bootImageId', rule: 'R2', names: 'boot image CM1FFFFE, which does not exist on the server' });
  });
  test('refused: deleting a boot image a task sequence references; accepted once it no longer does', async () => {
    const boot = await create(server, '/api/v1/boot-images', bootImageBody('r2'));
    const ts = await create(server, '/api/v1/task-sequences', taskSequenceBody('r2-good', [partition], { bootImageId: boot.id }));
    const refused = await call(server, 'DELETE', `/api/v1/boot-images/${boot.id}`);
    assertRefused(refused, { status: 409, path: '/bootImageId', rule: 'R2', names: String(ts.id) });
    assert.deepEqual(refused.json.error.details[0].referencedBy, { kind: 'taskSequence', id: ts.id, name: ts.name });
    assert.equal(
      refused.json.error.message,
      `R2: boot image ${boot.id} ("WinPE r2") cannot be deleted: task sequence ${ts.id} ("Deploy r2-good") references it at /bootImageId; change or delete it first`,
    );

    const { id: _id, bootImageId: _boot, ...withoutBoot } = ts;
    assert.equal((await call(server, 'PUT', `/api/v1/task-sequences/${ts.id}`, { body: withoutBoot })).status, 200);
    assert.equal((await call(server, 'DELETE', `/api/v1/boot-images/${boot.id}`)).status, 204);
  });
  test('refused: deleting a package that still has programs, listing them', async () => {
    const pkg = await create(server, '/api/v1/packages', packageBody('r2-programs'));
    await create(server, `/api/v1/packages/${pkg.id}/programs`, installableProgramBody('One'));
    await create(server, `/api/v1/packages/${pkg.id}/programs`, installableProgramBody('Two'));
    const refused = await call(server, 'DELETE', `/api/v1/packages/${pkg.id}`);
    assertRefused(refused, { status: 409, path: '/packageId', rule: 'R2', names: '"One"' });
    assert.match(refused.json.error.message, /2 programs \("One", "Two"\)/);
    assert.deepEqual(
      refused.json.error.details.map((d: { referencedBy: { id: string } }) => d.referencedBy.id),
      [`${pkg.id}/One`, `${pkg.id}/Two`],
    );
  });
});

describe('R5: a USMT package needs its rule files and a USMT version the site accepts', () => {
  test('refused: a rule file that is not .xml or .inf', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { body: usmtPackageBody('r5-bad', { ruleFiles: ['scanstate.exe'] }) });
    assertRefused(answer, { status: 422, path: '/usmt/ruleFiles/0', rule: 'R5', names: '"scanstate.exe"' });
  });
  test('refused: a capture step whose USMT package is a software package', async () => {
    const software = await create(server, '/api/v1/packages', packageBody('r5-software'));
    const answer = await call(server, 'POST', '/api/v1/task-sequences', {
      body: taskSequenceBody('r5-capture', [{ name: 'Capture', captureUserState: { usmtPackageId: software.id } }]),
    });
    assertRefused(answer, { status: 422, path: '/steps/0/captureUserState/usmtPackageId', rule: 'R2', names: String(software.id) });
  });
  test('accepted: USMT 3.0 with MigApp.xml and MigUser.xml, and a capture step using it', async () => {
    const usmt = await create(server, '/api/v1/packages', usmtPackageBody('r5-good'));
    const answer = await call(server, 'POST', '/api/v1/task-sequences', {
      body: taskSequenceBody('r5-good', [{ name: 'Capture', captureUserState: { usmtPackageId: usmt.id } }]),
    });
    assert.equal(answer.status, 201, answer.text);
  });
});

describe('R6: hardware steps run in Windows PE before the disk is touched, with tools', () => {
  let toolsId: string;
  beforeAll(async () => {
    toolsId = String((await create(server, '/api/v1/packages', packageBody('r6-tools', { role: 'tools' }))).id);
  });
  const raid = () => ({ name: 'Configure RAID', runCommandLine: { commandLine: 'hpacucli.exe ctrl all create', packageId: toolsId, hardware: 'raid' } });

  test('refused: a RAID step after Partition Disk', async () => {
    const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('r6-bad', [partition, raid()]) });
    assertRefused(answer, { status: 422, path: '/steps/1/runCommandLine/hardware', rule: 'R6', names: '"Configure RAID"' });
  });
  test('accepted: the RAID step first', async () => {
    const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('r6-good', [raid(), partition]) });
    assert.equal(answer.status, 201, answer.text);
  });
});

describe('R7: images hold only Sysprep-capable applications; new content needs a new version', () => {
  test('refused: an application Sysprep cannot generalise', async () => {
    const answer = await call(server, 'POST', '/api/v1/os-images', {
      body: osImageBody('r7-bad', { preinstalledApplications: [{ name: 'Legacy Agent', sysprepCapable: false }] }),
    });
    assertRefused(answer, { status: 422, path: '/preinstalledApplications/0/sysprepCapable', rule: 'R7', names: '"Legacy Agent"' });
  });
  test('accepted: a capable application; refused: changing it without a new version; accepted with one', async () => {
    const image = await create(server, '/api/v1/os-images', osImageBody('r7-good', { preinstalledApplications: [{ name: 'Office', sysprepCapable: true }] }));
    const changed = { ...image, preinstalledApplications: [{ name: 'Office', sysprepCapable: true }, { name: 'Reader', sysprepCapable: true }] };
    const refused = await call(server, 'PUT', `/api/v1/os-images/${image.id}`, { body: changed });
    assertRefused(refused, { status: 422, path: '/version', rule: 'R7', names: '"1"' });
    const accepted = await call(server, 'PUT', `/api/v1/os-images/${image.id}`, { body: { ...changed, version: '2' } });
    assert.equal(accepted.status, 200, accepted.text);
  });
});

describe('warnings (R4) never refuse a write', () => {
  test('a client package program that may run with a user logged on is stored, with an Osd-Warnings header', async () => {
    const client = await create(server, '/api/v1/packages', packageBody('r4-client', { role: 'client', sourcePath: undefined }));
    const answer = await call(server, 'POST', `/api/v1/packages/${client.id}/programs`, { body: { name: 'Install client', commandLine: 'ccmsetup.exe' } });
    assert.equal(answer.status, 201, answer.text);
    const warnings = JSON.parse(answer.headers.get('osd-warnings') ?? '[]') as { path: string; rule: string }[];
    assert.ok(warnings.some((w) => w.path === '/runWhen' && w.rule === 'R4'), JSON.stringify(warnings));
  });
});
