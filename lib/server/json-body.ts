/**
 * The only request body the API accepts: JSON with `Content-Type: application/json`. Anything else
 * is refused with 415 by fastify (no parser for it); an empty or malformed body with 400, naming
 * where the JSON breaks. The body is taken exactly as sent or not at all:
 *
 * - Bytes that are not UTF-8 are refused, naming the offset of the first one, instead of being
 *   decoded to U+FFFD (which would store something else than was sent).
 * - Objects and arrays may nest `MAX_JSON_DEPTH` levels deep. The deepest object the model allows
 *   is far shallower (a partition inside a step: 6 levels); the bound is checked before parsing, so
 *   a deeply nested body costs one pass over its text and never a deep recursion.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';

/** Nesting levels of objects and arrays a body may have; `{}` is one level, `{"a":[{}]}` three. */
export const MAX_JSON_DEPTH = 128;

export function installJsonBodyParser(app: FastifyInstance): void {
  // Fastify also parses text/plain by default; the API does not take it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (e) {
      done(e instanceof ApiError ? e : new ApiError(400, 'malformedJson', `the request body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
}

function parseJsonBody(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) {
    throw new ApiError(
      400,
      'malformedJson',
      `the request body is not valid UTF-8: the byte at offset ${firstInvalidUtf8Offset(bytes)} does not belong to a UTF-8 sequence; send the JSON encoded as UTF-8 (not Latin-1 or Windows-1252)`,
    );
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'malformedJson', 'the request body is empty; send a JSON object');
  const tooDeep = offsetBeyondDepth(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    throw new ApiError(
      400,
      'malformedJson',
      `the request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at byte ${Buffer.byteLength(text.slice(0, tooDeep))}); no object of the API needs more than ${MAX_JSON_DEPTH}`,
    );
  }
  return JSON.parse(text, refuseProtoKeys);
}

/**
 * The byte offset of the first ill-formed sequence. The platform's decoder replaces each one by
 * U+FFFD; the first U+FFFD that the input did not spell as EF BF BD marks it.
 */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  const decoded = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let from = 0;
  for (let at = decoded.indexOf('\uFFFD'); at >= 0; at = decoded.indexOf('\uFFFD', at + 1)) {
    offset += Buffer.byteLength(decoded.slice(from, at), 'utf8');
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    offset += 3;
    from = at + 1;
  }
  return offset;
}

/** The index of the bracket that opens level `limit + 1`, if the text has one outside strings. */
function offsetBeyondDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return undefined;
}

/** `__proto__` is no field of any kind; refusing it here keeps prototype tricks out of the code entirely. */
function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new ApiError(400, 'malformedJson', 'the request body has a "__proto__" key, which is not allowed');
  return value;
}
