/**
 * `Idempotency-Key` on POST: a create retried with the same key (by the same token) is answered
 * with the first response (status, headers, body) instead of creating a second object; the same
 * key with a different request is refused with 409.
 *
 * The record is written in the same transaction as the object it created, so a server that
 * commits and then dies before answering (or a dropped connection) still answers the retry with
 * the original object. Only successful creates are recorded: a refused create changed nothing,
 * and retrying it after fixing the cause (creating a referenced object) must be possible.
 */
import { createHash } from 'node:crypto';
import { isRecord } from '../model';
import { ApiError, badRequest } from './errors';
import type { Store, StoredResponse } from './store';

/** Keys are opaque to the server; this bounds what is stored per request. */
const MAX_KEY_LENGTH = 255;

/** How long a key is remembered. A client retries within minutes; a day is ample. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface IdempotentResult {
  readonly response: StoredResponse;
  /** True when this is the answer to an earlier request with the same key. */
  readonly replayed: boolean;
}

export class IdempotentCreates {
  /**
   * Fingerprints cover request bodies that may contain secrets; a per-store random salt keeps a
   * fingerprint from being a plain hash of a password, and is itself sealed like a secret, so that
   * the store file alone does not allow testing guesses against a fingerprint.
   */
  private readonly salt: string;

  constructor(private readonly store: Store) {
    this.salt = store.persistentSecret('idempotency-salt');
    store.purgeIdempotency(new Date(Date.now() - IDEMPOTENCY_RETENTION_MS));
  }

  /** Checks the header's form; returns the key, or undefined when none was sent. */
  static keyOf(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (Array.isArray(header)) throw badRequest('the Idempotency-Key header is given more than once; send one key per request');
    if (header.length === 0 || header.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(header)) {
      throw badRequest(`the Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters; got ${header.length} character(s)`);
    }
    return header;
  }

  /**
   * Runs `create` unless `key` was already used by `actor`; in one transaction with the create.
   * Without a key it just runs `create`.
   */
  run(actor: string, key: string | undefined, request: { method: string; url: string; body: unknown }, create: () => StoredResponse): IdempotentResult {
    if (key === undefined) return { response: create(), replayed: false };
    const fingerprint = this.fingerprint(request);
    return this.store.transaction(() => {
      const earlier = this.store.getIdempotency(actor, key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw new ApiError(
            409,
            'idempotencyKeyReused',
            `Idempotency-Key ${JSON.stringify(key)} was already used by this token for a different request (another path or body); use a new key for a new request`,
          );
        }
        return { response: { status: earlier.status, headers: earlier.headers, body: earlier.body }, replayed: true };
      }
      const response = create();
      this.store.putIdempotency(actor, key, { ...response, fingerprint });
      return { response, replayed: false };
    });
  }

  private fingerprint(request: { method: string; url: string; body: unknown }): string {
    return createHash('sha256')
      .update(this.salt)
      .update('\n')
      .update(`${request.method} ${request.url}`)
      .update('\n')
      .update(canonicalJson(request.body))
      .digest('hex');
  }
}

/** JSON with object keys sorted, so that the same body sent with its keys in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
