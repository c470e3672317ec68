/**
 * Looking at a server's store the way someone who copied its files would: the database file and
 * its WAL and shared-memory companions as bytes, and the secret rows opened with a key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { decodeSecretKey, SecretCipher } from '../../lib/server/secret-cipher';
import { DEFAULT_SECRET_KEY_FILE } from '../../lib/server/secret-keys';
import { DB_FILE } from '../../lib/server/store';

/** The store's files that exist now: `osd.sqlite`, `osd.sqlite-wal`, `osd.sqlite-shm`. */
export function storeFiles(dataDir: string): string[] {
  return ['', '-wal', '-shm'].map((suffix) => path.join(dataDir, DB_FILE + suffix)).filter((f) => fs.existsSync(f));
}

/** The names of the store's files whose bytes contain `text` (UTF-8, as SQLite stores text). */
export function filesContaining(dataDir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return storeFiles(dataDir)
    .filter((f) => fs.readFileSync(f).includes(needle))
    .map((f) => path.basename(f));
}

/** The permission bits of a file or directory, as `0600`. */
export function modeOf(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8).padStart(4, '0');
}

/** The key in a key file (by default the one the server made in the data dir). */
export function keyIn(file: string): Buffer {
  const decoded = decodeSecretKey(fs.readFileSync(file, 'utf8'));
  if ('problem' in decoded) throw new Error(`${file}: ${decoded.problem}`);
  return decoded.key;
}

export function defaultKeyFile(dataDir: string): string {
  return path.join(dataDir, DEFAULT_SECRET_KEY_FILE);
}

export interface SecretRow {
  readonly pointer: string;
  readonly sealed: string | null;
  readonly version: number;
}

/** The secret rows of an object as stored (sealed). */
export function sealedSecrets(dataDir: string, kind: string, id: string): SecretRow[] {
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT pointer, sealed, version FROM secrets WHERE kind = ? AND object_id = ? ORDER BY pointer').all(kind, id) as SecretRow[];
    // Rows come from outside jest's sandbox (better-sqlite3): copy them in, so assert compares plain values.
    return Array.from(rows, (r) => ({ ...r }));
  } finally {
    db.close();
  }
}

/** The secret rows of an object with their values opened with `key` (default: the data dir's key file). */
export function openedSecrets(dataDir: string, kind: string, id: string, key: Buffer = keyIn(defaultKeyFile(dataDir))): { pointer: string; value: string | null; version: number }[] {
  const cipher = new SecretCipher(key);
  return sealedSecrets(dataDir, kind, id).map((r) => ({
    pointer: r.pointer,
    value: r.sealed === null ? null : cipher.open(r.sealed, { kind, objectId: id, pointer: r.pointer }),
    version: r.version,
  }));
}
