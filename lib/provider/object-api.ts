/**
 * What the provider needs of the deployment server, in the provider's terms. `client-api.ts`
 * implements it over the typed HTTP client; keeping it this small keeps the resource logic
 * readable and the client swappable.
 *
 * Every call takes Terraform's stop signal (aborted by StopProvider after a Ctrl-C). A read gives
 * up at once. A write stops retrying but lets a request already sent finish: its answer carries
 * what Terraform must record (a created object's ID), and cutting it off could leave an object on
 * the server that no state knows.
 */
import type { KindName } from '../model/kinds';
import type { Site } from '../model/site';

export interface Stored {
  readonly value: Record<string, unknown>;
  readonly etag: string;
  /** For a create: the server already held exactly this object (an earlier create's answer was lost), and it was taken. */
  readonly adopted?: boolean;
  /** Advice the server gave with a write (R4, …): where (a JSON pointer), the rule, and the server's message. */
  readonly warnings?: readonly { readonly path: string; readonly rule: string; readonly message: string }[];
}

export interface ObjectApi {
  /** The object, or undefined when the server has none with that ID (404). */
  get(kind: KindName, id: string, stop?: AbortSignal): Promise<Stored | undefined>;
  list(kind: KindName, filter: Record<string, string>, stop?: AbortSignal): Promise<Record<string, unknown>[]>;
  create(kind: KindName, value: Record<string, unknown>, stop?: AbortSignal): Promise<Stored>;
  /** Throws when `etag` is stale (412). */
  update(kind: KindName, id: string, value: Record<string, unknown>, etag: string | undefined, stop?: AbortSignal): Promise<Stored>;
  /** Succeeds when the object is already gone. */
  delete(kind: KindName, id: string, stop?: AbortSignal): Promise<void>;
  site(stop?: AbortSignal): Promise<Site>;
}
