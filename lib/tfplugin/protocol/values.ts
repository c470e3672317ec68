/**
 * Terraform values as the provider's handlers see them, and their wire encodings
 * (DynamicValue: msgpack, or JSON for stored state).
 *
 * Mapping (Terraform -> JS -> Terraform):
 *   null                 -> null
 *   unknown (any form)   -> the `Unknown` sentinel -> plain unknown (msgpack extension 0)
 *   string               -> string
 *   bool                 -> boolean
 *   number               -> number | bigint | string, exactly as Terraform sent it: small integers
 *                           and exact floats as number, 64-bit integers as bigint, decimals that
 *                           no float64 holds exactly (0.1, 1e30) as their decimal text. Give the
 *                           value back in the same form, or Terraform sees a different number.
 *   list / set / tuple   -> array
 *   map / object / block -> plain object
 *
 * Refinements of unknown values (extension 12: "not null", string prefix, ...) are dropped: the
 * protocol allows treating any unknown as wholly unknown, and Terraform accepts a plain unknown
 * back in a plan.
 */
import { Decoder, Encoder, ExtData } from '@msgpack/msgpack';
import { parseExactJson } from './exact-json.js';

/** The type of the {@link Unknown} sentinel. Only one instance exists. */
export class UnknownValue {
  private constructor() {}
  /** @internal creates the single instance */
  static readonly instance: UnknownValue = Object.freeze(new UnknownValue());
  toString(): string {
    return '(known after apply)';
  }
  toJSON(): string {
    return '(known after apply)';
  }
}

/** A value Terraform will only know after apply. Compare with `===` or {@link isUnknown}. */
export const Unknown: UnknownValue = UnknownValue.instance;

export type TfValue = null | UnknownValue | string | number | bigint | boolean | TfValue[] | TfObject;

/** An object, map or block value: attribute name (or map key) to value. */
export interface TfObject {
  [name: string]: TfValue;
}

export function isUnknown(value: unknown): value is UnknownValue {
  return value === Unknown;
}

/** True when neither the value nor anything inside it is unknown. */
export function isWhollyKnown(value: TfValue): boolean {
  if (value === Unknown) return false;
  if (value === null || typeof value !== 'object') return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.every(isWhollyKnown);
}

/** True for a plain object value (not null, not an array, not Unknown). */
export function isTfObject(value: TfValue | undefined): value is TfObject {
  return typeof value === 'object' && value !== null && value !== Unknown && !Array.isArray(value);
}

/**
 * A Terraform number as a JS number, for arithmetic and comparisons where float64 precision is
 * enough. Never write the result back into a state or plan in place of the original value.
 */
export function toJsNumber(value: number | bigint | string): number {
  const result = Number(value);
  if (Number.isNaN(result)) throw new TypeError(`not a number: ${String(value)}`);
  return result;
}

// --- msgpack -------------------------------------------------------------------------------

/** Extension code 0 with a one-byte ignored payload: the encoding Terraform uses for unknown. */
const PLAIN_UNKNOWN = new ExtData(0, new Uint8Array([0]));

/**
 * Every extension code means "unknown" (the protocol reserves them all for that); 12 carries
 * refinements we ignore. Implementing the codec interface directly avoids registering 256 codes.
 */
const unknownCodec = {
  tryToEncode: (object: unknown): ExtData | null => (object === Unknown ? PLAIN_UNKNOWN : null),
  decode: (): UnknownValue => Unknown,
};

let decoder: Decoder | undefined;
let encoder: Encoder | undefined;

/** Decodes a msgpack DynamicValue payload. 64-bit integers come back as bigint. */
export function decodeMsgpack(bytes: Uint8Array): TfValue {
  decoder ??= new Decoder({ useBigInt64: true, extensionCodec: unknownCodec });
  return decoder.decode(bytes) as TfValue;
}

/**
 * Encodes a value for a DynamicValue. `undefined` inside objects is written as null, so a handler
 * may leave an attribute unset and still send the full set of attributes Terraform expects.
 * bigint must fit in 64 bits; give larger numbers as decimal strings.
 */
export function encodeMsgpack(value: TfValue): Uint8Array {
  encoder ??= new Encoder({ useBigInt64: true, extensionCodec: unknownCodec, ignoreUndefined: false });
  return encoder.encode(value);
}

// --- JSON ----------------------------------------------------------------------------------

/** Decodes the JSON form (UpgradeResourceState's raw_state.json); numbers stay exact. */
export function decodeJson(bytes: Uint8Array | string): TfValue {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return parseExactJson(text);
}

// --- DynamicValue --------------------------------------------------------------------------

/** The wire message carrying a value: msgpack (preferred) or JSON. */
export interface DynamicValueBytes {
  msgpack?: Uint8Array | null;
  json?: Uint8Array | null;
}

/** Decodes whichever encoding is present; an absent or empty DynamicValue is null. */
export function decodeDynamicValue(value: DynamicValueBytes | null | undefined): TfValue {
  if (value?.msgpack && value.msgpack.length > 0) return decodeMsgpack(value.msgpack);
  if (value?.json && value.json.length > 0) return decodeJson(value.json);
  return null;
}

/** Responses always use msgpack: Terraform does not read JSON answers everywhere. */
export function encodeDynamicValue(value: TfValue): { msgpack: Uint8Array } {
  return { msgpack: encodeMsgpack(value) };
}
