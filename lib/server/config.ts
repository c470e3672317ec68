/**
 * The server's configuration: command-line flags first, then `OSD_*` environment variables, then
 * defaults. Everything here is read once at start; in particular fault injection can only be
 * turned on by whoever starts the process, never by a request.
 */
import * as path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { allowedUsmtVersions, CONFIGMGR_VERSIONS, SiteSchema, type ConfigMgrVersion, type Site } from '../model';
import { decodeSecretKey } from './secret-cipher';

export type Role = 'admin' | 'reader';
export const ROLES: readonly Role[] = ['admin', 'reader'];

/** A bearer token: `name` is what the audit trail records as the actor, never the secret. */
export interface TokenSpec {
  readonly name: string;
  readonly role: Role;
  readonly secret: string;
}

/** Fault injection for testing clients against a misbehaving server. All off (0) by default. */
export interface FaultConfig {
  /** Share of requests (0–1) answered `503` with `Retry-After` before anything else is done. */
  readonly errorRate: number;
  /** Delay added to every request, in milliseconds. */
  readonly latencyMs: number;
  /** Share of writes (0–1) that are committed and then answered by closing the connection without a response. */
  readonly dropAfterCommitRate: number;
}

/**
 * Where a key that seals the store's secrets comes from: a file (`file`), or the key itself from
 * the environment (`key`). `source` names the flag or variable, for messages.
 */
export type SecretKeySource = { readonly file: string; readonly source: string } | { readonly key: Buffer; readonly source: string };

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly site: Site;
  readonly tokens: readonly TokenSpec[];
  /** Largest request body accepted, in bytes; larger ones are answered `413`. */
  readonly bodyLimit: number;
  readonly faults: FaultConfig;
  /** The key secrets are sealed with; none: `<dataDir>/secret-key`, created on first start. */
  readonly secretKey?: SecretKeySource;
  /** The key the store was sealed with before a key change: its secrets are sealed again with `secretKey` at start. */
  readonly previousSecretKey?: SecretKeySource;
}

export const DEFAULT_PORT = 8780;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SITE_CODE = 'CM1';
export const DEFAULT_CONFIGMGR_VERSION: ConfigMgrVersion = '2007 SP2';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** A configuration mistake; the message names the flag (or variable), the value and what is expected. */
export class ConfigError extends Error {}

export const USAGE = `Usage: osd-server [options]

  --port N                    port to listen on; 0 picks a free one (OSD_PORT, default ${DEFAULT_PORT})
  --host ADDRESS              address to listen on (OSD_HOST, default ${DEFAULT_HOST})
  --data-dir DIR              where the store lives (OSD_DATA_DIR, default .osd/ under the working directory)
  --site-code CODE            three-character site code, prefix of every package ID (OSD_SITE_CODE, default ${DEFAULT_SITE_CODE})
  --site-name NAME            name of the site (OSD_SITE_NAME)
  --configmgr-version V       one of ${CONFIGMGR_VERSIONS.map((v) => `"${v}"`).join(', ')} (OSD_CONFIGMGR_VERSION, default "${DEFAULT_CONFIGMGR_VERSION}")
  --token NAME:ROLE:SECRET    a bearer token; ROLE is admin or reader; repeatable
                              (OSD_TOKENS="name:role:secret,...", OSD_ADMIN_TOKEN=secret, OSD_READER_TOKEN=secret)
  --body-limit BYTES          largest request body (OSD_BODY_LIMIT, default ${DEFAULT_BODY_LIMIT})
  --secret-key-file PATH      file holding the key that seals stored secrets: base64 of 32 bytes
                              (OSD_SECRET_KEY_FILE, or the key itself in OSD_SECRET_KEY;
                              default <data-dir>/secret-key, created on first start)
  --previous-secret-key-file PATH
                              the key the store was sealed with until now: its secrets are sealed
                              again with the current key at start (OSD_PREVIOUS_SECRET_KEY_FILE,
                              or the key itself in OSD_PREVIOUS_SECRET_KEY)
  --fault-error-rate R        answer this share of requests 503 + Retry-After (OSD_FAULT_ERROR_RATE, default 0)
  --fault-latency-ms MS       delay every request (OSD_FAULT_LATENCY_MS, default 0)
  --fault-drop-after-commit-rate R
                              commit this share of writes, then close the connection unanswered
                              (OSD_FAULT_DROP_AFTER_COMMIT_RATE, default 0)
  --help                      print this text

Without any token, the server creates an admin token in <data-dir>/admin-token and says so on stderr.
A secret key is never taken on the command line, where other users of the machine can see it.
`;

/** Flags that take a value, and the environment variable each falls back to. */
const VALUE_FLAGS = {
  port: 'OSD_PORT',
  host: 'OSD_HOST',
  'data-dir': 'OSD_DATA_DIR',
  'site-code': 'OSD_SITE_CODE',
  'site-name': 'OSD_SITE_NAME',
  'configmgr-version': 'OSD_CONFIGMGR_VERSION',
  'body-limit': 'OSD_BODY_LIMIT',
  'fault-error-rate': 'OSD_FAULT_ERROR_RATE',
  'fault-latency-ms': 'OSD_FAULT_LATENCY_MS',
  'fault-drop-after-commit-rate': 'OSD_FAULT_DROP_AFTER_COMMIT_RATE',
  'secret-key-file': 'OSD_SECRET_KEY_FILE',
  'previous-secret-key-file': 'OSD_PREVIOUS_SECRET_KEY_FILE',
} as const;
type ValueFlag = keyof typeof VALUE_FLAGS;

export interface ParsedArgs {
  readonly help: boolean;
  readonly config?: ServerConfig;
}

/** Reads the configuration from `argv` (without node and script), `env` and `cwd`. Throws `ConfigError`. */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ParsedArgs {
  const flags = new Map<ValueFlag, string>();
  const tokenFlags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument ${JSON.stringify(arg)}; options start with --`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name === 'secret-key' || name === 'previous-secret-key') {
      throw new ConfigError(`--${name} is not an option: a key on the command line is visible to every user of the machine; give it in OSD_${name.replace(/-/g, '_').toUpperCase()} or a file (--${name}-file PATH)`);
    }
    if (name !== 'token' && !(name in VALUE_FLAGS)) throw new ConfigError(`unknown option --${name}; see --help`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new ConfigError(`--${name} needs a value`);
    }
    if (name === 'token') tokenFlags.push(value);
    else flags.set(name as ValueFlag, value);
  }
  const raw = (flag: ValueFlag): { value: string; source: string } | undefined => {
    const fromFlag = flags.get(flag);
    if (fromFlag !== undefined) return { value: fromFlag, source: `--${flag}` };
    const fromEnv = env[VALUE_FLAGS[flag]];
    return fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, source: VALUE_FLAGS[flag] } : undefined;
  };

  const siteCode = raw('site-code')?.value ?? DEFAULT_SITE_CODE;
  const configMgrVersion = (raw('configmgr-version')?.value ?? DEFAULT_CONFIGMGR_VERSION) as ConfigMgrVersion;
  if (!CONFIGMGR_VERSIONS.includes(configMgrVersion)) {
    throw new ConfigError(
      `${raw('configmgr-version')?.source} is ${JSON.stringify(configMgrVersion)}; expected one of ${CONFIGMGR_VERSIONS.map((v) => JSON.stringify(v)).join(', ')}`,
    );
  }
  const site: Site = {
    siteCode,
    siteName: raw('site-name')?.value ?? `Site ${siteCode}`,
    configMgrVersion,
    allowedUsmtVersions: allowedUsmtVersions(configMgrVersion),
  };
  checkSite(site, { siteCode: raw('site-code')?.source ?? '--site-code', siteName: raw('site-name')?.source ?? '--site-name' });

  const dataDir = raw('data-dir')?.value;
  return {
    help: false,
    config: {
      port: integer(raw('port'), DEFAULT_PORT, 0, 65535),
      host: raw('host')?.value ?? DEFAULT_HOST,
      dataDir: path.resolve(cwd, dataDir ?? '.osd'),
      site,
      tokens: parseTokens(tokenFlags, env),
      bodyLimit: integer(raw('body-limit'), DEFAULT_BODY_LIMIT, 1024, 1024 * 1024 * 1024),
      faults: {
        errorRate: rate(raw('fault-error-rate')),
        latencyMs: integer(raw('fault-latency-ms'), 0, 0, 600_000),
        dropAfterCommitRate: rate(raw('fault-drop-after-commit-rate')),
      },
      ...optional('secretKey', secretKeySource(raw('secret-key-file'), env, 'OSD_SECRET_KEY', cwd)),
      ...optional('previousSecretKey', secretKeySource(raw('previous-secret-key-file'), env, 'OSD_PREVIOUS_SECRET_KEY', cwd)),
    },
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * A key from a file (flag or variable) or from the variable holding the key itself; giving both
 * is refused rather than guessed at. The key's text is checked here, and never quoted.
 */
function secretKeySource(file: { value: string; source: string } | undefined, env: NodeJS.ProcessEnv, keyVariable: string, cwd: string): SecretKeySource | undefined {
  const inline = env[keyVariable];
  if (inline !== undefined && inline !== '') {
    if (file) throw new ConfigError(`${file.source} and ${keyVariable} are both set; give the key once, as a file or as the value`);
    const decoded = decodeSecretKey(inline);
    if ('problem' in decoded) throw new ConfigError(`${keyVariable} is not a key: ${decoded.problem}; expected base64 of 32 random bytes (e.g. from \`openssl rand -base64 32\`)`);
    return { key: decoded.key, source: keyVariable };
  }
  if (!file) return undefined;
  if (file.value.trim() === '') throw new ConfigError(`${file.source} is empty; expected the path of a file holding the key`);
  return { file: path.resolve(cwd, file.value), source: file.source };
}

/** The site must satisfy the model's own site schema (the site code becomes part of every package ID). */
function checkSite(site: Site, sources: Record<'siteCode' | 'siteName', string>): void {
  const first = Value.Errors(SiteSchema, site).First();
  if (!first) return;
  const field = first.path.split('/')[1] as 'siteCode' | 'siteName';
  throw new ConfigError(`${sources[field] ?? first.path} is ${JSON.stringify(first.value)}: ${first.message.toLowerCase()} (${field === 'siteCode' ? 'three letters or digits, upper case, e.g. CM1' : 'a name of 1 to 50 characters'})`);
}

function integer(raw: { value: string; source: string } | undefined, fallback: number, min: number, max: number): number {
  if (!raw) return fallback;
  const n = Number(raw.value);
  if (!/^\d+$/.test(raw.value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(`${raw.source} is ${JSON.stringify(raw.value)}; expected a whole number from ${min} to ${max}`);
  }
  return n;
}

function rate(raw: { value: string; source: string } | undefined): number {
  if (!raw) return 0;
  const n = Number(raw.value);
  if (raw.value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new ConfigError(`${raw.source} is ${JSON.stringify(raw.value)}; expected a share from 0 to 1 (e.g. 0.1 for one request in ten)`);
  }
  return n;
}

/** Tokens from `--token`, `OSD_TOKENS`, `OSD_ADMIN_TOKEN` and `OSD_READER_TOKEN`, all together. */
function parseTokens(tokenFlags: readonly string[], env: NodeJS.ProcessEnv): TokenSpec[] {
  const tokens: TokenSpec[] = [];
  for (const spec of tokenFlags) tokens.push(parseToken(spec, '--token'));
  for (const spec of (env.OSD_TOKENS ?? '').split(',').filter((s) => s.trim() !== '')) tokens.push(parseToken(spec.trim(), 'OSD_TOKENS'));
  if (env.OSD_ADMIN_TOKEN) tokens.push({ name: 'admin', role: 'admin', secret: env.OSD_ADMIN_TOKEN });
  if (env.OSD_READER_TOKEN) tokens.push({ name: 'reader', role: 'reader', secret: env.OSD_READER_TOKEN });
  const names = new Set<string>();
  const secrets = new Set<string>();
  for (const t of tokens) {
    if (names.has(t.name)) throw new ConfigError(`token name ${JSON.stringify(t.name)} is given twice; each token needs its own name (the audit trail records it)`);
    if (secrets.has(t.secret)) throw new ConfigError(`token ${JSON.stringify(t.name)} has the same secret as another token; each token needs its own secret`);
    names.add(t.name);
    secrets.add(t.secret);
  }
  return tokens;
}

/** `name:role:secret`; the secret is everything after the second colon, so it may contain colons. */
function parseToken(spec: string, source: string): TokenSpec {
  const first = spec.indexOf(':');
  const second = first < 0 ? -1 : spec.indexOf(':', first + 1);
  // The spec holds a secret: messages name its position and name, never the spec itself.
  if (second < 0) throw new ConfigError(`${source}: a token is not NAME:ROLE:SECRET (it has ${first < 0 ? 'no' : 'one'} colon); expected e.g. ci:admin:s3cret`);
  const name = spec.slice(0, first);
  const role = spec.slice(first + 1, second);
  const secret = spec.slice(second + 1);
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(name)) {
    throw new ConfigError(`${source}: token name ${JSON.stringify(name)} must be 1 to 64 letters, digits, '.', '_', '@' or '-'`);
  }
  if (!ROLES.includes(role as Role)) throw new ConfigError(`${source}: token ${JSON.stringify(name)} has role ${JSON.stringify(role)}; expected admin or reader`);
  if (secret === '') throw new ConfigError(`${source}: token ${JSON.stringify(name)} has an empty secret`);
  return { name, role: role as Role, secret };
}
