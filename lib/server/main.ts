/**
 * The server's command line: read the configuration, open the store, listen, and shut down
 * cleanly on SIGTERM/SIGINT (stop accepting, let requests in flight finish, close the store,
 * exit 0).
 *
 * stdout carries exactly one first line, `osd-server listening on http://HOST:PORT` (tests and
 * tools parse it), then one line per request. Everything else goes to stderr.
 */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { ConfigError, parseConfig, USAGE, type ServerConfig } from './config';
import { defaultAdminToken } from './default-token';
import { ensurePrivateDir, openToOthers } from './private-files';
import { loadSecretKeys, SecretKeyMismatch, type SecretKeys } from './secret-keys';
import { Store, type SealingReport } from './store';

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

  ensurePrivateDir(config.dataDir);
  const exposed = openToOthers(config.dataDir);
  if (exposed) process.stderr.write(`osd-server: warning: the data directory ${config.dataDir} is not private (${exposed}); chmod 700 it\n`);

  let keys: SecretKeys;
  let store: Store;
  try {
    keys = loadSecretKeys(config);
    if (keys.createdFile) process.stderr.write(`osd-server: created the key that seals stored secrets in ${keys.createdFile}; keep a copy apart from the store's backups\n`);
    store = openStore(config.dataDir, keys);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof SecretKeyMismatch) {
      process.stderr.write(`osd-server: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
  reportSealing(store.sealing, keys);

  if (config.tokens.length === 0) {
    const { token, file, created } = defaultAdminToken(config.dataDir);
    process.stderr.write(`osd-server: no token configured; ${created ? 'created' : 'using'} the admin token in ${file}\n`);
    config = { ...config, tokens: [token] };
  }

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

/**
 * Opens the store. A key file made by this start for a store sealed with another key is removed
 * again (the refusal says so): left behind, it would look like the store's key.
 */
function openStore(dataDir: string, keys: SecretKeys): Store {
  try {
    return new Store(dataDir, keys);
  } catch (e) {
    if (e instanceof SecretKeyMismatch && keys.createdFile) fs.rmSync(keys.createdFile, { force: true });
    throw e;
  }
}

function reportSealing(report: SealingReport, keys: SecretKeys): void {
  const say = (text: string) => process.stderr.write(`osd-server: ${text}\n`);
  if (report.sealedPlainText !== undefined) {
    say(`sealed ${report.sealedPlainText} secret value(s) that an earlier version stored in plain text, with key ${keys.current.cipher.keyName} from ${keys.current.from}; the store file was rewritten so that no plain text is left in it`);
  }
  if (report.resealed !== undefined) {
    say(
      `sealed ${report.resealed} secret value(s) again with key ${keys.current.cipher.keyName} from ${keys.current.from}, instead of key ${keys.previous!.cipher.keyName} from ${keys.previous!.from}; ` +
        'the store file was rewritten; the previous key is no longer needed for this store (backups made before still need it)',
    );
  }
  if (report.previousKeyUnused) say(`the store is sealed with the current key ${keys.current.cipher.keyName} already; ${keys.previous!.from} is not needed any more`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`osd-server: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
