/**
 * A server killed in the middle of an apply (kill -9, no clean shutdown): after a restart, at most
 * two further applies converge, with exactly the configured objects on the server, no duplicates,
 * an empty plan and a state listing exactly the configured resources. Creates whose answer was
 * lost with the server are finished by taking the object the server committed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { OsdClient } from '../../lib/client';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { Workspace, type TerraformResult } from '../support/terraform';

jest.setTimeout(600_000);

const SEQUENCES = 50; // each with a package and a program: 150 objects

function configuration(): Record<string, Record<string, unknown>> {
  const packages: Record<string, unknown> = {};
  const programs: Record<string, unknown> = {};
  const sequences: Record<string, unknown> = {};
  for (let i = 0; i < SEQUENCES; i++) {
    packages[`app${i}`] = { name: `App ${i}`, version: '1.0', source_path: `\\\\srv01\\src\\app${i}` };
    programs[`install${i}`] = { package_id: `\${osd_package.app${i}.id}`, name: 'Install', command_line: 'setup.exe /q', admin_rights: true, run_when: 'noUserLoggedOn' };
    sequences[`deploy${i}`] = {
      name: `Deploy app ${i}`,
      steps: [{ name: 'Install', install_software: { package_id: `\${osd_program.install${i}.package_id}`, program_name: `\${osd_program.install${i}.name}` } }],
    };
  }
  return { osd_package: packages, osd_program: programs, osd_task_sequence: sequences };
}

const EXPECTED = SEQUENCES * 3;

let server: RunningServer;
let tf: Workspace;
let client: OsdClient;

beforeAll(async () => {
  // Latency spreads the apply out, so the kill lands in its middle.
  server = await startServer({ args: ['--fault-latency-ms', '40'] });
  client = new OsdClient({ endpoint: server.url, token: server.adminToken, maxRetries: 20 });
  // A short retry budget, so the interrupted apply gives up while the server is down.
  tf = await Workspace.create({ endpoint: server.url, token: server.adminToken, env: { OSD_RETRY_TIMEOUT: '3' } });
  tf.writeResources(configuration());
  await tf.init();
});

afterAll(async () => {
  tf?.remove();
  await server?.stop();
});

/** Every object on the server: packages, their programs, task sequences. */
async function objectsOnServer(): Promise<{ packages: string[]; programs: string[]; sequences: string[] }> {
  const packages = (await client.list('package')).value;
  const programs = (await Promise.all(packages.map(async (p) => (await client.list('program', { packageId: p.id! })).value.map((x) => `${p.name}/${x.name}`)))).flat();
  const sequences = (await client.list('taskSequence')).value.map((s) => s.name);
  return { packages: packages.map((p) => p.name), programs, sequences };
}

const total = (o: Awaited<ReturnType<typeof objectsOnServer>>) => o.packages.length + o.programs.length + o.sequences.length;

function applyInBackground(): Promise<TerraformResult> {
  return new Promise((resolve) => {
    const child = spawn('terraform', [`-chdir=${tf.dir}`, 'apply', '-auto-approve', '-no-color', '-input=false'], { env: tf.environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

test('kill -9 of the server after ~40 % of a 150-object apply: a restart and at most 2 applies converge exactly', async () => {
  const started = performance.now();
  const interrupted = applyInBackground();
  let seen = 0;
  while (seen < EXPECTED * 0.4) {
    await sleep(100);
    seen = total(await objectsOnServer());
  }
  await server.kill9();
  const first = await interrupted;
  assert.notEqual(first.code, 0, 'the apply cannot finish without its server');
  await server.restart();
  const afterCrash = total(await objectsOnServer());

  let applies = 0;
  let last: TerraformResult | undefined;
  while (applies < 2) {
    applies++;
    last = await tf.terraform('apply', '-auto-approve', '-no-color', '-input=false');
    if (last.code === 0) break;
  }
  assert.equal(last?.code, 0, `not converged after ${applies} applies:\n${last?.stderr}`);

  const objects = await objectsOnServer();
  assert.equal(objects.packages.length, SEQUENCES);
  assert.equal(objects.programs.length, SEQUENCES);
  assert.equal(objects.sequences.length, SEQUENCES);
  assert.equal(new Set(objects.packages).size, SEQUENCES, 'no duplicate packages');
  assert.equal(new Set(objects.sequences).size, SEQUENCES, 'no duplicate task sequences');
  assert.deepEqual((await tf.plan()).pending, [], 'the plan after convergence is empty');
  const configured = Object.entries(configuration()).flatMap(([type, rs]) => Object.keys(rs).map((n) => `${type}.${n}`));
  assert.deepEqual(Object.keys(await tf.state()).sort(), configured.sort());
  const adopted = (last!.stdout + last!.stderr).match(/was already on the server/g)?.length ?? 0;
  process.stderr.write(
    `crash recovery: killed at ${seen}/${EXPECTED} objects, ${afterCrash} on the server after restart, ${adopted} create(s) finished by adoption, converged in ${applies} apply(s), ${((performance.now() - started) / 1000).toFixed(1)} s in all\n`,
  );
});
