/**
 * JSON parsing that keeps every number exactly as written.
 *
 * Terraform numbers are arbitrary-precision decimals. Stored state reaches UpgradeResourceState
 * as JSON, and `JSON.parse` would turn `0.1` into the nearest float64, a different number to
 * Terraform, which then reports the value as changed. This parser gives back each number in the
 * same form the msgpack path produces for that number:
 *   - a safe integer (|n| < 2^53)                          -> number
 *   - a larger integer that fits in 64 bits                -> bigint
 *   - a fraction or exponent whose float64 is exact (1.5)  -> number
 *   - anything else (0.1, 1e30, 2^70)                      -> the decimal text, a string
 * Terraform accepts a string wherever a number is expected, so the value goes back unchanged.
 *
 * The SDK needs it whatever a provider's own model holds: any provider may have a decimal
 * attribute (the demo provider's `size` is one), and the default UpgradeResourceState hands the
 * stored numbers back as they are. Node 20's `JSON.parse` cannot help: its reviver sees the
 * number already rounded (only later Node versions hand revivers the source text).
 */

export type ExactJsonValue =
  | null
  | boolean
  | string
  | number
  | bigint
  | ExactJsonValue[]
  | { [key: string]: ExactJsonValue };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** A decimal literal as number, bigint or string, following the rules at the top of this file. */
export function exactNumber(text: string): number | bigint | string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) throw new SyntaxError(`not a decimal number: ${text}`);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return 0;
  // Beyond these bounds the value is far outside float64 and int64; keep the text.
  if (Math.abs(exponent) > 400 || digits.length > 400) return text;

  const float = Number(text);
  if (exponent >= 0) {
    const integer = BigInt(sign + digits) * 10n ** BigInt(exponent);
    if (Number.isSafeInteger(float) && BigInt(float) === integer) return float;
    if (integer >= INT64_MIN && integer <= UINT64_MAX) return integer;
    return isExactFloat(float, BigInt(sign + digits), exponent) ? float : text;
  }
  return isExactFloat(float, BigInt(sign + digits), exponent) ? float : text;
}

/** Whether the float64 `float` equals mantissa * 10^exponent exactly. */
function isExactFloat(float: number, mantissa: bigint, exponent: number): boolean {
  if (!Number.isFinite(float)) return false;
  const [floatMantissa, binaryExponent] = splitFloat(float);
  // Compare floatMantissa * 2^binaryExponent with mantissa * 10^exponent, both sides integers.
  let left = floatMantissa;
  let right = mantissa;
  if (binaryExponent >= 0) left <<= BigInt(binaryExponent);
  else right <<= BigInt(-binaryExponent);
  if (exponent >= 0) right *= 10n ** BigInt(exponent);
  else left *= 10n ** BigInt(-exponent);
  return left === right;
}

/** float = mantissa * 2^exponent with an integer mantissa (sign included). */
function splitFloat(float: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, float);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // Subnormals have no implicit leading 1 and the smallest exponent.
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return [negative ? -mantissa : mantissa, exponent];
}

/** Parses JSON text; numbers follow {@link exactNumber}. Throws SyntaxError on malformed input. */
export function parseExactJson(text: string): ExactJsonValue {
  let pos = 0;

  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at offset ${pos}: ${what}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      pos++;
    }
  };
  const literal = (word: string, value: ExactJsonValue): ExactJsonValue => {
    if (!text.startsWith(word, pos)) fail(`expected ${word}`);
    pos += word.length;
    return value;
  };
  const parseString = (): string => {
    // Find the closing quote, then let JSON.parse decode the escapes of just this token.
    const start = pos;
    pos++;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      }
      pos += c === 0x5c ? 2 : 1;
    }
    return fail('unterminated string');
  };
  const parseValue = (depth: number): ExactJsonValue => {
    if (depth > 512) fail('nesting too deep');
    skipSpace();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const object: { [key: string]: ExactJsonValue } = {};
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail('expected a property name');
        const key = parseString();
        skipSpace();
        if (text[pos] !== ':') fail("expected ':'");
        pos++;
        // defineProperty so a key named __proto__ is data, not the prototype.
        Object.defineProperty(object, key, {
          value: parseValue(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return object;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      pos++;
      const array: ExactJsonValue[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return array;
      }
      for (;;) {
        array.push(parseValue(depth + 1));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return array;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return parseString();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (!number) return fail('unexpected character');
    pos += number[0].length;
    return exactNumber(number[0]);
  };

  const value = parseValue(0);
  skipSpace();
  if (pos !== text.length) fail('trailing characters');
  return value;
}
