/**
 * Sealing secret values for storage: AES-256-GCM (node:crypto) under a key kept outside the
 * store. Every value gets a fresh random 96-bit nonce, and the place it belongs to (kind, object
 * ID, JSON pointer) is the additional authenticated data: a sealed value copied to another row,
 * another object or another field does not open, any more than a value changed by one bit.
 *
 * Nothing here knows SQLite: every store (the embedded one, a PostgreSQL one) seals the same way,
 * so a value sealed by one can be opened by the other with the same key.
 *
 * Sealed form (text, so that it fits any store's text column): `v1:` + base64 of
 * nonce (12 bytes) ‖ ciphertext ‖ authentication tag (16 bytes).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export const SECRET_KEY_BYTES = 32;
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1:';
/** What the key check value is computed over; changing it would make every store look sealed with another key. */
const KEY_CHECK_LABEL = 'cdk-osd secret key check v1';

/** Where a sealed value belongs. Store-wide secrets use a `kind` of their own (e.g. `store`). */
export interface SecretPlace {
  readonly kind: string;
  readonly objectId: string;
  readonly pointer: string;
}

/** A sealed value that does not open: another key, another place, or changed bytes. */
export class SecretOpenError extends Error {}

export class SecretCipher {
  private readonly key: Buffer;
  /**
   * HMAC-SHA256 of a fixed label under the key: a store keeps it to tell, at open, whether it is
   * given the key its values were sealed with. It reveals nothing about the key.
   */
  readonly keyCheck: string;

  constructor(key: Buffer) {
    if (key.length !== SECRET_KEY_BYTES) throw new RangeError(`a secret key is ${SECRET_KEY_BYTES} bytes; this one is ${key.length}`);
    this.key = Buffer.from(key);
    this.keyCheck = createHmac('sha256', this.key).update(KEY_CHECK_LABEL).digest('hex');
  }

  /** A random key (what a new key file holds). */
  static generateKey(): Buffer {
    return randomBytes(SECRET_KEY_BYTES);
  }

  /** A short, safe-to-show name of the key: the start of its check value. */
  get keyName(): string {
    return keyNameOf(this.keyCheck);
  }

  seal(plaintext: string, place: SecretPlace): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(place));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return FORMAT + Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]).toString('base64');
  }

  open(sealed: string, place: SecretPlace): string {
    const where = `the secret at ${place.pointer || '/'} of ${place.kind} ${place.objectId}`;
    if (!sealed.startsWith(FORMAT)) throw new SecretOpenError(`${where} is not a sealed value (it does not start with ${JSON.stringify(FORMAT)})`);
    const bytes = Buffer.from(sealed.slice(FORMAT.length), 'base64');
    if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SecretOpenError(`${where} is too short to be a sealed value`);
    const decipher = createDecipheriv(ALGORITHM, this.key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(place));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretOpenError(`${where} does not open with key ${this.keyName}: it was sealed with another key, for another place, or changed`);
    }
  }
}

/** The short name of the key a check value belongs to (see `SecretCipher.keyName`). */
export function keyNameOf(keyCheck: string): string {
  return keyCheck.slice(0, 12);
}

/**
 * Reads a key written as base64 (standard or URL-safe alphabet, padding optional, surrounding
 * white space ignored). Returns the key, or what is wrong with the text, never quoting it.
 */
export function decodeSecretKey(text: string): { key: Buffer } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'it is empty' };
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return { problem: `it is not base64 (${trimmed.length} characters, not all of them base64 letters)` };
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== SECRET_KEY_BYTES) return { problem: `it decodes to ${key.length} bytes, not ${SECRET_KEY_BYTES}` };
  return { key };
}

/** Unambiguous text of a place (a JSON array), so that no two places share their associated data. */
function associatedData(place: SecretPlace): Buffer {
  return Buffer.from(JSON.stringify(['osd-secret', place.kind, place.objectId, place.pointer]), 'utf8');
}
