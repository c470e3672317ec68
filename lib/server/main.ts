/**
 * The server's command line: read the configuration, open the store, listen, and shut down
 * cleanly on SIGTERM/SIGINT (stop accepting, let requests in flight finish, close the store,
 * exit 0).
 *
 * stdout carries exactly one first line, `osd-server listening on http://HOST:PORT` (tests and
 * tools parse it), then one line per request. Everything else goes to stderr.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { ConfigError, parseConfig, USAGE, type ServerConfig } from './config';
import { defaultAdminToken } from './default-token';
import { Store } from './store';

/** How long a shutdown may wait for requests in flight before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function main(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: ServerConfig;
  try {
    const parsed = parseConfig(argv, env, process.cwd());
    if (parsed.help || !parsed.config) {
      process.stdout.write(USAGE);
      return;
    }
    config = parsed.config;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`osd-server: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }

  if (config.tokens.length === 0) {
    const { token, file, created } = defaultAdminToken(config.dataDir);
    process.stderr.write(`osd-server: no token configured; ${created ? 'created' : 'using'} the admin token in ${file}\n`);
    config = { ...config, tokens: [token] };
  }

  const store = new Store(config.dataDir);
  const app = buildApp({ config, store, logRequest: (line) => process.stdout.write(`${line}\n`) });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    process.stderr.write(`osd-server: cannot listen on ${config.host}:${config.port}: ${(e as Error).message}\n`);
    store.close();
    process.exitCode = 1;
    return;
  }
  const { port } = app.server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(`osd-server listening on http://${host}:${port}\n`);
  if (Object.values(config.faults).some((v) => v > 0)) {
    process.stderr.write(`osd-server: fault injection is on: ${JSON.stringify(config.faults)}\n`);
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`osd-server: ${signal} received; finishing requests in flight\n`);
    const force = setTimeout(() => {
      process.stderr.write(`osd-server: requests still in flight after ${SHUTDOWN_GRACE_MS} ms; exiting anyway\n`);
      store.close();
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Keep-alive connections that were busy when the shutdown began become idle once their answer
    // is sent; close them then, or the server would wait for the clients to hang up.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    sweep.unref();
    app
      .close()
      .then(() => {
        clearInterval(sweep);
        store.close();
        process.exit(0);
      })
      .catch((e: unknown) => {
        process.stderr.write(`osd-server: shutdown failed: ${(e as Error).message}\n`);
        store.close();
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`osd-server: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
