/**
 * Ctrl-C in the middle of an apply: Terraform passes SIGINT to its whole process group, asks the
 * provider to stop, waits for the operations in flight and saves state. The provider must survive
 * the signal, or objects it created would be missing from state and be created twice next time.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { OsdClient } from '../../lib/client';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { Workspace } from '../support/terraform';

jest.setTimeout(120_000);

const COUNT = 50;
let server: RunningServer;
let tf: Workspace;

beforeAll(async () => {
  // Latency makes each create take a while, so the interrupt lands in the middle of the apply.
  server = await startServer({ args: ['--fault-latency-ms', '150'] });
  tf = await Workspace.create({ endpoint: server.url, token: server.adminToken });
  const packages = Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`p${i}`, { name: `Package ${i}`, version: '1.0' }]));
  tf.writeResources({ osd_package: packages });
  await tf.init();
});

afterAll(async () => {
  tf?.remove();
  await server?.stop();
});

test('SIGINT to terraform\'s process group mid-apply: every object on the server is in the state', async () => {
  const client = new OsdClient({ endpoint: server.url, token: server.adminToken });
  const child = spawn('terraform', [`-chdir=${tf.dir}`, 'apply', '-auto-approve', '-no-color', '-parallelism=4'], {
    env: tf.environment,
    detached: true, // its own process group, like a terminal's foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const deadline = Date.now() + 60_000;
  while ((await client.list('package')).value.length < 5) {
    assert.ok(Date.now() < deadline, `the apply never got going:\n${output}`);
    await sleep(50);
  }
  process.kill(-child.pid!, 'SIGINT');
  const code = await exited;

  const onServer = (await client.list('package')).value.map((p) => p.id).sort();
  const inState = Object.values(await tf.state()).map((r) => String(r.id)).sort();
  assert.ok(onServer.length < COUNT, `the interrupt came too late to test anything (exit ${code})`);
  assert.deepEqual(inState, onServer, `server and state differ after the interrupt:\n${output}`);
  assert.match(output, /Interrupt received|interrupted/i);

  // The next apply creates only what is missing: no object twice.
  await tf.apply();
  assert.equal((await client.list('package')).value.length, COUNT);
});
