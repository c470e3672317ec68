/**
 * `npm start`: deploy the example stacks to a deployment server and show what it then holds.
 *
 *   1. The server: OSD_ENDPOINT + OSD_TOKEN when given; otherwise the embedded server is started
 *      on a free loopback port with its store in .osd/data and a fresh admin token.
 *   2. The provider: `npm run provider:install` puts it in the project's local mirror and writes a
 *      Terraform CLI configuration (.terraform/terraformrc), so Terraform works offline. The
 *      provider is built from this checkout, so its hash changes with the code while its version
 *      stays; the osd.local entries of the lock files in cdktf.out are dropped before deploying.
 *   3. The secrets the stacks declare as sensitive variables: taken from TF_VAR_<name> when set,
 *      otherwise generated for this demo run (never printed).
 *   4. `cdktf deploy '*'`, non-interactive.
 *   5. What the server holds, kind by kind. The embedded server is stopped at the end, even when
 *      a step failed.
 *
 * Usage: node --import tsx scripts/start.ts
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OsdClient } from '../lib/client';
import { providerInstallPaths } from '../lib/provider/install-paths';
import { startServer } from '../lib/server/launch';
import { KIND_NAMES, KINDS, type KindName } from '../lib/model';

const root = path.resolve(__dirname, '..');
/** Where `npm run provider:install` writes the Terraform CLI configuration. */
const CLI_CONFIG_FILE = providerInstallPaths().cliConfigFile;
const SYNTH_DIR = path.join(root, 'cdktf.out');
const DATA_DIR = path.join(root, '.osd', 'data');

/** A step that went wrong, with what to do about it; the message is all the user sees. */
class StartError extends Error {}

interface Server {
  readonly endpoint: string;
  readonly token: string;
  /** Stops the server if this script started it. */
  stop(): Promise<void>;
}

function log(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

/** The server named by the environment, or the embedded one, started now. */
async function server(env: NodeJS.ProcessEnv): Promise<Server> {
  if (env.OSD_ENDPOINT) {
    if (!env.OSD_TOKEN) throw new StartError('OSD_ENDPOINT is set but OSD_TOKEN is not: give the admin token of that server');
    log(`using the deployment server at ${env.OSD_ENDPOINT}`);
    return { endpoint: env.OSD_ENDPOINT, token: env.OSD_TOKEN, stop: async () => {} };
  }
  try {
    const embedded = await startServer({ dataDir: DATA_DIR });
    log(`started the embedded deployment server at ${embedded.url} (store: ${path.relative(root, DATA_DIR)})`);
    return { endpoint: embedded.url, token: embedded.adminToken, stop: async () => void (await embedded.stop()) };
  } catch (err) {
    throw new StartError(`the embedded deployment server did not start: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Runs a command with inherited output; throws a StartError naming it when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): void {
  log(`${what}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) throw new StartError(`${what} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new StartError(`${what} failed (exit code ${result.status})`);
}

/** Installs the provider into the local mirror; returns the Terraform CLI configuration to use. */
function installProvider(env: NodeJS.ProcessEnv): string {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts['provider:install']) {
    throw new StartError('package.json has no "provider:install" script yet, so the provider cannot be installed; stopping before deploy');
  }
  run('npm', ['run', '--silent', 'provider:install'], env, 'installing the provider');
  if (!existsSync(CLI_CONFIG_FILE)) throw new StartError(`provider:install did not write ${path.relative(root, CLI_CONFIG_FILE)}`);
  return CLI_CONFIG_FILE;
}

/** A lock file entry of a provider from the local mirror (`provider "osd.local/…" { … }`). */
const LOCAL_PROVIDER_LOCK = /^provider "osd\.local\/[^"]+" \{\n[\s\S]*?^\}\n?/gm;

/**
 * Drops the lock entries of osd.local providers from the stacks' lock files. They record the hash
 * of the provider as it was built at the last deploy; a rebuild of the same version from changed
 * code would otherwise fail `terraform init` with a checksum mismatch.
 */
function forgetLocalProviderHashes(): void {
  const stacksDir = path.join(SYNTH_DIR, 'stacks');
  for (const stack of readdirSync(stacksDir)) {
    const lockFile = path.join(stacksDir, stack, '.terraform.lock.hcl');
    if (!existsSync(lockFile)) continue;
    const text = readFileSync(lockFile, 'utf8');
    const kept = text.replace(LOCAL_PROVIDER_LOCK, '');
    if (kept !== text) writeFileSync(lockFile, kept);
  }
}

/**
 * Values for the sensitive variables the synthesised stacks declare without a default: TF_VAR_<name>
 * when set, else a random value for this run. Returns the environment additions.
 */
function secretVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const values: Record<string, string> = {};
  const stacksDir = path.join(SYNTH_DIR, 'stacks');
  for (const stack of readdirSync(stacksDir).sort()) {
    const config = JSON.parse(readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8')) as { variable?: Record<string, { default?: unknown }> };
    for (const [name, variable] of Object.entries(config.variable ?? {})) {
      const key = `TF_VAR_${name}`;
      if (variable.default !== undefined || env[key] !== undefined || values[key] !== undefined) continue;
      values[key] = `Demo-${randomBytes(12).toString('base64url')}`;
      log(`${key} is not set: using a generated value for this run (set it to use your own)`);
    }
  }
  return values;
}

/** Prints every object the server holds, kind by kind (programs under their packages). */
async function showServerContents(server: Server): Promise<void> {
  const client = new OsdClient({ endpoint: server.endpoint, token: server.token, maxRetries: 2 });
  log(`the deployment server at ${server.endpoint} now holds:`);
  const packages = (await client.list('package')).value;
  for (const kind of KIND_NAMES) {
    if (kind === 'program') continue;
    const items = kind === 'package' ? packages : ((await client.list(kind as Exclude<KindName, 'program'>)).value as Record<string, unknown>[]);
    process.stdout.write(`  ${KINDS[kind].title}s (${items.length})\n`);
    for (const item of items as Record<string, unknown>[]) {
      const role = kind === 'package' ? ` [${String(item.role)}]` : '';
      const version = item.version ? ` ${String(item.version)}` : '';
      process.stdout.write(`    ${String(item.id)}  ${String(item.name)}${version}${role}\n`);
      if (kind === 'package') {
        for (const program of (await client.list('program', { packageId: String(item.id) })).value) {
          process.stdout.write(`      program ${String(program.name)}: ${String(program.commandLine)}\n`);
        }
      }
      if (kind === 'taskSequence') {
        for (const step of (item.steps as { name: string; inGroup?: string }[] | undefined) ?? []) {
          process.stdout.write(`      ${step.inGroup ? '  ' : ''}${step.name}\n`);
        }
      }
    }
  }
}

async function main(): Promise<void> {
  // No plugin cache: the provider is rebuilt from this checkout under the same version, and a cached
  // copy of an earlier build would be used in its place.
  const base: NodeJS.ProcessEnv = { ...process.env, CI: 'true', CHECKPOINT_DISABLE: '1', CDKTF_DISABLE_PLUGIN_CACHE_ENV: 'true' };
  const srv = await server(base);
  try {
    const env: NodeJS.ProcessEnv = { ...base, OSD_ENDPOINT: srv.endpoint, OSD_TOKEN: srv.token };
    env.TF_CLI_CONFIG_FILE = installProvider(env);
    run('npx', ['cdktf', 'synth', '--no-color'], env, 'synthesising the stacks');
    Object.assign(env, secretVariables(env));
    forgetLocalProviderHashes();
    run('npx', ['cdktf', 'deploy', '*', '--skip-synth', '--auto-approve', '--skip-provider-lock', '--no-color'], env, 'deploying');
    await showServerContents(srv);
  } finally {
    await srv.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[start] ${error instanceof StartError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
