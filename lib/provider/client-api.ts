/**
 * The provider's `ObjectApi` over the typed HTTP client. Loaded only when the provider is
 * configured (see osd-provider.ts), so processes that never reach the server never load axios.
 */
import { OsdClient, OsdNotFoundError, type Writable } from '../client';
import type { KindName } from '../model/kinds';
import type { Site } from '../model/site';
import type { Logger } from '../tfplugin';
import type { ObjectApi, Stored } from './object-api';
import type { ProviderSession } from './resource';
import type { ResolvedProviderConfig } from './provider-config';

export function createSession(settings: ResolvedProviderConfig, log: Logger): ProviderSession {
  const client = new OsdClient({
    endpoint: settings.endpoint,
    token: settings.token,
    timeoutMs: settings.timeoutMs,
    retryBudgetMs: settings.retryBudgetMs,
    maxRetries: settings.maxRetries,
    userAgent: 'terraform-provider-osd',
    onRetry: (e) => log.warn('retrying a request to the deployment server', { ...e }),
  });
  // Reads are cut off by a stop; writes only stop retrying (object-api.ts says why).
  const api: ObjectApi = {
    async get(kind, id, stop) {
      try {
        const r = await client.get(kind, id, { signal: stop });
        return { value: r.value as Record<string, unknown>, etag: r.etag ?? '' };
      } catch (err) {
        if (err instanceof OsdNotFoundError) return undefined;
        throw err;
      }
    },
    async list(kind, filter, stop) {
      const r = await (client.list as (k: KindName, f: Record<string, string>, o: { signal?: AbortSignal }) => Promise<{ value: unknown[] }>)(kind, filter, { signal: stop });
      return r.value as Record<string, unknown>[];
    },
    async create(kind, value, stop) {
      // A create whose answer was lost (a crash of the server, of Terraform or of this process)
      // left its object on the server; the next apply finishes it by taking that object.
      const result = await client.create(kind, value as Writable<typeof kind>, { stopRetrying: stop, adoptIdentical: true });
      return { ...stored(result), adopted: result.adopted };
    },
    async update(kind, id, value, etag, stop) {
      return stored(await client.update(kind, id, value as Writable<typeof kind>, { etag, stopRetrying: stop }));
    },
    async delete(kind, id, stop) {
      try {
        await client.delete(kind, id, { stopRetrying: stop });
      } catch (err) {
        if (!(err instanceof OsdNotFoundError)) throw err;
      }
    },
    async site(stop) {
      return (await client.site({ signal: stop })).value;
    },
  };
  let site: Promise<Site> | undefined;
  return {
    api,
    site: (stop) => {
      site ??= api.site(stop).catch((err: unknown) => {
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
