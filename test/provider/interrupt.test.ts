/**
 * Ctrl-C: Terraform passes SIGINT to its whole process group, asks the provider to stop, waits for
 * the operations in flight and saves state. In an apply the provider must survive the signal and
 * finish what it sent, or objects it created would be missing from state and be created twice
 * next time; a read in flight it cuts off, so that Terraform stops at once.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OsdClient } from '../../lib/client';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { Workspace } from '../support/terraform';

jest.setTimeout(120_000);

/** Runs terraform in its own process group (as a terminal's foreground job), collecting its output. */
function startTerraform(tf: Workspace, args: string[]) {
  const child = spawn('terraform', [`-chdir=${tf.dir}`, ...args], { env: tf.environment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output, interrupt: () => process.kill(-child.pid!, 'SIGINT') };
}

describe('Ctrl-C during an apply', () => {
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
    const run = startTerraform(tf, ['apply', '-auto-approve', '-no-color', '-parallelism=4']);

    const deadline = Date.now() + 60_000;
    while ((await client.list('package')).value.length < 5) {
      assert.ok(Date.now() < deadline, `the apply never got going:\n${run.output()}`);
      await sleep(50);
    }
    run.interrupt();
    const code = await run.exited;

    const onServer = (await client.list('package')).value.map((p) => p.id).sort();
    const inState = Object.values(await tf.state()).map((r) => String(r.id)).sort();
    assert.ok(onServer.length < COUNT, `the interrupt came too late to test anything (exit ${code})`);
    assert.deepEqual(inState, onServer, `server and state differ after the interrupt:\n${run.output()}`);
    assert.match(run.output(), /Interrupt received|interrupted/i);

    // The next apply creates only what is missing: no object twice.
    await tf.apply();
    assert.equal((await client.list('package')).value.length, COUNT);
  });
});

describe('Ctrl-C during a plan', () => {
  const LATENCY_MS = 40_000;
  let slow: RunningServer;
  let tf: Workspace;

  beforeAll(async () => {
    // Every request takes 40 s to be answered: a plan's first request is still in flight when Ctrl-C comes.
    slow = await startServer({ args: ['--fault-latency-ms', String(LATENCY_MS)] });
    tf = await Workspace.create({ endpoint: slow.url, token: slow.adminToken, env: { TF_LOG_PROVIDER: 'debug' } });
    tf.environment.TF_LOG_PATH = path.join(tf.dir, 'provider.log');
    tf.writeResources({ osd_package: { app: { name: 'Contoso App', version: '1.0' } } });
    await tf.init();
  });

  afterAll(async () => {
    tf?.remove();
    await slow?.stop();
  });

  test('StopProvider cuts off the requests in flight: terraform ends in seconds, not when the server answers', async () => {
    const log = path.join(tf.dir, 'provider.log');
    const run = startTerraform(tf, ['plan', '-no-color', '-input=false']);
    // The plan's provider process is configured, then asks the server about the site at once.
    const deadline = Date.now() + 30_000;
    while (!(existsSync(log) && /ConfigureProvider answered/.test(readFileSync(log, 'utf8')))) {
      assert.ok(Date.now() < deadline, `the plan never reached the provider:\n${run.output()}`);
      await sleep(100);
    }
    await sleep(1_000);
    const interrupted = Date.now();
    run.interrupt();
    await run.exited;
    const took = Date.now() - interrupted;
    assert.match(run.output(), /Interrupt received/, run.output());
    assert.ok(took < LATENCY_MS / 2, `terraform took ${took} ms after the interrupt (the server answers after ${LATENCY_MS} ms):\n${run.output()}`);
    assert.match(readFileSync(log, 'utf8'), /StopProvider: Terraform asked the provider to stop/);
  });
});
