/**
 * Maps the plugin protocol's calls onto a `Provider`'s methods (the table in provider.ts): finds
 * the resource or data source a call names, picks create, update or delete from which states an
 * apply carries, and fills in the defaults of the optional methods.
 */
import type { Provider } from './provider.js';
import { errorDiagnostic, hasErrors, type Diagnostic, type ProviderHandlers, type Schema } from './protocol/types.js';
import { fitToSchema } from './state.js';

export function providerHandlers(provider: Provider): ProviderHandlers {
  const resources = byTypeName(provider.resources, 'resource');
  const dataSources = byTypeName(provider.dataSources ?? [], 'data source');
  const noResource = (typeName: string) => [unknownType('resource', typeName, resources)];
  const noDataSource = (typeName: string) => [unknownType('data source', typeName, dataSources)];

  return {
    async getProviderSchema() {
      const schemas = (map: ReadonlyMap<string, { schema: Schema }>) => Object.fromEntries([...map].map(([name, r]) => [name, r.schema]));
      return {
        provider: provider.schema,
        resource_schemas: schemas(resources),
        data_source_schemas: schemas(dataSources),
        // The schema is the same in every process of a command, so Terraform may fetch it once.
        server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
      };
    },

    async validateProviderConfig(req, ctx) {
      return provider.validateConfig ? provider.validateConfig(req.config, ctx) : {};
    },

    async configureProvider(req, ctx) {
      return provider.configure({ config: req.config, terraformVersion: req.terraform_version, clientCapabilities: req.client_capabilities }, ctx);
    },

    async validateResourceConfig(req, ctx) {
      const r = resources.get(req.type_name);
      if (!r) return { diagnostics: noResource(req.type_name) };
      return r.validateConfig ? r.validateConfig(req.config, ctx) : {};
    },

    async upgradeResourceState(req, ctx) {
      const r = resources.get(req.type_name);
      if (!r) return { upgraded_state: null, diagnostics: noResource(req.type_name) };
      if (!r.upgradeState) return { upgraded_state: fitToSchema(r.schema, req.raw_state.json) };
      const answer = await r.upgradeState({ version: req.version, state: req.raw_state.json }, ctx);
      return { upgraded_state: answer.state, diagnostics: answer.diagnostics };
    },

    async readResource(req, ctx) {
      const r = resources.get(req.type_name);
      if (!r) return { new_state: req.current_state, diagnostics: noResource(req.type_name) };
      const answer = await r.read({ state: req.current_state, private: req.private, clientCapabilities: req.client_capabilities }, ctx);
      return { new_state: answer.state, private: answer.private ?? req.private, diagnostics: answer.diagnostics };
    },

    async planResourceChange(req, ctx) {
      const r = resources.get(req.type_name);
      if (!r) return { planned_state: req.proposed_new_state, diagnostics: noResource(req.type_name) };
      // A destroy: planned by Terraform alone unless a provider asks for plan_destroy, which this SDK does not.
      if (req.config === null || req.proposed_new_state === null) return { planned_state: null };
      if (!r.modifyPlan) return { planned_state: req.proposed_new_state, planned_private: req.prior_private };
      const answer = await r.modifyPlan(
        { config: req.config, prior: req.prior_state, proposed: req.proposed_new_state, priorPrivate: req.prior_private, clientCapabilities: req.client_capabilities },
        ctx,
      );
      return {
        planned_state: answer.planned,
        requires_replace: answer.requiresReplace,
        planned_private: answer.plannedPrivate ?? req.prior_private,
        diagnostics: answer.diagnostics,
      };
    },

    /** No prior state: create; no planned state: delete; both: update. */
    async applyResourceChange(req, ctx) {
      const { prior_state: prior, planned_state: planned, planned_private: plannedPrivate } = req;
      const r = resources.get(req.type_name);
      if (!r) return { new_state: prior, diagnostics: noResource(req.type_name) };
      if (planned === null) {
        if (prior === null) return { new_state: null };
        const { diagnostics } = await r.delete({ prior, plannedPrivate }, ctx);
        return { new_state: hasErrors(diagnostics) ? prior : null, diagnostics };
      }
      const config = req.config ?? planned;
      if (prior === null) {
        const answer = await r.create({ config, planned, plannedPrivate }, ctx);
        return { new_state: answer.state ?? null, private: answer.private, diagnostics: answer.diagnostics };
      }
      const answer = await r.update({ config, planned, prior, plannedPrivate }, ctx);
      return { new_state: answer.state === undefined ? prior : answer.state, private: answer.private, diagnostics: answer.diagnostics };
    },

    async importResourceState(req, ctx) {
      const r = resources.get(req.type_name);
      if (!r) return { imported_resources: [], diagnostics: noResource(req.type_name) };
      if (!r.importState) {
        return { imported_resources: [], diagnostics: [errorDiagnostic(`${r.typeName} cannot be imported`, `The ${r.typeName} resource does not support terraform import.`)] };
      }
      const answer = await r.importState({ id: req.id, clientCapabilities: req.client_capabilities }, ctx);
      const imported = answer.state && !hasErrors(answer.diagnostics) ? [{ type_name: r.typeName, state: answer.state, private: answer.private }] : [];
      return { imported_resources: imported, diagnostics: answer.diagnostics };
    },

    async validateDataResourceConfig(req, ctx) {
      const d = dataSources.get(req.type_name);
      if (!d) return { diagnostics: noDataSource(req.type_name) };
      return d.validateConfig ? d.validateConfig(req.config, ctx) : {};
    },

    async readDataSource(req, ctx) {
      const d = dataSources.get(req.type_name);
      if (!d) return { state: null, diagnostics: noDataSource(req.type_name) };
      const answer = await d.read({ config: req.config, clientCapabilities: req.client_capabilities }, ctx);
      return { state: answer.state, diagnostics: answer.diagnostics };
    },
  };
}

function byTypeName<T extends { typeName: string }>(items: readonly T[], what: string): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.typeName)) throw new Error(`the provider declares the ${what} type ${item.typeName} twice`);
    map.set(item.typeName, item);
  }
  return map;
}

function unknownType(what: string, typeName: string, known: ReadonlyMap<string, unknown>): Diagnostic {
  const names = [...known.keys()];
  return errorDiagnostic(
    `Unknown ${what} type ${typeName}`,
    names.length > 0 ? `This provider has the ${what} types ${names.join(', ')}.` : `This provider has no ${what} types.`,
  );
}
