/**
 * The osd provider: its schema and the answer to each protocol call, routed to the resource or
 * data source it concerns. The HTTP client is loaded only when the provider is configured, which
 * keeps the start of the processes that never talk to the server (validate, schema) fast.
 */
import { KIND_NAMES, KINDS } from '../model/kinds';
import { log } from './log';
import { describeError } from './diagnostics';
import { ObjectLookup, SiteLookup, type DataSource } from './data-source';
import { ProviderConfigSchema, resolveProviderConfig, type ProviderConfig } from './provider-config';
import { ManagedResource, type ProviderSession } from './resource';
import { attributesOf } from './schema';
import { toModel } from './state';
import { errorDiagnostic, type ProviderHandlers, type Schema } from './protocol/types';

export function createOsdProvider(): ProviderHandlers {
  const resources = new Map(KIND_NAMES.map((kind) => [KINDS[kind].terraformType, new ManagedResource(kind)]));
  const dataSources = new Map<string, DataSource>(
    [...KIND_NAMES.map((kind) => new ObjectLookup(kind)), new SiteLookup()].map((d) => [d.typeName, d]),
  );
  let session: ProviderSession | undefined;

  const providerSchema: Schema = {
    version: 0,
    block: { attributes: attributesOf(ProviderConfigSchema, { writeOnly: false }), description: ProviderConfigSchema.description },
  };
  const resourceOf = (typeName: string) => {
    const r = resources.get(typeName);
    if (!r) throw new Error(`this provider has no resource type ${typeName}`);
    return r;
  };
  const configured = (): ProviderSession => {
    if (!session) throw new Error('the provider is not configured');
    return session;
  };

  return {
    async getProviderSchema() {
      return {
        provider: providerSchema,
        resource_schemas: Object.fromEntries([...resources].map(([name, r]) => [name, r.schema])),
        data_source_schemas: Object.fromEntries([...dataSources].map(([name, d]) => [name, d.schema])),
        // Terraform may reuse the schema of the first provider process of a command in the later ones.
        server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
      };
    },

    async configureProvider(req) {
      const settings = resolveProviderConfig(toModel(ProviderConfigSchema, req.config) as ProviderConfig, process.env);
      if (typeof settings === 'string') return { diagnostics: [errorDiagnostic('Invalid provider configuration', settings, [])] };
      try {
        const { createSession } = await import('./client-api.js');
        session = createSession(settings);
        log.debug('configured', { endpoint: settings.endpoint, terraform_version: req.terraform_version });
        return {};
      } catch (err) {
        return { diagnostics: [errorDiagnostic('Cannot configure the provider', describeError(err))] };
      }
    },

    async validateResourceConfig(req) {
      return resourceOf(req.type_name).validate(req);
    },

    async upgradeResourceState(req) {
      return { upgraded_state: resourceOf(req.type_name).upgrade(req.raw_state.json) };
    },

    async readResource(req) {
      return resourceOf(req.type_name).read(req, configured());
    },

    async planResourceChange(req) {
      return resourceOf(req.type_name).plan(req, session);
    },

    async applyResourceChange(req) {
      return resourceOf(req.type_name).apply(req, configured());
    },

    async importResourceState(req) {
      return resourceOf(req.type_name).import(req);
    },

    async validateDataResourceConfig(req) {
      if (!dataSources.has(req.type_name)) return { diagnostics: [errorDiagnostic(`Unknown data source ${req.type_name}`)] };
      return {};
    },

    async readDataSource(req) {
      const d = dataSources.get(req.type_name);
      if (!d) return { state: null, diagnostics: [errorDiagnostic(`Unknown data source ${req.type_name}`)] };
      return d.read(req, configured());
    },
  };
}
