/**
 * The review as JSON (`--format json`), for tools that build on it: the `Review` value as it is,
 * keys in a fixed order, two-space indented. Its shape is documented in the README ("Review a change") and changes
 * only with the review's `version`.
 */
import type { Review } from './review';

export function renderJson(review: Review): string {
  return JSON.stringify(review, null, 2) + '\n';
}
