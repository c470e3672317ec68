/**
 * The provider block: where the deployment server is and how to talk to it. Every setting may
 * also come from the environment, so pipelines can keep the token out of the configuration.
 */
import { Type, type Static } from '@sinclair/typebox';

export const ProviderConfigSchema = Type.Object(
  {
    endpoint: Type.Optional(
      Type.String({ minLength: 1, description: 'Base URL of the deployment server, e.g. `http://127.0.0.1:8780`. Default: `OSD_ENDPOINT`.' }),
    ),
    token: Type.Optional(Type.String({ minLength: 1, writeOnly: true, description: 'Bearer token of an admin (or, for plans only, a reader). Default: `OSD_TOKEN`.' })),
    timeout: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600, description: 'Seconds to wait for one request. Default: `OSD_TIMEOUT`, else 30.' })),
    maxRetries: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 20, description: 'Retries of a request that failed on 429, 502–504 or the network. Default: `OSD_MAX_RETRIES`, else 5.' }),
    ),
  },
  { additionalProperties: false, description: 'The deployment server this provider manages.' },
);
export type ProviderConfig = Static<typeof ProviderConfigSchema>;

export interface ResolvedProviderConfig {
  readonly endpoint: string;
  readonly token: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

/** The effective settings: the configuration first, then the environment, then the defaults. */
export function resolveProviderConfig(config: ProviderConfig, env: NodeJS.ProcessEnv): ResolvedProviderConfig | string {
  const endpoint = config.endpoint ?? env.OSD_ENDPOINT;
  if (!endpoint) return 'endpoint is not set: set endpoint in the provider block or OSD_ENDPOINT in the environment';
  if (!/^https?:\/\/[^/]+/.test(endpoint)) return `endpoint ${JSON.stringify(endpoint)} is not an http(s) URL such as http://127.0.0.1:8780`;
  const number = (name: string, value: number | undefined, fallback: number): number | string => {
    if (value !== undefined) return value;
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    return /^\d+$/.test(text) ? Number(text) : `${name} is ${JSON.stringify(text)}; expected a whole number`;
  };
  const timeout = number('OSD_TIMEOUT', config.timeout, 30);
  const maxRetries = number('OSD_MAX_RETRIES', config.maxRetries, 5);
  if (typeof timeout === 'string') return timeout;
  if (typeof maxRetries === 'string') return maxRetries;
  const token = config.token ?? env.OSD_TOKEN;
  if (!token) return 'token is not set: set token in the provider block or OSD_TOKEN in the environment';
  return { endpoint: endpoint.replace(/\/+$/, ''), token, timeoutMs: timeout * 1000, maxRetries };
}
