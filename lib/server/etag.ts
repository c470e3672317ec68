/**
 * ETags and `If-Match`. An object's ETag is made from the store's global revision counter, which
 * every write advances, so it changes on every write of the object and is never reused, even by an
 * object deleted and created again under the same ID (a program).
 */

/** The strong, quoted ETag of an object last written at `revision`. */
export function etagFor(revision: number): string {
  return `"r${revision}"`;
}

/**
 * Whether an `If-Match` header allows a write to an object whose ETag is `current`. No header
 * allows it (the header is optional); `*` matches any existing object; otherwise one of the listed
 * tags must be equal with the strong comparison (a weak `W/"…"` tag never matches).
 */
export function ifMatchAllows(header: string | undefined, current: string): boolean {
  if (header === undefined) return true;
  const tags = header.split(',').map((t) => t.trim()).filter((t) => t !== '');
  return tags.some((t) => t === '*' || t === current);
}
