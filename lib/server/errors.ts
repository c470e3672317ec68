/**
 * The JSON error envelope of docs/api.md: `{ "error": { "code", "message", "details": [...] } }`.
 * Handlers throw `ApiError`; the app's error handler turns it (and fastify's own errors about
 * bodies and content types) into the envelope, so every refusal looks the same to a client.
 */
import { formatIssue, pointer, POINTER_STYLE, type Issue } from '../model';

/** One finding: where (a JSON pointer into the object sent), which rule or constraint, and what to do. */
export interface ErrorDetail {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
  /** For a refused delete (R2): the object that still references the one being deleted. */
  readonly referencedBy?: { readonly kind: string; readonly id: string; readonly name?: string };
}

export interface ErrorEnvelope {
  readonly error: { readonly code: string; readonly message: string; readonly details: readonly ErrorDetail[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  envelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

/** A finding as a detail of a response, fields as JSON pointers into the object sent (the severity is implied by where it appears). */
export function issueDetail(issue: Issue): ErrorDetail {
  return { path: pointer(...issue.path), rule: issue.rule, message: formatIssue(issue, POINTER_STYLE) };
}

export const badRequest = (message: string, details: ErrorDetail[] = []) => new ApiError(400, 'badRequest', message, details);
export const notFound = (message: string) => new ApiError(404, 'notFound', message);

/**
 * The message of a refusal with details: the first problem in full, and how many more the details
 * list. A client shows this message; it lists the details only when there is more than one.
 */
export function summary(details: readonly ErrorDetail[]): string {
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''}, see details)` : '';
  return `${details[0]?.message ?? 'unknown problem'}${more}`;
}

/** `422`: the object breaks the model's shape or rules. The message summarises; the details say each thing. */
export function validationFailed(what: string, errors: readonly Issue[]): ApiError {
  const details = errors.map(issueDetail);
  return new ApiError(422, 'validation', `${what} is not valid: ${summary(details)}`, details);
}
