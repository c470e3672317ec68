/**
 * The errors the client throws. Every failure is an `OsdApiError` (or a subclass chosen by HTTP
 * status), never a raw axios error: an axios error carries the request configuration, and with it
 * the bearer token and a body that may hold secrets, so none of it is kept here.
 */

/** One finding the server reports: a JSON pointer into the object, the rule broken, and why. */
export interface OsdErrorDetail {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
  /** For a delete refused because the object is still referenced (409, R2): who references it. */
  readonly referencedBy?: { readonly kind: string; readonly id: string; readonly name?: string };
}

/** What identifies the exchange that failed, for messages and logs. */
export interface OsdErrorContext {
  readonly method: string;
  /** Path and query under the endpoint, e.g. `/api/v1/packages/CM100012`. */
  readonly path: string;
  /** How many requests were sent for this call (1 when it failed without a retry). */
  readonly attempts: number;
}

export interface OsdErrorInit extends OsdErrorContext {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: readonly OsdErrorDetail[];
  readonly requestId?: string;
  /** Retry-After as the server sent it, turned into milliseconds (429/503). */
  readonly retryAfterMs?: number;
}

/** Base class of every error the client throws. */
export class OsdApiError extends Error {
  /** HTTP status; 0 when no response arrived (see `OsdNetworkError`). */
  readonly status: number;
  /** The server's `error.code`, or the system error code for a network failure (`ECONNRESET`). */
  readonly code: string;
  /** The server's own message, without the details appended to `message`. */
  readonly serverMessage: string;
  readonly details: readonly OsdErrorDetail[];
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;

  constructor(init: OsdErrorInit) {
    super(describe(init));
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.message;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 400: the request was malformed (bad JSON, bad query). */
export class OsdBadRequestError extends OsdApiError {}
/** 401: no token, or one the server does not know. */
export class OsdUnauthorizedError extends OsdApiError {}
/** 403: the token's role may not do this (a reader writing). */
export class OsdForbiddenError extends OsdApiError {}
/** 404: no such object (or collection). */
export class OsdNotFoundError extends OsdApiError {}
/** 409: duplicate name + version, a referenced object, or an Idempotency-Key reused with another body. */
export class OsdConflictError extends OsdApiError {}
/** 412: the If-Match ETag is stale: someone else wrote the object since it was read. */
export class OsdPreconditionFailedError extends OsdApiError {}
/** 413: the body is larger than the server accepts. */
export class OsdPayloadTooLargeError extends OsdApiError {}
/** 422: the object broke the model's rules; `details` name each field, rule and reason. */
export class OsdValidationError extends OsdApiError {}
/** 429: too many requests; thrown only once the retries are used up. */
export class OsdRateLimitError extends OsdApiError {}
/** 5xx: the server failed or was unavailable; thrown once the retries (502/503/504) are used up. */
export class OsdServerError extends OsdApiError {}
/** No HTTP response: refused, reset, timed out, or aborted by the caller (`code` says which). */
export class OsdNetworkError extends OsdApiError {}

const BY_STATUS: Readonly<Record<number, typeof OsdApiError>> = {
  400: OsdBadRequestError,
  401: OsdUnauthorizedError,
  403: OsdForbiddenError,
  404: OsdNotFoundError,
  409: OsdConflictError,
  412: OsdPreconditionFailedError,
  413: OsdPayloadTooLargeError,
  422: OsdValidationError,
  429: OsdRateLimitError,
};

/** The error class for an HTTP status: a specific one where it exists, else the base. */
export function errorClassFor(status: number): typeof OsdApiError {
  if (status >= 500) return OsdServerError;
  return BY_STATUS[status] ?? OsdApiError;
}

/** Builds the typed error for an HTTP answer from its status and (already parsed) JSON body. */
export function errorFromResponse(
  status: number,
  body: unknown,
  context: OsdErrorContext & { requestId?: string; retryAfterMs?: number },
): OsdApiError {
  const parsed = parseErrorBody(body);
  const ErrorClass = errorClassFor(status);
  return new ErrorClass({
    ...context,
    status,
    code: parsed.code ?? `http${status}`,
    message: parsed.message ?? `HTTP ${status}`,
    details: parsed.details,
    requestId: parsed.requestId ?? context.requestId,
  });
}

/** The same error again with the final attempt count (errors are built before the loop knows it is the last). */
export function withAttempts(error: OsdApiError, attempts: number): OsdApiError {
  if (error.attempts === attempts) return error;
  const ErrorClass = error.constructor as typeof OsdApiError;
  return new ErrorClass({
    status: error.status,
    code: error.code,
    message: error.serverMessage,
    details: error.details,
    requestId: error.requestId,
    method: error.method,
    path: error.path,
    attempts,
    retryAfterMs: error.retryAfterMs,
  });
}

interface ParsedErrorBody {
  code?: string;
  message?: string;
  details: OsdErrorDetail[];
  requestId?: string;
}

/** Reads `{ error: { code, message, details, requestId } }`, tolerating anything else (a proxy's HTML page). */
function parseErrorBody(body: unknown): ParsedErrorBody {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (!error) return { details: [] };
  const details = Array.isArray(error.details)
    ? error.details.filter(isObject).map(toDetail)
    : [];
  return { code: str(error.code), message: str(error.message), details, requestId: str(error.requestId) };
}

function toDetail(d: Record<string, unknown>): OsdErrorDetail {
  const detail = { path: str(d.path) ?? '', rule: str(d.rule) ?? '', message: str(d.message) ?? '' };
  const ref = d.referencedBy;
  if (!isObject(ref) || str(ref.kind) === undefined || str(ref.id) === undefined) return detail;
  return { ...detail, referencedBy: { kind: String(ref.kind), id: String(ref.id), ...(str(ref.name) !== undefined ? { name: String(ref.name) } : {}) } };
}

/**
 * `GET /api/v1/packages/X failed (404 notFound): no package X`; when the server reports several
 * problems, one line per detail follows (`  /steps/0/name [maxLength]: …`), so a 422 read in a
 * terminal names every field and rule, and a single problem is said once.
 * Built here, once: whoever shows the error (the provider, a script) shows this text as it is.
 */
function describe(init: OsdErrorInit): string {
  const what = init.status === 0 ? init.code : `${init.status} ${init.code}`;
  const retried = init.attempts > 1 ? ` after ${init.attempts} attempts` : '';
  const head = `${init.method} ${init.path} failed${retried} (${what}): ${init.message}`;
  // The server's message states the first problem in full; the details are listed when there are more.
  const details = init.details ?? [];
  const lines = details.length > 1 ? details.map((d) => `  ${d.path || '(object)'} [${d.rule || 'unknown rule'}]: ${d.message}`) : [];
  const id = init.requestId ? `\n  request id: ${init.requestId}` : '';
  return [head, ...lines].join('\n') + id;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
