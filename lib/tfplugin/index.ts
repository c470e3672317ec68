/**
 * A Terraform plugin SDK for providers written in TypeScript: plugin protocol 6 over gRPC with
 * mutual TLS, as Terraform 1.x expects. README.md beside this file shows how to write and serve a
 * provider. The entry file of a provider imports `serve` from './serve.js' (it loads nothing else
 * before the handshake); everything a provider implements and uses is exported here.
 */
export type {
  ApplyResult,
  CallContext,
  ConfigureRequest,
  CreateRequest,
  DataSource,
  DataSourceReadRequest,
  DataSourceReadResult,
  DeleteRequest,
  DeleteResult,
  ImportRequest,
  ImportResult,
  PlanRequest,
  PlanResult,
  Provider,
  ReadRequest,
  ReadResult,
  Resource,
  UpdateRequest,
  UpgradeRequest,
  UpgradeResult,
  WithDiagnostics,
} from './provider.js';
export {
  errorDiagnostic,
  hasErrors,
  warningDiagnostic,
  type AttributePath,
  type ClientCapabilities,
  type CtyType,
  type Diagnostic,
  type PathStep,
  type Schema,
  type SchemaAttribute,
  type SchemaBlock,
  type SchemaNestedBlock,
  type SchemaObject,
  type Severity,
  type StringKind,
} from './protocol/types.js';
export { isTfObject, isUnknown, isWhollyKnown, toJsNumber, Unknown, type TfObject, type TfValue, type UnknownValue } from './protocol/values.js';
export { fitToSchema } from './state.js';
export { createLogger, type LogFields, type Logger, type LogLevel } from './log.js';
export type { ServeOptions } from './serve.js';
