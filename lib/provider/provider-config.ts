/**
 * The provider block's effective settings: the configuration first, then the `OSD_*` environment,
 * then the defaults. The block's schema is the model's (lib/model/provider-config.ts).
 */
import type { TInteger } from '@sinclair/typebox';
import { ProviderConfigSchema, type ProviderConfig } from '../model/provider-config';
import { toTerraformName } from '../model/terraform-names';

export interface ResolvedProviderConfig {
  readonly endpoint: string;
  readonly token: string;
  /** Deadline of one request. */
  readonly timeoutMs: number;
  /** How long one operation may keep retrying. */
  readonly retryBudgetMs: number;
  /** At most this many retries besides the time budget; undefined: no limit. */
  readonly maxRetries: number | undefined;
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_RETRY_TIMEOUT_SECONDS = 60;

/** The settings, or why they are unusable (naming the setting and where it came from). */
export function resolveProviderConfig(config: ProviderConfig, env: NodeJS.ProcessEnv): ResolvedProviderConfig | string {
  const endpoint = config.endpoint ?? env.OSD_ENDPOINT;
  if (!endpoint) return 'endpoint is not set: set endpoint in the provider block or OSD_ENDPOINT in the environment';
  if (!/^https?:\/\/[^/]+/.test(endpoint)) return `endpoint ${JSON.stringify(endpoint)} is not an http(s) URL such as http://127.0.0.1:8780`;
  const timeout = wholeNumber(config, 'timeout', env, 'OSD_TIMEOUT');
  if (typeof timeout === 'string') return timeout;
  const retryTimeout = wholeNumber(config, 'retryTimeout', env, 'OSD_RETRY_TIMEOUT');
  if (typeof retryTimeout === 'string') return retryTimeout;
  const maxRetries = wholeNumber(config, 'maxRetries', env, 'OSD_MAX_RETRIES');
  if (typeof maxRetries === 'string') return maxRetries;
  const token = config.token ?? env.OSD_TOKEN;
  if (!token) return 'token is not set: set token in the provider block or OSD_TOKEN in the environment';
  return {
    endpoint: endpoint.replace(/\/+$/, ''),
    token,
    timeoutMs: (timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    retryBudgetMs: (retryTimeout ?? DEFAULT_RETRY_TIMEOUT_SECONDS) * 1000,
    maxRetries,
  };
}

type NumberSetting = 'timeout' | 'retryTimeout' | 'maxRetries';

/**
 * A whole-number setting from the provider block, else from the environment variable `variable`;
 * undefined when neither has it; a message naming the setting, the value and the range (the
 * model's minimum and maximum) when it is outside them.
 */
function wholeNumber(config: ProviderConfig, field: NumberSetting, env: NodeJS.ProcessEnv, variable: string): number | undefined | string {
  const { minimum, maximum } = ProviderConfigSchema.properties[field] as TInteger;
  const expected = `expected a whole number from ${minimum} to ${maximum}`;
  const configured = config[field];
  if (configured !== undefined) {
    return Number.isInteger(configured) && configured >= minimum! && configured <= maximum! ? configured : `${toTerraformName(field)} is ${configured}; ${expected}`;
  }
  const text = env[variable]?.trim();
  if (text === undefined || text === '') return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  return value >= minimum! && value <= maximum! ? value : `${variable} is ${JSON.stringify(env[variable])}; ${expected}`;
}
