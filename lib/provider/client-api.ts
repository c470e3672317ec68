/**
 * The provider's `ObjectApi` over the typed HTTP client. Loaded only when the provider is
 * configured (see osd-provider.ts), so processes that never reach the server never load axios.
 */
import { OsdClient, OsdNotFoundError, type Writable } from '../client';
import type { KindName } from '../model/kinds';
import type { Site } from '../model/site';
import { log } from './log';
import type { ObjectApi, Stored } from './object-api';
import type { ProviderSession } from './resource';
import type { ResolvedProviderConfig } from './provider-config';

export function createSession(settings: ResolvedProviderConfig): ProviderSession {
  const client = new OsdClient({
    endpoint: settings.endpoint,
    token: settings.token,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    userAgent: 'terraform-provider-osd',
    onRetry: (e) => log.warn('retrying a request to the deployment server', { ...e }),
  });
  const api: ObjectApi = {
    async get(kind, id, signal) {
      try {
        const r = await client.get(kind, id, { signal });
        return { value: r.value as Record<string, unknown>, etag: r.etag ?? '' };
      } catch (err) {
        if (err instanceof OsdNotFoundError) return undefined;
        throw err;
      }
    },
    async list(kind, filter, signal) {
      const r = await (client.list as (k: KindName, f: Record<string, string>, o: { signal?: AbortSignal }) => Promise<{ value: unknown[] }>)(kind, filter, { signal });
      return r.value as Record<string, unknown>[];
    },
    async create(kind, value, signal) {
      // A create whose answer was lost (a crash of the server, of Terraform or of this process)
      // left its object on the server; the next apply finishes it by taking that object.
      const result = await client.create(kind, value as Writable<typeof kind>, { signal, adoptIdentical: true });
      return { ...stored(result), adopted: result.adopted };
    },
    async update(kind, id, value, etag, signal) {
      return stored(await client.update(kind, id, value as Writable<typeof kind>, { etag, signal }));
    },
    async delete(kind, id, signal) {
      try {
        await client.delete(kind, id, { signal });
      } catch (err) {
        if (!(err instanceof OsdNotFoundError)) throw err;
      }
    },
    async site(signal) {
      return (await client.site({ signal })).value;
    },
  };
  let site: Promise<Site> | undefined;
  return {
    api,
    site: () => {
      site ??= api.site().catch((err: unknown) => {
        site = undefined;
        throw err;
      });
      return site;
    },
  };
}

function stored(r: { value: unknown; etag?: string; warnings?: readonly { path: string; rule: string; message: string }[] }): Stored {
  return { value: r.value as Record<string, unknown>, etag: r.etag ?? '', warnings: r.warnings };
}
