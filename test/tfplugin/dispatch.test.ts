/**
 * The SDK's mapping of protocol calls onto a provider's methods (lib/tfplugin/dispatch.ts), and
 * that the SDK stays generic: nothing in lib/tfplugin imports the osd model, client or provider.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger, errorDiagnostic, type Provider, type Resource, type Schema, type TfObject } from '../../lib/tfplugin';
import { providerHandlers } from '../../lib/tfplugin/dispatch';

const ctx = { stopSignal: new AbortController().signal, log: createLogger('provider.example', () => {}) };
const capabilities = { deferral_allowed: false, write_only_attributes_allowed: true };
const none = new Uint8Array(0);

const schema: Schema = {
  block: {
    attributes: [
      { name: 'id', type: 'string', computed: true },
      { name: 'size', type: 'number', optional: true },
      { name: 'items', optional: true, nested_type: { nesting: 'LIST', attributes: [{ name: 'key', type: 'string', required: true }, { name: 'added', type: 'string', optional: true }] } },
    ],
  },
};

/** A resource that records which method each call reached and answers as `answers` says. */
function recordingResource(answers: { failDelete?: boolean; createState?: boolean; updateState?: boolean } = {}) {
  const calls: string[] = [];
  const resource: Resource = {
    typeName: 'example_thing',
    schema,
    async read(req) {
      calls.push('read');
      return { state: req.state };
    },
    async create(req) {
      calls.push(`create ${String(req.config.size)}`);
      return answers.createState === false ? { diagnostics: [errorDiagnostic('create failed')] } : { state: { ...req.planned, id: 'new' } };
    },
    async update(req) {
      calls.push(`update ${String(req.prior.id)}`);
      return answers.updateState === false ? { diagnostics: [errorDiagnostic('update failed')] } : { state: req.planned };
    },
    async delete(req) {
      calls.push(`delete ${String(req.prior.id)}`);
      return answers.failDelete ? { diagnostics: [errorDiagnostic('still in use')] } : {};
    },
  };
  const provider: Provider = { schema: { block: {} }, resources: [resource], configure: async () => ({}) };
  return { calls, handlers: providerHandlers(provider) };
}

const apply = (prior: TfObject | null, planned: TfObject | null) => ({
  type_name: 'example_thing',
  prior_state: prior,
  planned_state: planned,
  config: planned,
  planned_private: none,
  provider_meta: null,
});

test('ApplyResourceChange is create without a prior state, delete without a planned one, update with both', async () => {
  const { calls, handlers } = recordingResource();
  const created = await handlers.applyResourceChange(apply(null, { id: null, size: 1, items: null }), ctx);
  assert.equal(created.new_state?.id, 'new');
  const updated = await handlers.applyResourceChange(apply({ id: 'a', size: 1, items: null }, { id: 'a', size: 2, items: null }), ctx);
  assert.equal(updated.new_state?.size, 2);
  const deleted = await handlers.applyResourceChange(apply({ id: 'a', size: 2, items: null }, null), ctx);
  assert.equal(deleted.new_state, null);
  assert.deepEqual(calls, ['create 1', 'update a', 'delete a']);
});

test('a failed apply leaves state as it was: nothing created, the prior state after an update or a delete', async () => {
  const { handlers } = recordingResource({ failDelete: true, createState: false, updateState: false });
  const prior = { id: 'a', size: 1, items: null };
  assert.equal((await handlers.applyResourceChange(apply(null, { id: null, size: 1, items: null }), ctx)).new_state, null);
  assert.deepEqual((await handlers.applyResourceChange(apply(prior, { ...prior, size: 2 }), ctx)).new_state, prior);
  const deleted = await handlers.applyResourceChange(apply(prior, null), ctx);
  assert.deepEqual(deleted.new_state, prior);
  assert.equal(deleted.diagnostics?.[0]?.summary, 'still in use');
});

test('defaults: the proposed state is the plan, stored state is fitted to the schema, import is refused', async () => {
  const { handlers } = recordingResource();
  const proposed = { id: 'a', size: 3, items: null };
  const planned = await handlers.planResourceChange(
    { type_name: 'example_thing', prior_state: proposed, proposed_new_state: proposed, config: proposed, prior_private: Uint8Array.of(7), provider_meta: null, client_capabilities: capabilities },
    ctx,
  );
  assert.deepEqual(planned.planned_state, proposed);
  assert.deepEqual(planned.planned_private, Uint8Array.of(7), 'the private state is carried to apply');

  const stored = { id: 'a', size: '0.1', retired: true, items: [{ key: 'k', gone: 1 }] };
  const upgraded = await handlers.upgradeResourceState({ type_name: 'example_thing', version: 0, raw_state: { json: stored, flatmap: {} } }, ctx);
  assert.deepEqual(upgraded.upgraded_state, { id: 'a', size: '0.1', items: [{ key: 'k', added: null }] });

  const imported = await handlers.importResourceState({ type_name: 'example_thing', id: 'x', client_capabilities: capabilities }, ctx);
  assert.deepEqual(imported.imported_resources, []);
  assert.match(imported.diagnostics?.[0]?.summary ?? '', /example_thing cannot be imported/);
});

test('a type the provider does not have is an error diagnostic naming the ones it has', async () => {
  const { handlers } = recordingResource();
  const answer = await handlers.validateResourceConfig({ type_name: 'example_other', config: {} }, ctx);
  assert.equal(answer.diagnostics?.[0]?.severity, 'ERROR');
  assert.match(`${answer.diagnostics?.[0]?.summary} ${answer.diagnostics?.[0]?.detail}`, /Unknown resource type example_other .*example_thing/);
  const data = await handlers.readDataSource({ type_name: 'example_thing', config: {}, provider_meta: null, client_capabilities: capabilities }, ctx);
  assert.match(data.diagnostics?.[0]?.detail ?? '', /no data source types/);
  const twice = { typeName: 'example_thing', schema } as Resource;
  assert.throws(() => providerHandlers({ schema: { block: {} }, resources: [twice, twice], configure: async () => ({}) }), /resource type example_thing twice/);
});

test('the SDK knows nothing of osd: no import from lib/model, lib/client or lib/provider', () => {
  const root = path.resolve(__dirname, '../../lib/tfplugin');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'generated' ? [] : files(path.join(dir, e.name))) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const outside: string[] = [];
  for (const file of files(root)) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (!spec!.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec!);
      if (!target.startsWith(root + path.sep)) outside.push(`${path.relative(root, file)} imports ${spec}`);
    }
  }
  assert.ok(files(root).length > 10, 'found the SDK sources');
  assert.deepEqual(outside, []);
});
