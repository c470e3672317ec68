/** What route handlers need from the rest of the server, built once by app.ts. */
import type { Authenticator } from '../auth';
import type { ServerConfig } from '../config';
import type { Faults } from '../faults';
import type { IdempotentCreates } from '../idempotency';
import type { ObjectService } from '../objects';
import type { Store } from '../store';

export interface RouteContext {
  readonly config: ServerConfig;
  readonly store: Store;
  readonly objects: ObjectService;
  readonly auth: Authenticator;
  readonly faults: Faults;
  readonly idempotency: IdempotentCreates;
}

/** Query parameters as fastify hands them over: a repeated parameter becomes an array. */
export type Query = Record<string, string | string[] | undefined>;

export const JSON_TYPE = 'application/json; charset=utf-8';
