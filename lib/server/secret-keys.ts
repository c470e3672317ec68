/**
 * The keys that seal the store's secrets, from the configuration: the current key (a file, the
 * environment, or by default `<data-dir>/secret-key`, created 0600 on first start) and, during a
 * key change, the previous one. Also which of them a store was sealed with, decided from the key
 * check value the store keeps; the same for every kind of store.
 *
 * Messages name the flag, variable or file a key came from and its short name (the start of its
 * check value), never the key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, type SecretKeySource, type ServerConfig } from './config';
import { ensurePrivateDir, restrictToOwner, writePrivateFile } from './private-files';
import { decodeSecretKey, keyNameOf, SecretCipher } from './secret-cipher';

export const DEFAULT_SECRET_KEY_FILE = 'secret-key';

/** A cipher and, for messages, where its key came from (`--secret-key-file /etc/osd/key`). */
export interface NamedCipher {
  readonly cipher: SecretCipher;
  readonly from: string;
}

export interface SecretKeys {
  readonly current: NamedCipher;
  readonly previous?: NamedCipher;
  /**
   * The default key file, when this start created it. A store that turns out to be sealed with
   * another key does not keep it: the server removes it again (and `sealedWith` says so).
   */
  readonly createdFile?: string;
}

/** The store was sealed with neither of the keys given. */
export class SecretKeyMismatch extends Error {}

export function loadSecretKeys(config: Pick<ServerConfig, 'dataDir' | 'secretKey' | 'previousSecretKey'>): SecretKeys {
  const previous = config.previousSecretKey && fromSource(config.previousSecretKey);
  let current: NamedCipher;
  let createdFile: string | undefined;
  if (config.secretKey) {
    current = fromSource(config.secretKey);
  } else {
    const file = path.join(config.dataDir, DEFAULT_SECRET_KEY_FILE);
    if (!fs.existsSync(file)) {
      ensurePrivateDir(config.dataDir);
      writePrivateFile(file, `${SecretCipher.generateKey().toString('base64')}\n`);
      createdFile = file;
    } else {
      restrictToOwner(file);
    }
    current = { cipher: new SecretCipher(readKeyFile(file, `the key file ${file}`)), from: `the key file ${file}` };
  }
  if (previous && previous.cipher.keyCheck === current.cipher.keyCheck) {
    throw new ConfigError(`${previous.from} holds the same key as ${current.from}; to change keys, give the new key as the current one and the old one as the previous one`);
  }
  return { current, ...(previous ? { previous } : {}), ...(createdFile ? { createdFile } : {}) };
}

/**
 * Which key a store whose key check value is `storedCheck` was sealed with. Neither: a
 * `SecretKeyMismatch` saying what to do, so that a store is never read with the wrong key.
 */
export function sealedWith(storedCheck: string, keys: SecretKeys, store: string): 'current' | 'previous' {
  if (storedCheck === keys.current.cipher.keyCheck) return 'current';
  if (keys.previous && storedCheck === keys.previous.cipher.keyCheck) return 'previous';
  const given = [keys.current, ...(keys.previous ? [keys.previous] : [])].map((k) => `${k.cipher.keyName} from ${k.from}`).join(', nor ');
  const created = keys.createdFile ? ` (${keys.createdFile} did not exist, so a new key was made for this start, and is removed again)` : '';
  throw new SecretKeyMismatch(
    `the secrets in ${store} are sealed with key ${keyNameOf(storedCheck)}, not with ${given}${created}; ` +
      'start with the key the store was sealed with (--secret-key-file PATH or OSD_SECRET_KEY), ' +
      'or, to change keys, give it as --previous-secret-key-file (OSD_PREVIOUS_SECRET_KEY) beside the new one',
  );
}

function fromSource(source: SecretKeySource): NamedCipher {
  if ('key' in source) return { cipher: new SecretCipher(source.key), from: source.source };
  const from = `${source.source} ${source.file}`;
  return { cipher: new SecretCipher(readKeyFile(source.file, from)), from };
}

function readKeyFile(file: string, from: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'it is not readable by this user' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new ConfigError(`${from}: cannot read the key: ${why}`);
  }
  const decoded = decodeSecretKey(text);
  if ('problem' in decoded) {
    throw new ConfigError(`${from} does not hold a key: ${decoded.problem}; expected one line of base64 of 32 random bytes (e.g. from \`openssl rand -base64 32\`)`);
  }
  return decoded.key;
}
