/**
 * Start-up cost of the bundled provider: time from spawning the plugin executable (the wrapper
 * Terraform runs) to its handshake line on stdout, next to `node -e 0` spawned to exit in the
 * same run, alternating so both see the same machine load. Prints medians and the ratio.
 *
 * Usage: npx tsx bench/provider-start.ts [--runs 40] [--entry test/fixtures/demo-provider-main.ts]
 * The provider is bundled into a temporary mirror first (same build as provider:install).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCertificate } from '../lib/tfplugin/transport/certificate';
import { installProvider } from '../scripts/install-provider';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Milliseconds from spawn to the handshake line; the process is killed afterwards. */
function timeHandshake(executable: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(executable, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      const elapsed = ms(start);
      child.kill('SIGKILL');
      if (/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|[A-Za-z0-9+/]+\n$/.test(out)) resolve(elapsed);
      else reject(new Error(`unexpected handshake: ${JSON.stringify(out)}`));
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`provider exited (${code}) before its handshake: ${err}`));
    });
  });
}

function timeNodeBaseline(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve(ms(start)) : reject(new Error(`node -e 0 exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const runs = Number(option('runs', '40'));
  const entry = option('entry', 'lib/provider/main.ts');
  const scratch = mkdtempSync(path.join(tmpdir(), 'osd-bench-'));
  try {
    const installed = await installProvider({
      entry,
      type: 'benchmark',
      version: '0.0.0',
      mirrorDir: path.join(scratch, 'mirror'),
      cliConfigFile: path.join(scratch, 'terraformrc'),
    });
    const client = generateCertificate();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      PLUGIN_MIN_PORT: '10000',
      PLUGIN_MAX_PORT: '25000',
      PLUGIN_CLIENT_CERT: client.certPem,
    };
    // Warm the file cache and node's own start path before measuring.
    await timeHandshake(installed.executable, env);
    await timeNodeBaseline();

    const provider: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      provider.push(await timeHandshake(installed.executable, env));
      baseline.push(await timeNodeBaseline());
    }
    const p = median(provider);
    const b = median(baseline);
    process.stdout.write(
      [
        `provider start-up (${entry}), ${runs} runs each, medians:`,
        `  spawn -> handshake line: ${p.toFixed(1)} ms   (min ${Math.min(...provider).toFixed(1)})`,
        `  node -e 0 (to exit):     ${b.toFixed(1)} ms   (min ${Math.min(...baseline).toFixed(1)})`,
        `  ratio:                   ${(p / b).toFixed(2)}   (provider overhead ${(p - b).toFixed(1)} ms)`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
