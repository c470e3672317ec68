/**
 * The typed HTTP client of the deployment server API. Cheap to import: axios and the model's
 * schemas are loaded on the first request.
 */
export { OsdClient, type OsdClientOptions, type RetryEvent, type ListArgs } from './client';
export {
  OsdApiError,
  OsdBadRequestError,
  OsdUnauthorizedError,
  OsdForbiddenError,
  OsdNotFoundError,
  OsdConflictError,
  OsdPreconditionFailedError,
  OsdPayloadTooLargeError,
  OsdValidationError,
  OsdRateLimitError,
  OsdServerError,
  OsdNetworkError,
  type OsdErrorDetail,
} from './errors';
export { parseRetryAfter, backoffDelay, retryDelay, delayWithinBudget, RETRYABLE_STATUSES, RETRYABLE_NETWORK_CODES, type RetrySettings } from './retry';
export type {
  KindTypes,
  KindName,
  Stored,
  Writable,
  ListFilter,
  OsdResult,
  OsdCreateResult,
  OsdUpdateResult,
  OsdDeleteResult,
  OsdWarning,
  CallOptions,
  CreateOptions,
  WriteOptions,
  AuditEntry,
  AuditQuery,
  Health,
  Site,
  SecretStatusValue,
  SecretFieldName,
  ServerSetFieldName,
} from './types';
