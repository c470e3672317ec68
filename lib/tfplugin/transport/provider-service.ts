/**
 * The tfplugin6.Provider service: for each gRPC method, decode the request message, turn it into
 * the handler's plain request, call the handler, and encode its answer.
 *
 * Failures never become gRPC errors (Terraform would only say "Plugin did not respond"): a handler
 * that throws, a value that does not decode, a schema that does not convert, all come back as an
 * error diagnostic in the method's own response. StopProvider, whose response has no diagnostics,
 * reports through its Error string.
 *
 * Loaded after the handshake (serve.ts imports it lazily): nothing here is needed to start.
 */
import { elapsedMs, type Logger } from '../log.js';
import type { CallContext } from '../provider.js';
import { errorDiagnostic, type GetProviderSchemaResponse, type ProviderHandlers } from '../protocol/types.js';
import { decodeDynamicValue, decodeJson, encodeDynamicValue, type TfValue } from '../protocol/values.js';
import { int64ToNumber, protocol, type MessageCodec, type WireDiagnostic } from '../protocol/wire.js';
import {
  clientCapabilities,
  objectOrNull,
  objectValue,
  privateBytes,
  wireDeferred,
  wireDiagnostic,
  wireDiagnostics,
  wirePath,
  wireSchema,
  wireSchemas,
} from './convert.js';

/** One unary method: protobuf bytes in, protobuf bytes out; failures are answered as diagnostics. */
export type UnaryMethod = (request: Uint8Array) => Promise<Uint8Array>;

export interface ProviderServiceOptions {
  /** Resolves the provider implementation; called once, on the first call that needs it. */
  handlers: () => Promise<ProviderHandlers>;
  /** Aborted by StopProvider; its signal goes to every handler call. */
  stop: AbortController;
  log: Logger;
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

function failureDiagnostic(method: string, err: unknown): WireDiagnostic {
  return wireDiagnostic(
    errorDiagnostic(
      `Provider error in ${method}`,
      `${describeError(err)}\n\nThis is a problem in the provider, not in the configuration; the provider log (TF_LOG=debug) has details.`,
    ),
  );
}

export function createProviderService(options: ProviderServiceOptions): Map<string, UnaryMethod> {
  const pb = protocol().tfplugin6;
  const { log } = options;
  const ctx: CallContext = { stopSignal: options.stop.signal, log };

  let handlersPromise: Promise<ProviderHandlers> | undefined;
  const handlers = (): Promise<ProviderHandlers> => (handlersPromise ??= options.handlers());

  // The schema is built once per process and shared by GetProviderSchema and GetMetadata.
  let schemaPromise: Promise<GetProviderSchemaResponse> | undefined;
  const schema = (): Promise<GetProviderSchemaResponse> =>
    (schemaPromise ??= handlers().then((h) => h.getProviderSchema(ctx)));

  const methods = new Map<string, UnaryMethod>();

  /**
   * Registers a method whose response carries `diagnostics`. `run` builds the wire response;
   * whatever it throws becomes an error diagnostic.
   */
  function define<Req, Res extends { diagnostics?: WireDiagnostic[] }>(
    name: string,
    codec: { Request: MessageCodec<Req>; Response: MessageCodec<Res> },
    run: (request: Req) => Promise<Res>,
  ): void {
    methods.set(`/tfplugin6.Provider/${name}`, async (bytes) => {
      const started = process.hrtime.bigint();
      let request: Req | undefined;
      let response: Res;
      let encoded: Uint8Array;
      try {
        request = codec.Request.decode(bytes);
        response = await run(request);
        // Inside the try: a handler answer of the wrong shape fails here, and is reported too.
        encoded = codec.Response.encode(response).finish();
      } catch (err) {
        log.error(`${name} failed`, { tf_rpc: name, error: err });
        response = { diagnostics: [failureDiagnostic(name, err)] } as Res;
        encoded = codec.Response.encode(response).finish();
      }
      if (log.enabled('debug')) {
        log.debug(`${name} answered`, {
          tf_rpc: name,
          tf_resource_type: (request as { type_name?: string } | undefined)?.type_name,
          duration_ms: elapsedMs(started),
          diagnostics: response.diagnostics?.length ?? 0,
        });
      }
      return encoded;
    });
  }

  define('GetProviderSchema', pb.GetProviderSchema, async () => {
    const answer = await schema();
    return {
      provider: answer.provider ? wireSchema(answer.provider) : { block: {} },
      resource_schemas: wireSchemas(answer.resource_schemas),
      data_source_schemas: wireSchemas(answer.data_source_schemas),
      provider_meta: answer.provider_meta ? wireSchema(answer.provider_meta) : undefined,
      server_capabilities: answer.server_capabilities,
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  // Terraform 1.11 does not call this; answered from the schema for clients that do.
  define('GetMetadata', pb.GetMetadata, async () => {
    const answer = await schema();
    const names = (schemas: Record<string, unknown> | undefined) =>
      Object.keys(schemas ?? {}).map((type_name) => ({ type_name }));
    return {
      server_capabilities: answer.server_capabilities,
      resources: names(answer.resource_schemas),
      data_sources: names(answer.data_source_schemas),
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  // The provider defines no functions.
  define('GetFunctions', pb.GetFunctions, async () => ({}));

  define('ValidateProviderConfig', pb.ValidateProviderConfig, async (req) => {
    const h = await handlers();
    const answer = await h.validateProviderConfig({ config: objectValue(req.config, 'config') }, ctx);
    return { diagnostics: wireDiagnostics(answer.diagnostics) };
  });

  define('ConfigureProvider', pb.ConfigureProvider, async (req) => {
    const h = await handlers();
    const answer = await h.configureProvider(
      {
        terraform_version: req.terraform_version,
        config: objectValue(req.config, 'config'),
        client_capabilities: clientCapabilities(req.client_capabilities),
      },
      ctx,
    );
    return { diagnostics: wireDiagnostics(answer.diagnostics) };
  });

  define('ValidateResourceConfig', pb.ValidateResourceConfig, async (req) => {
    const h = await handlers();
    const answer = await h.validateResourceConfig(
      { type_name: req.type_name, config: objectValue(req.config, 'config') },
      ctx,
    );
    return { diagnostics: wireDiagnostics(answer.diagnostics) };
  });

  define('UpgradeResourceState', pb.UpgradeResourceState, async (req) => {
    const h = await handlers();
    const raw = req.raw_state;
    const json: TfValue = raw?.json && raw.json.length > 0 ? decodeJson(raw.json) : null;
    const answer = await h.upgradeResourceState(
      {
        type_name: req.type_name,
        version: int64ToNumber(req.version),
        raw_state: { json, flatmap: { ...(raw?.flatmap ?? {}) } },
      },
      ctx,
    );
    return {
      upgraded_state: encodeDynamicValue(answer.upgraded_state),
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  define('ReadResource', pb.ReadResource, async (req) => {
    const h = await handlers();
    const answer = await h.readResource(
      {
        type_name: req.type_name,
        current_state: objectValue(req.current_state, 'current_state'),
        private: privateBytes(req.private),
        provider_meta: decodeDynamicValue(req.provider_meta),
        client_capabilities: clientCapabilities(req.client_capabilities),
      },
      ctx,
    );
    return {
      new_state: encodeDynamicValue(answer.new_state),
      private: answer.private,
      deferred: wireDeferred(answer.deferred),
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  define('PlanResourceChange', pb.PlanResourceChange, async (req) => {
    const h = await handlers();
    const answer = await h.planResourceChange(
      {
        type_name: req.type_name,
        prior_state: objectOrNull(req.prior_state, 'prior_state'),
        proposed_new_state: objectOrNull(req.proposed_new_state, 'proposed_new_state'),
        config: objectOrNull(req.config, 'config'),
        prior_private: privateBytes(req.prior_private),
        provider_meta: decodeDynamicValue(req.provider_meta),
        client_capabilities: clientCapabilities(req.client_capabilities),
      },
      ctx,
    );
    return {
      planned_state: encodeDynamicValue(answer.planned_state),
      requires_replace: answer.requires_replace?.map(wirePath),
      planned_private: answer.planned_private,
      deferred: wireDeferred(answer.deferred),
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  define('ApplyResourceChange', pb.ApplyResourceChange, async (req) => {
    const h = await handlers();
    const answer = await h.applyResourceChange(
      {
        type_name: req.type_name,
        prior_state: objectOrNull(req.prior_state, 'prior_state'),
        planned_state: objectOrNull(req.planned_state, 'planned_state'),
        config: objectOrNull(req.config, 'config'),
        planned_private: privateBytes(req.planned_private),
        provider_meta: decodeDynamicValue(req.provider_meta),
      },
      ctx,
    );
    return {
      new_state: encodeDynamicValue(answer.new_state),
      private: answer.private,
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  define('ImportResourceState', pb.ImportResourceState, async (req) => {
    const h = await handlers();
    const answer = await h.importResourceState(
      { type_name: req.type_name, id: req.id, client_capabilities: clientCapabilities(req.client_capabilities) },
      ctx,
    );
    return {
      imported_resources: answer.imported_resources.map((imported) => ({
        type_name: imported.type_name,
        state: encodeDynamicValue(imported.state),
        private: imported.private,
      })),
      deferred: wireDeferred(answer.deferred),
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  define('ValidateDataResourceConfig', pb.ValidateDataResourceConfig, async (req) => {
    const h = await handlers();
    const answer = await h.validateDataResourceConfig(
      { type_name: req.type_name, config: objectValue(req.config, 'config') },
      ctx,
    );
    return { diagnostics: wireDiagnostics(answer.diagnostics) };
  });

  define('ReadDataSource', pb.ReadDataSource, async (req) => {
    const h = await handlers();
    const answer = await h.readDataSource(
      {
        type_name: req.type_name,
        config: objectValue(req.config, 'config'),
        provider_meta: decodeDynamicValue(req.provider_meta),
        client_capabilities: clientCapabilities(req.client_capabilities),
      },
      ctx,
    );
    return {
      state: encodeDynamicValue(answer.state),
      deferred: wireDeferred(answer.deferred),
      diagnostics: wireDiagnostics(answer.diagnostics),
    };
  });

  // StopProvider has no diagnostics (only an Error string). Stopping is the abort of the signal
  // every call was given; the calls in flight answer when they have wound down.
  methods.set('/tfplugin6.Provider/StopProvider', async (bytes) => {
    pb.StopProvider.Request.decode(bytes);
    log.info('StopProvider: Terraform asked the provider to stop');
    options.stop.abort(new Error('Terraform asked the provider to stop'));
    return pb.StopProvider.Response.encode({}).finish();
  });

  return methods;
}
