/**
 * Runs a provider as a Terraform plugin process (go-plugin protocol, gRPC, plugin protocol 6).
 *
 * Start-up, in order, all of it on the clock of every terraform command (3 starts for a plan,
 * 4 for an apply): check the environment Terraform sets, make a certificate, listen on
 * 127.0.0.1 with mutual TLS, print the handshake line. Only node built-ins and this folder's
 * small modules are loaded before the handshake; protobuf code, msgpack and the provider's own
 * logic load right after it (see `warmUp`), while Terraform is still connecting.
 *
 * Process rules from Terraform's plugin client:
 *   - stdout carries the handshake line and nothing else (console output goes to the log);
 *   - SIGINT is ignored: Ctrl-C reaches the whole process group, and Terraform answers it by
 *     calling StopProvider and waiting for the apply in flight, so dying would lose state;
 *   - Shutdown (go-plugin's GRPCController) ends the process at once, else Terraform waits 2 s
 *     before killing it, per provider process.
 */
import { createLogger, elapsedMs, type Logger } from '../log.js';
import { writeStderr, writeStdout } from '../stdio.js';
import type { ProviderHandlers } from '../protocol/types.js';
import { generateCertificate, type ProviderCertificate } from './certificate.js';
import { createGrpcServer, GrpcStatus, GrpcStatusError, type GrpcServer, type Route } from './grpc-server.js';
// Types only: the module itself is imported lazily below.
import type { UnaryMethod } from './provider-service.js';

const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const PROTOCOL_VERSION = 6;
/** go-plugin's own handshake version (first field of the handshake line). */
const CORE_PROTOCOL_VERSION = 1;

export interface ServeOptions {
  /** The provider's name, as in `provider "<name>"` and `terraform-provider-<name>`. */
  readonly name: string;
  /** Default: hclog lines on stderr under the module `provider.<name>`. */
  readonly logger?: Logger;
  readonly env?: NodeJS.ProcessEnv;
}

interface PluginEnvironment {
  clientCertPem: string;
  portRange: [number, number] | undefined;
}

/** Why the process cannot serve, for a person reading stderr; or the settings to serve with. */
function readEnvironment(env: NodeJS.ProcessEnv, name: string): PluginEnvironment | string {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return [
      `terraform-provider-${name} is a Terraform plugin: Terraform starts it, it is not meant to be run by hand.`,
      `Use it from a Terraform or cdktf configuration (provider "${name}") and run terraform init, plan or apply.`,
    ].join('\n');
  }
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered !== undefined && !offered.split(',').map((v) => v.trim()).includes(String(PROTOCOL_VERSION))) {
    return `Terraform offered plugin protocol version(s) ${offered}; this provider speaks only version ${PROTOCOL_VERSION} (Terraform 1.0 or later).`;
  }
  const clientCertPem = env.PLUGIN_CLIENT_CERT;
  if (!clientCertPem || !clientCertPem.includes('BEGIN CERTIFICATE')) {
    return [
      'PLUGIN_CLIENT_CERT is not set: this provider only serves over mutual TLS with the certificate Terraform passes.',
      'Do not set TF_DISABLE_PLUGIN_TLS; run the provider through Terraform 1.x.',
    ].join('\n');
  }
  const min = Number(env.PLUGIN_MIN_PORT);
  const max = Number(env.PLUGIN_MAX_PORT);
  const valid = Number.isInteger(min) && Number.isInteger(max) && min > 0 && max <= 65535 && min <= max;
  return { clientCertPem, portRange: env.PLUGIN_MIN_PORT && env.PLUGIN_MAX_PORT && valid ? [min, max] : undefined };
}

/**
 * The tfplugin6.Provider methods served (provider-service.ts answers them). Listed here so they
 * can be registered before the handshake without loading the protocol code.
 */
const PROVIDER_METHODS = [
  'GetMetadata',
  'GetProviderSchema',
  'GetFunctions',
  'ValidateProviderConfig',
  'ConfigureProvider',
  'ValidateResourceConfig',
  'UpgradeResourceState',
  'ReadResource',
  'PlanResourceChange',
  'ApplyResourceChange',
  'ImportResourceState',
  'ValidateDataResourceConfig',
  'ReadDataSource',
  'StopProvider',
] as const;

/** Binds a free port of Terraform's range (from a random point in it), or any port. */
async function listen(server: GrpcServer, range: [number, number] | undefined): Promise<number> {
  if (!range) {
    const port = await server.bind(0);
    if (port === undefined) throw new Error('no free port on 127.0.0.1');
    return port;
  }
  const [min, max] = range;
  const size = max - min + 1;
  const first = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = await server.bind(min + ((first + i) % size));
    if (port !== undefined) return port;
  }
  throw new Error(`no free port on 127.0.0.1 between ${min} and ${max}`);
}

/** Keeps stdout for the handshake: anything a library prints goes to the log instead. */
function redirectConsole(log: Logger): void {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
  console.log = (...args: unknown[]) => log.info(text(args));
  console.info = (...args: unknown[]) => log.info(text(args));
  console.debug = (...args: unknown[]) => log.debug(text(args));
  console.warn = (...args: unknown[]) => log.warn(text(args));
  console.error = (...args: unknown[]) => log.error(text(args));
}

/**
 * Watches for Terraform going away without calling Shutdown (killed, crashed): the provider would
 * otherwise live on, orphaned. When the parent process changes, we were reparented.
 */
function exitWithParent(log: Logger): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      log.warn('Terraform went away without Shutdown; exiting');
      process.exit(0);
    }
  }, 1000).unref();
}

/**
 * Serves the protocol calls `loadHandlers` resolves to. It is called once, right after the
 * handshake, so that loading the provider's own code does not delay it. Never returns normally:
 * the process ends on Shutdown, on a start-up failure (exit 1), or when Terraform goes away.
 */
export function serveHandlers(loadHandlers: () => Promise<ProviderHandlers>, options: ServeOptions): void {
  const { name } = options;
  const log = options.logger ?? createLogger(`provider.${name}`);
  const settings = readEnvironment(options.env ?? process.env, name);
  if (typeof settings === 'string') {
    writeStderr(`${settings}\n`);
    process.exit(1);
  }

  redirectConsole(log);
  process.on('SIGINT', () => log.info('SIGINT ignored: Terraform stops the provider with StopProvider'));
  process.on('unhandledRejection', (reason) => {
    // A stray promise must not end the process in the middle of an apply.
    log.error('unhandled promise rejection', { error: reason });
  });

  const stop = new AbortController();
  let handlersPromise: Promise<ProviderHandlers> | undefined;
  const handlers = (): Promise<ProviderHandlers> =>
    (handlersPromise ??= (async () => {
      const started = process.hrtime.bigint();
      const loaded = await loadHandlers();
      log.debug('provider loaded', { duration_ms: elapsedMs(started) });
      return loaded;
    })());

  // The protocol service is loaded lazily: it pulls in protobuf code and msgpack.
  type Service = Map<string, UnaryMethod>;
  let servicePromise: Promise<Service> | undefined;
  const service = (): Promise<Service> =>
    (servicePromise ??= (async () => {
      const started = process.hrtime.bigint();
      const { createProviderService } = await import('./provider-service.js');
      const created = createProviderService({ handlers, stop, log });
      log.debug('protocol service loaded', { duration_ms: elapsedMs(started) });
      return created;
    })());

  const shutdown = (): void => {
    log.debug('Shutdown: exiting');
    process.exit(0);
  };

  const routes = new Map<string, Route>([
    ['/plugin.GRPCStdio/StreamStdio', { kind: 'hold-open' }],
    [
      '/plugin.GRPCController/Shutdown',
      {
        kind: 'unary',
        handle: async () => new Uint8Array(0), // plugin.Empty
        afterResponse: shutdown,
      },
    ],
    ...PROVIDER_METHODS.map((name): [string, Route] => {
      const path = `/tfplugin6.Provider/${name}`;
      return [
        path,
        {
          kind: 'unary',
          handle: async (request) => {
            const method = (await service()).get(path);
            if (!method) throw new GrpcStatusError(GrpcStatus.UNIMPLEMENTED, `method ${path} is not implemented by this provider`);
            return method(request);
          },
        },
      ];
    }),
  ]);

  let certificate: ProviderCertificate;
  try {
    certificate = generateCertificate();
  } catch (err) {
    writeStderr(`terraform-provider-${name}: could not create its TLS certificate: ${String(err)}\n`);
    process.exit(1);
  }
  const server = createGrpcServer({
    certPem: certificate.certPem,
    keyPem: certificate.keyPem,
    clientCaPem: settings.clientCertPem,
    routes,
    log,
  });

  listen(server, settings.portRange).then(
    (port) => {
      // go-plugin reads the certificate as unpadded base64 (RawStdEncoding).
      const cert = certificate.certDer.toString('base64').replace(/=+$/, '');
      writeStdout(`${CORE_PROTOCOL_VERSION}|${PROTOCOL_VERSION}|tcp|127.0.0.1:${port}|grpc|${cert}\n`);
      log.debug('provider listening', { port, uptime_ms: Math.round(process.uptime() * 1000) });
      exitWithParent(log);
      warmUp();
    },
    (err: unknown) => {
      writeStderr(`terraform-provider-${name}: cannot listen: ${String(err)}\n`);
      process.exit(1);
    },
  );

  /** Loads what the first calls need while Terraform sets up its connection. */
  function warmUp(): void {
    setImmediate(() => {
      service().catch((err: unknown) => log.error('loading the protocol service failed', { error: err }));
      handlers().catch((err: unknown) => log.error('loading the provider failed', { error: err }));
    });
  }
}
