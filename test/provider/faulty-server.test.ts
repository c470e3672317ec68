/**
 * A server that refuses one request in five (503 + Retry-After): with the provider's time-based
 * retry budget, the apply of 200 objects and ten plans in a row of them all succeed at the first
 * try. A budget counted in attempts does not: in a plan's hundreds of requests, some request
 * meets six refusals in a row now and then.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { Workspace } from '../support/terraform';

jest.setTimeout(900_000);

const PACKAGES = 150;
const PROGRAMS = 40;
const TASK_SEQUENCES = 10;
const PLANS = 10;

/** 200 objects: packages, programs in 40 of them, task sequences installing those programs (so a plan also looks them up). */
function configuration(): Record<string, Record<string, unknown>> {
  const osd_package = Object.fromEntries(Array.from({ length: PACKAGES }, (_, i) => [`p${i}`, { name: `Faulty ${i}`, version: '1.0' }]));
  const osd_program = Object.fromEntries(
    Array.from({ length: PROGRAMS }, (_, i) => [
      `install${i}`,
      { package_id: `\${osd_package.p${i}.id}`, name: 'Install', command_line: 'setup.exe /quiet', admin_rights: true, run_when: 'noUserLoggedOn' },
    ]),
  );
  const perSequence = PROGRAMS / TASK_SEQUENCES;
  const osd_task_sequence = Object.fromEntries(
    Array.from({ length: TASK_SEQUENCES }, (_, t) => [
      `ts${t}`,
      {
        name: `Faulty deployment ${t}`,
        steps: Array.from({ length: perSequence }, (_, s) => {
          const program = `osd_program.install${t * perSequence + s}`;
          return { name: `Install ${s}`, install_software: { package_id: `\${${program}.package_id}`, program_name: `\${${program}.name}` } };
        }),
      },
    ]),
  );
  return { osd_package, osd_program, osd_task_sequence };
}

let server: RunningServer;
let tf: Workspace;

beforeAll(async () => {
  server = await startServer({ args: ['--fault-error-rate', '0.2'] });
  tf = await Workspace.create({ endpoint: server.url, token: server.adminToken, env: { TF_LOG_PROVIDER: 'warn' } });
  tf.environment.TF_LOG_PATH = path.join(tf.dir, 'provider.log');
  tf.writeResources(configuration());
  await tf.init();
});

afterAll(async () => {
  tf?.remove();
  await server?.stop();
});

test(`with 20 % of requests refused, the apply of ${PACKAGES + PROGRAMS + TASK_SEQUENCES} objects and ${PLANS} plans in a row succeed at the first try`, async () => {
  await tf.apply();
  assert.equal(Object.keys(await tf.state()).length, PACKAGES + PROGRAMS + TASK_SEQUENCES);
  for (let i = 1; i <= PLANS; i++) {
    const plan = await tf.terraform('plan', '-detailed-exitcode', '-input=false', '-no-color');
    assert.equal(plan.code, 0, `plan ${i} of ${PLANS} did not succeed with no changes (exit ${plan.code}):\n${plan.stderr}`);
  }
  const retried = readFileSync(path.join(tf.dir, 'provider.log'), 'utf8').match(/retrying a request to the deployment server/g) ?? [];
  assert.ok(retried.length > 100, `the faults were injected and retried (${retried.length} retries logged)`);
});
