/**
 * What the model says about the Terraform provider beside its kinds: the provider block (where
 * the deployment server is and how to talk to it), and the attribute that goes beside each
 * secret. The provider serves these, the constructs emit them, the docs describe them.
 */
import { Type, type Static } from '@sinclair/typebox';

/** The `provider "osd"` block. Every setting may also come from the environment, so pipelines can keep the token out of the configuration. */
export const ProviderConfigSchema = Type.Object(
  {
    endpoint: Type.Optional(
      Type.String({ minLength: 1, description: 'Base URL of the deployment server, e.g. `http://127.0.0.1:8780`. Default: `OSD_ENDPOINT`.' }),
    ),
    token: Type.Optional(Type.String({ minLength: 1, writeOnly: true, description: 'Bearer token of an admin (or, for plans only, a reader). Default: `OSD_TOKEN`.' })),
    timeout: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600, description: 'Seconds to wait for the answer to one request. Default: `OSD_TIMEOUT`, else 30.' })),
    retryTimeout: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 3600,
        description:
          'Seconds one operation may keep retrying a request that failed with 429, 502–504 or a network error, waiting between attempts with backoff, or as long as `Retry-After` asks within this time (other 4xx answers are never retried). 0: no retries. Default: `OSD_RETRY_TIMEOUT`, else 60.',
      }),
    ),
    maxRetries: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        description: 'At most this many retries of one request, besides `retry_timeout`. Default: `OSD_MAX_RETRIES`, else no limit but `retry_timeout`.',
      }),
    ),
  },
  { additionalProperties: false, description: 'The deployment server this provider manages.' },
);
export type ProviderConfig = Static<typeof ProviderConfigSchema>;
