/**
 * The osd provider: the provider block, one resource and one data source per model kind, and the
 * site data source. The HTTP client is loaded only when the provider is configured, which keeps
 * the start of the processes that never talk to the server (validate, schema) fast.
 */
import { KIND_NAMES } from '../model/kinds';
import { ProviderConfigSchema, type ProviderConfig } from '../model/provider-config';
import { errorDiagnostic, type Provider } from '../tfplugin';
import { ObjectLookup, SiteLookup } from './data-source';
import { describeError } from './diagnostics';
import { resolveProviderConfig } from './provider-config';
import { KindResource, type ProviderSession } from './resource';
import { attributesOf } from './schema';
import { toModel } from './state';

export function createOsdProvider(): Provider {
  let session: ProviderSession | undefined;
  const configured = (): ProviderSession => {
    if (!session) throw new Error('the provider is not configured');
    return session;
  };

  return {
    schema: {
      version: 0,
      block: { attributes: attributesOf(ProviderConfigSchema, { writeOnly: false }), description: ProviderConfigSchema.description },
    },
    resources: KIND_NAMES.map((kind) => new KindResource(kind, () => session)),
    dataSources: [...KIND_NAMES.map((kind) => new ObjectLookup(kind, configured)), new SiteLookup(configured)],

    async configure(req, ctx) {
      const settings = resolveProviderConfig(toModel(ProviderConfigSchema, req.config) as ProviderConfig, process.env);
      if (typeof settings === 'string') return { diagnostics: [errorDiagnostic('Invalid provider configuration', settings)] };
      try {
        const { createSession } = await import('./client-api.js');
        session = createSession(settings, ctx.log);
        ctx.log.debug('configured', { endpoint: settings.endpoint, terraform_version: req.terraformVersion });
        return {};
      } catch (err) {
        return { diagnostics: [errorDiagnostic('Cannot configure the provider', describeError(err))] };
      }
    },
  };
}
