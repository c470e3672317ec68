/** Response headers whose values the API defines. */
import type { Issue } from '../model';
import { issueDetail } from './errors';

export const WARNINGS_HEADER = 'osd-warnings';

/**
 * The `Osd-Warnings` value: a JSON array of `{ path, rule, message }`. Header values must be
 * ASCII-safe, so every character outside printable ASCII is written as a JSON `\u` escape (still
 * valid JSON, and it parses back to the same text).
 */
export function warningsHeaderValue(warnings: readonly Issue[]): string {
  return asciiJson(warnings.map(issueDetail));
}

export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
