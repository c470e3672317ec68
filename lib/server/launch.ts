/**
 * Starts the real deployment server (a child process, `lib/server/main.ts`) on a free loopback
 * port with a temporary store (or a given one), for the tests, the benchmarks and `npm start`.
 *
 *   const server = await startServer();
 *   await fetch(`${server.url}/api/v1/packages`, { headers: { authorization: `Bearer ${server.adminToken}` } });
 *   await server.stop();
 *
 * - `url`: `http://127.0.0.1:PORT` (no trailing slash, no `/api/v1`). It stays the same across
 *   `restart()` unless the port was taken meanwhile.
 * - `adminToken` / `readerToken`: bearer tokens with roles admin and reader (actors `admin`, `reader`).
 * - `dataDir`: the store's directory; a temporary one unless `options.dataDir` is given.
 * - `stop()`: SIGTERM, waits for exit, resolves to the exit code (0 after a clean shutdown); the
 *   end of this server: a temporary data dir is removed.
 * - `kill9()`: SIGKILL (no clean shutdown); keeps the data dir, for durability tests.
 * - `restart()`: starts the server again on the same data dir, after `kill9()` or while it runs
 *   (then it is first stopped with SIGTERM).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ServerOptions {
  /** Use this data dir instead of a new temporary one (then it is never removed). */
  readonly dataDir?: string;
  /** Extra command-line flags, e.g. `['--fault-error-rate', '0.5']` or `['--site-code', 'XYZ']`. */
  readonly args?: readonly string[];
  /** Extra environment variables for the server process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Echo the server's stdout and stderr (request log) to this process's stderr. */
  readonly echo?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly adminToken: string;
  readonly readerToken: string;
  readonly dataDir: string;
  stop(): Promise<number | null>;
  kill9(): Promise<void>;
  restart(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const LISTENING = /^osd-server listening on (http:\/\/\S+)$/;
const START_TIMEOUT_MS = 20_000;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'osd-server-test-'));
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  const readerToken = `reader-${randomBytes(12).toString('hex')}`;
  let child: ChildProcess | undefined;
  let url = '';

  const launch = async (port: number): Promise<void> => {
    const started = await spawnServer(['--port', String(port), '--data-dir', dataDir, ...(options.args ?? [])], {
      ...process.env,
      OSD_ADMIN_TOKEN: adminToken,
      OSD_READER_TOKEN: readerToken,
      OSD_TOKENS: '',
      ...options.env,
    }, options.echo ?? false);
    child = started.child;
    url = started.url;
  };
  const exited = async (signal: NodeJS.Signals): Promise<number | null> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return c?.exitCode ?? null;
    const done = new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code)));
    c.kill(signal);
    return done;
  };

  try {
    await launch(0);
  } catch (e) {
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    get url() {
      return url;
    },
    adminToken,
    readerToken,
    dataDir,
    async stop() {
      const code = await exited('SIGTERM');
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
    async kill9() {
      await exited('SIGKILL');
    },
    async restart() {
      await exited('SIGTERM');
      const port = Number(new URL(url).port);
      try {
        await launch(port);
      } catch {
        // The old port was taken in between: any free one will do.
        await launch(0);
      }
    },
  };
}

const running = new Set<ChildProcess>();
// A test that fails half-way must not leave servers behind.
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

async function spawnServer(args: string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'server', 'main.ts'), ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-10_000);
    if (echo) process.stderr.write(chunk);
  });
  child.stdout!.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let buffered = '';
    let listening = false;
    const timer = setTimeout(() => fail(`the server did not say it was listening within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\nstderr:\n${stderr}`));
    }
    child.once('exit', (code, signal) => {
      if (!listening) fail(`the server exited (code ${code}, signal ${signal}) before listening`);
    });
    // The request log keeps coming after the first line; it is read (and dropped) so the pipe never fills.
    child.stdout!.on('data', (chunk: string) => {
      if (echo) process.stderr.write(chunk);
      if (listening) return;
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      const match = LISTENING.exec(buffered.slice(0, newline));
      if (!match) return fail(`the server's first line is not "osd-server listening on http://HOST:PORT": ${JSON.stringify(buffered.slice(0, newline))}`);
      listening = true;
      clearTimeout(timer);
      resolve({ child, url: match[1] });
    });
  });
}
