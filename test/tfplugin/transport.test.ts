/**
 * The provider transport as Terraform sees it: the demo provider (test/fixtures) is bundled and
 * installed into a temporary filesystem mirror exactly like the osd provider, then driven by the
 * real terraform binary (offline, temporary CLI config), and by hand over mutual-TLS gRPC for the
 * process rules (no cookie, SIGINT, Shutdown).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { protocol } from '../../lib/tfplugin/protocol/wire';
import { generateCertificate } from '../../lib/tfplugin/transport/certificate';
import { installProvider, type InstallResult } from '../../scripts/install-provider';

const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

let scratch: string;
let installed: InstallResult;
let baseEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'osd-transport-'));
  installed = await installProvider({
    entry: 'test/fixtures/demo-provider-main.ts',
    type: 'demo',
    version: '0.0.1',
    mirrorDir: path.join(scratch, 'mirror'),
    cliConfigFile: path.join(scratch, 'terraformrc'),
  });
  baseEnv = { ...process.env, TF_CLI_CONFIG_FILE: installed.cliConfigFile, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  for (const name of ['TF_LOG', 'TF_LOG_PROVIDER', 'TF_LOG_PATH', 'DEMO_NESTED_WRITE_ONLY', 'DEMO_KEEP_WRITE_ONLY', 'DEMO_SLOW_APPLY_MS']) {
    delete baseEnv[name];
  }
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// --- terraform -----------------------------------------------------------------------------

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function terraform(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync('terraform', [...args, '-no-color'], { cwd: dir, env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(run: Run, what: string): Run {
  assert.equal(run.code, 0, `${what} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

const providerBlock = `terraform {
  required_providers {
    demo = { source = "osd.local/cdk-osd/demo" }
  }
}
provider "demo" {}
`;

function workDir(resources: string): string {
  const dir = path.join(scratch, `work-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'main.tf'), providerBlock + resources);
  ok(terraform(dir, ['init']), 'terraform init');
  return dir;
}

function setConfig(dir: string, resources: string): void {
  writeFileSync(path.join(dir, 'main.tf'), providerBlock + resources);
}

interface StateResource {
  address: string;
  values: Record<string, unknown>;
}

function stateResources(dir: string): StateResource[] {
  const shown = JSON.parse(ok(terraform(dir, ['show', '-json']), 'terraform show').stdout) as {
    values?: { root_module?: { resources?: StateResource[] } };
  };
  return shown.values?.root_module?.resources ?? [];
}

function thing(extra = ''): string {
  return `resource "demo_thing" "a" {
  name     = "x"
  size     = 0.1
  tags     = { a = "b" }
  items    = [{ key = "k", value = "v", secret = "s1" }]
  password = "pw"
${extra}}
`;
}

/** PLAN -detailed-exitcode: 0 no changes, 2 changes. */
function planExitCode(dir: string, env: NodeJS.ProcessEnv = {}): { code: number | null; output: string } {
  const run = terraform(dir, ['plan', '-detailed-exitcode'], env);
  return { code: run.code, output: run.stdout + run.stderr };
}

describe('driven by terraform', () => {
  test('init offline from the mirror, plan, apply, empty plan, update in place, replace, destroy', () => {
    const dir = workDir(thing());
    assert.ok(existsSync(path.join(dir, '.terraform.lock.hcl')));

    const first = planExitCode(dir);
    assert.equal(first.code, 2, first.output);
    assert.match(first.output, /\+ password\s+= \(write-only attribute\)/);

    ok(terraform(dir, ['apply', '-auto-approve']), 'apply');
    const [created] = stateResources(dir);
    assert.ok(created);
    assert.match(String(created.values.id), /^thing-/);
    assert.equal(created.values.password, null, 'write-only attribute not stored');
    assert.equal(created.values.password_length, 2, 'the provider saw the write-only value at apply');
    assert.equal(created.values.size, 0.1);

    const again = planExitCode(dir);
    assert.equal(again.code, 0, `plan after apply not empty:\n${again.output}`);

    setConfig(dir, thing().replace('{ a = "b" }', '{ a = "c" }'));
    const update = planExitCode(dir);
    assert.equal(update.code, 2);
    assert.match(update.output, /will be updated in-place/);
    ok(terraform(dir, ['apply', '-auto-approve']), 'apply update');
    assert.equal(stateResources(dir)[0]?.values.id, created.values.id, 'same object after an in-place update');

    setConfig(dir, thing().replace('name     = "x"', 'name     = "y"').replace('{ a = "b" }', '{ a = "c" }'));
    const replace = planExitCode(dir);
    assert.match(replace.output, /must be replaced/);
    assert.match(replace.output, /# forces replacement/);

    ok(terraform(dir, ['destroy', '-auto-approve']), 'destroy');
    assert.deepEqual(stateResources(dir), []);
  });

  test('numbers come back exactly as Terraform sent them (0.1, 2^53+1, 1e30)', () => {
    const dir = workDir(thing());
    for (const size of ['0.1', '9007199254740993', '1e30', '-2.5']) {
      setConfig(dir, thing().replace('size     = 0.1', `size     = ${size}`));
      ok(terraform(dir, ['apply', '-auto-approve']), `apply with size ${size}`);
      const plan = planExitCode(dir);
      assert.equal(plan.code, 0, `size ${size}: plan after apply not empty:\n${plan.output}`);
    }
  });

  test('validation errors carry their attribute path', () => {
    const dir = workDir(`resource "demo_thing" "a" {
  name  = "invalid"
  items = [{ key = "k" }, { key = "" }]
}
`);
    const run = terraform(dir, ['validate']);
    assert.equal(run.code, 1);
    const output = run.stdout + run.stderr;
    // Terraform underlines the expression at the path it received.
    assert.match(output, /Error: Invalid name\n\n  with demo_thing\.a,\n  on main\.tf line \d+, in resource "demo_thing" "a":\n\s+\d+:\s+name\s+= "invalid"/);
    // Terraform 1.11 follows a path into a list element (items[1]) but not into the element's
    // object constructor (items[1].key): that one is shown on the resource block.
    assert.match(output, /Error: Empty key/);
  });

  test('import reads the object into state', () => {
    const dir = workDir(`resource "demo_thing" "b" {
  name = "imported-1"
}
`);
    ok(terraform(dir, ['import', 'demo_thing.b', 'imported-1']), 'import');
    const [imported] = stateResources(dir);
    assert.equal(imported?.values.id, 'imported-1');
  });

  test('write-only attributes: sent in config, must be null in plan and state, also nested', () => {
    const record = path.join(scratch, `record-${randomUUID().slice(0, 8)}.jsonl`);
    const dir = workDir(thing());
    const env = { DEMO_NESTED_WRITE_ONLY: '1', DEMO_RECORD_FILE: record };

    const plan = terraform(dir, ['plan'], env);
    ok(plan, 'plan with a nested write-only attribute');
    assert.match(plan.stdout, /secret = \(sensitive, write-only attribute\)/);
    ok(terraform(dir, ['apply', '-auto-approve'], env), 'apply with a nested write-only attribute');
    const [stored] = stateResources(dir);
    assert.deepEqual(stored?.values.items, [{ key: 'k', value: 'v', secret: null }]);
    assert.equal(planExitCode(dir, env).code, 0);

    const calls = readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    const planCall = calls.find((c) => c.rpc === 'PlanResourceChange');
    assert.equal(planCall?.config.password, 'pw', 'config carries the write-only value at plan');
    assert.equal(planCall?.config.items[0].secret, 's1');
    assert.equal(planCall?.proposed_new_state.password, 'pw', 'so does the proposed new state');
    assert.equal(planCall?.client_capabilities.write_only_attributes_allowed, true);
    const applyCall = calls.find((c) => c.rpc === 'ApplyResourceChange' && c.config);
    assert.equal(applyCall?.config.password, 'pw', 'config carries the write-only value at apply');
    assert.equal(applyCall?.planned_state.password, null);

    // A provider that hands a write-only value back is stopped by Terraform.
    const dir2 = workDir(thing());
    const keptInPlan = terraform(dir2, ['plan'], { ...env, DEMO_KEEP_WRITE_ONLY: 'plan' });
    assert.equal(keptInPlan.code, 1);
    const planErrors = keptInPlan.stderr.replace(/\s+/g, ' ');
    assert.match(planErrors, /returned a value for the write-only attribute "demo_thing\.a\.password" during planning/);
    assert.match(planErrors, /write-only attribute "demo_thing\.a\.items\[0\]\.secret" during planning/);
    const keptInState = terraform(dir2, ['apply', '-auto-approve'], { ...env, DEMO_KEEP_WRITE_ONLY: 'apply' });
    assert.equal(keptInState.code, 1);
    const applyErrors = keptInState.stderr.replace(/\s+/g, ' ');
    assert.match(applyErrors, /returned a value for the write-only attribute "demo_thing\.a\.password" after apply/);
  });

  test('provider log lines reach TF_LOG', () => {
    const dir = workDir(thing());
    const run = terraform(dir, ['validate'], { TF_LOG: 'debug' });
    ok(run, 'validate');
    assert.match(run.stderr, /ValidateResourceConfig answered/);
  });

  test('Ctrl-C during apply: the provider survives SIGINT, gets StopProvider, and the object is saved', async () => {
    const dir = workDir(thing());
    // Its own process group, so a signal to the group is like Ctrl-C in a terminal.
    const child = spawn('terraform', ['apply', '-auto-approve', '-no-color'], {
      cwd: dir,
      env: { ...baseEnv, DEMO_SLOW_APPLY_MS: '20000' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('Creating...'), 30_000, () => output);
    const interrupted = Date.now();
    process.kill(-child.pid!, 'SIGINT');
    // Terraform exits 1 after an interrupt even when the operation in flight completed.
    await exitOf(child, 30_000);
    assert.match(output, /Interrupt received/, output);
    // The demo's 20 s apply returns early only when StopProvider aborts its stop signal.
    assert.match(output, /demo_thing\.a: Creation complete/, output);
    assert.ok(Date.now() - interrupted < 10_000, 'apply was not stopped');
    const [saved] = stateResources(dir);
    assert.match(String(saved?.values.id), /^thing-/, 'the created object is in state');
  });
});

// --- by hand -------------------------------------------------------------------------------

function waitFor(condition: () => boolean, timeoutMs: number, describe: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out: ${describe()}`));
      else setTimeout(check, 20);
    };
    check();
  });
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('process did not exit')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

interface StartedPlugin {
  child: ChildProcess;
  port: number;
  serverCertPem: string;
  stdout: () => string;
  stderr: () => string;
}

const client = generateCertificate();

async function startPlugin(env: NodeJS.ProcessEnv = {}): Promise<StartedPlugin> {
  const child = spawn(installed.executable, [], {
    env: {
      ...baseEnv,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE,
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      PLUGIN_MIN_PORT: '10000',
      PLUGIN_MAX_PORT: '25000',
      PLUGIN_CLIENT_CERT: client.certPem,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor(() => stdout.includes('\n') || child.exitCode !== null, 10_000, () => stderr);
  const match = /^1\|6\|tcp\|127\.0\.0\.1:(\d+)\|grpc\|([A-Za-z0-9+/]+)\n$/.exec(stdout);
  assert.ok(match, `handshake line: ${JSON.stringify(stdout)} ${stderr}`);
  const der = Buffer.from(match[2]!, 'base64');
  const serverCertPem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  return { child, port: Number(match[1]), serverCertPem, stdout: () => stdout, stderr: () => stderr };
}

function connect(plugin: StartedPlugin, withClientCert = true): http2.ClientHttp2Session {
  return http2.connect(`https://127.0.0.1:${plugin.port}`, {
    ca: plugin.serverCertPem,
    servername: 'localhost',
    ...(withClientCert ? { cert: client.certPem, key: client.keyPem } : {}),
  });
}

interface GrpcResult {
  status: string | undefined;
  message: Buffer;
}

function call(session: http2.ClientHttp2Session, method: string, request: Uint8Array = new Uint8Array(0)): Promise<GrpcResult> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'POST', ':path': method, 'content-type': 'application/grpc', te: 'trailers' });
    const chunks: Buffer[] = [];
    let status: string | undefined;
    stream.on('response', (headers) => (status ??= headers['grpc-status'] as string | undefined));
    stream.on('trailers', (trailers) => (status = trailers['grpc-status'] as string | undefined));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const body = Buffer.concat(chunks);
      resolve({ status, message: body.length >= 5 ? body.subarray(5, 5 + body.readUInt32BE(1)) : Buffer.alloc(0) });
    });
    stream.on('error', reject);
    const frame = Buffer.alloc(5 + request.length);
    frame.writeUInt32BE(request.length, 1);
    Buffer.from(request).copy(frame, 5);
    stream.end(frame);
  });
}

describe('run by hand', () => {
  test('without the magic cookie it explains itself and exits 1', () => {
    const run = spawnSync(installed.executable, [], { env: { ...baseEnv, TF_PLUGIN_MAGIC_COOKIE: '' }, encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /is a Terraform plugin: Terraform starts it, it is not meant to be run by hand/);
  });

  test('without PLUGIN_CLIENT_CERT it refuses to serve (no plaintext)', () => {
    const run = spawnSync(installed.executable, [], {
      env: { ...baseEnv, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, PLUGIN_CLIENT_CERT: '' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /PLUGIN_CLIENT_CERT is not set/);
  });

  test('with only protocol 5 offered it refuses to serve', () => {
    const run = spawnSync(installed.executable, [], {
      env: { ...baseEnv, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, PLUGIN_PROTOCOL_VERSIONS: '5', PLUGIN_CLIENT_CERT: client.certPem },
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /speaks only version 6/);
  });

  test('handshake in the port range; mutual TLS required; SIGINT ignored; Shutdown ends the process', async () => {
    const plugin = await startPlugin({ PLUGIN_MIN_PORT: '20000', PLUGIN_MAX_PORT: '20999' });
    try {
      assert.ok(plugin.port >= 20000 && plugin.port <= 20999, `port ${plugin.port}`);

      // A client without Terraform's certificate does not get through the TLS handshake.
      const stranger = connect(plugin, false);
      const refused = await new Promise<boolean>((resolve) => {
        stranger.on('error', () => resolve(true));
        const stream = stranger.request({ ':method': 'POST', ':path': '/tfplugin6.Provider/GetProviderSchema' });
        stream.on('error', () => resolve(true));
        stream.on('response', () => resolve(false));
        stream.end();
      });
      stranger.destroy();
      assert.ok(refused, 'connection without a client certificate was accepted');

      plugin.child.kill('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(plugin.child.exitCode, null, 'provider died on SIGINT');

      const session = connect(plugin);
      const pb = protocol().tfplugin6;
      const schema = await call(session, '/tfplugin6.Provider/GetProviderSchema');
      assert.equal(schema.status, '0');
      const decoded = pb.GetProviderSchema.Response.decode(schema.message);
      const attributes = decoded.resource_schemas?.demo_thing?.block.attributes ?? [];
      assert.equal(attributes.find((a) => a.name === 'password')?.write_only, true);
      assert.equal(attributes.find((a) => a.name === 'items')?.nested_type?.nesting, 2 /* LIST */);
      assert.equal(Buffer.from(attributes.find((a) => a.name === 'tags')?.type ?? []).toString(), '["map","string"]');

      const unknown = await call(session, '/tfplugin6.Provider/MoveResourceState');
      assert.equal(unknown.status, '12', 'unknown methods answer UNIMPLEMENTED');

      const stopped = await call(session, '/tfplugin6.Provider/StopProvider');
      assert.equal(stopped.status, '0');

      const started = Date.now();
      const shutdown = await call(session, '/plugin.GRPCController/Shutdown');
      assert.equal(shutdown.status, '0');
      const code = await exitOf(plugin.child, 2_000);
      assert.equal(code, 0);
      assert.ok(Date.now() - started < 1_000, `Shutdown took ${Date.now() - started} ms`);
      session.destroy();
      assert.equal(plugin.stdout().split('\n').length, 2, 'nothing on stdout after the handshake line');
    } finally {
      plugin.child.kill('SIGKILL');
    }
  });

  test('a handler failure comes back as an error diagnostic, not a gRPC error', async () => {
    const plugin = await startPlugin();
    try {
      const session = connect(plugin);
      const pb = protocol().tfplugin6;
      // Not configured as an object: the request's config is a msgpack string.
      const request = pb.ValidateResourceConfig.Request.encode({
        type_name: 'demo_thing',
        config: { msgpack: Uint8Array.from([0xa1, 0x78]) },
      }).finish();
      const answer = await call(session, '/tfplugin6.Provider/ValidateResourceConfig', request);
      assert.equal(answer.status, '0');
      const decoded = pb.ValidateResourceConfig.Response.decode(answer.message);
      assert.equal(decoded.diagnostics?.[0]?.severity, 1 /* ERROR */);
      assert.match(decoded.diagnostics?.[0]?.summary ?? '', /Provider error in ValidateResourceConfig/);
      await call(session, '/plugin.GRPCController/Shutdown');
      await exitOf(plugin.child, 2_000);
      session.destroy();
    } finally {
      plugin.child.kill('SIGKILL');
    }
  });
});
