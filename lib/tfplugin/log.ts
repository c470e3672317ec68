/**
 * Provider log lines, in the JSON shape of HashiCorp's hclog. `serve` makes the provider's logger
 * (module `provider.<name>`) and hands it to every call in `CallContext.log`.
 *
 * Terraform's plugin client reads every line a provider writes to stderr; a line that parses as an
 * hclog JSON entry keeps its level and fields and shows under `TF_LOG=debug` (or
 * `TF_LOG_PROVIDER`), anything else is logged as plain debug text. hclog insists on a timestamp
 * with exactly six fractional digits, so the microseconds are built by hand.
 *
 * Writes are synchronous (stdio.ts), so a line written just before `process.exit` is not lost.
 */
import { writeStderr } from './stdio.js';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const rank: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };
const OFF = 5;

/** Extra key/value pairs; they become top-level fields of the JSON line as hclog does. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** True when lines of this level are written; lets callers skip building costly fields. */
  enabled(level: LogLevel): boolean;
}

/**
 * The lowest level worth writing. Terraform filters again on its side, but not writing trace lines
 * nobody will see saves work on every call. Terraform treats an unrecognised non-empty TF_LOG as
 * TRACE; without any TF_LOG only warnings and errors are kept (Terraform shows them on a crash).
 */
function thresholdFromEnv(env: NodeJS.ProcessEnv): number {
  const setting = (env.TF_LOG_PROVIDER || env.TF_LOG || '').trim().toLowerCase();
  if (setting === '') return rank.warn;
  if (setting === 'off') return OFF;
  if (setting in rank) return rank[setting as LogLevel];
  return rank.trace;
}

/** `2025-01-31T12:34:56.123456Z`: ISO-8601 in UTC with microseconds. */
export function hclogTimestamp(epochMicros: number): string {
  const millis = Math.floor(epochMicros / 1000);
  const micros = Math.floor(epochMicros % 1_000_000);
  // toISOString gives ".mmmZ"; replace the fraction with the six-digit one.
  return new Date(millis).toISOString().slice(0, 19) + '.' + String(micros).padStart(6, '0') + 'Z';
}

/**
 * Wall-clock microseconds. Not from the `performance` global: its first use loads perf_hooks,
 * about 5 ms on every provider start. The sub-millisecond digits come from the monotonic clock.
 */
function nowMicros(): number {
  return Date.now() * 1000 + Number((process.hrtime.bigint() / 1000n) % 1000n);
}

/** Milliseconds elapsed since `start` (a process.hrtime.bigint() value), to 0.1 ms. */
export function elapsedMs(start: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10;
}

function errorFields(fields: LogFields): LogFields {
  // Error objects serialise as {}; keep what a reader of the log needs.
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : value;
  }
  return out;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return value;
}

export function createLogger(
  module: string,
  write: (line: string) => void = writeStderr,
  env: NodeJS.ProcessEnv = process.env,
): Logger {
  const threshold = thresholdFromEnv(env);
  const emit = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (rank[level] < threshold) return;
    const head = {
      '@level': level,
      '@message': message,
      '@module': module,
      '@timestamp': hclogTimestamp(nowMicros()),
    };
    let line: string;
    try {
      line = JSON.stringify(fields ? { ...head, ...errorFields(fields) } : head, jsonReplacer);
    } catch {
      // A circular field must not turn a log call into a failed RPC: keep the message.
      line = JSON.stringify({ ...head, '@message': `${message} (fields could not be serialised)` });
    }
    write(line + '\n');
  };
  return {
    trace: (m, f) => emit('trace', m, f),
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    enabled: (level) => rank[level] >= threshold,
  };
}
