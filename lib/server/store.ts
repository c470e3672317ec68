/**
 * The durable store: one SQLite file (better-sqlite3) in the data directory.
 *
 * - WAL journal with `synchronous = FULL`: a commit returns only after the WAL is on disk, so an
 *   acknowledged write survives a `kill -9` and a power cut. (Measured on the development machine:
 *   ~6,000 single-row commits/s with FULL, far above the 500 writes/s goal, so there is no reason
 *   to take NORMAL's weaker promise.)
 * - Every method is synchronous, and a write runs inside `transaction()`: nothing else runs on the
 *   event loop in between, so a check-then-write (If-Match, uniqueness, references) cannot race.
 * - The store knows rows, not rules: validation, secrets and audit content are decided by the
 *   caller (objects.ts) from the resource model.
 * - Secret values are sealed (secret-cipher.ts) under a key kept outside the store, each bound to
 *   its kind, object and JSON pointer; the store checks at open that it is given the key its
 *   values were sealed with. Freed pages are zeroed (`secure_delete`), and the directory and the
 *   files (database, WAL, shared memory) are the owner's alone.
 */
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { pointer, type KindName, type Lookup } from '../model';
import { ensurePrivateDir, ensurePrivateFile, restrictToOwner } from './private-files';
import type { SecretCipher, SecretPlace } from './secret-cipher';
import { sealedWith, type SecretKeys } from './secret-keys';
import { MIGRATIONS, type Migration } from './store-schema';

export interface StoredObject {
  readonly kind: KindName;
  readonly id: string;
  readonly parentId: string | null;
  /** The object as stored: defaults applied, secrets removed. */
  readonly body: Record<string, unknown>;
  /** Global write counter at this object's last write; the ETag is made from it. */
  readonly revision: number;
}

export interface ObjectRow {
  readonly kind: KindName;
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string | null;
  readonly version: string | null;
  readonly uniqueKey: string;
  readonly body: Record<string, unknown>;
  readonly revision: number;
}

/** A secret at one JSON pointer of an object; `value` null means it was removed (its version is kept). */
export interface StoredSecret {
  readonly pointer: string;
  readonly value: string | null;
  readonly version: number;
}

export interface Referrer {
  readonly kind: KindName;
  readonly id: string;
  readonly path: string;
  readonly name: string | null;
  readonly parentId: string | null;
}

export interface StoredResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface IdempotencyRecord extends StoredResponse {
  readonly fingerprint: string;
}

export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: 'create' | 'update' | 'delete';
  readonly kind: KindName;
  readonly id: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ObjectFilter {
  readonly parentId?: string;
  readonly name?: string;
  readonly version?: string;
}

interface SecretDbRow {
  pointer: string;
  sealed: string | null;
  version: number;
}

interface ObjectDbRow {
  kind: string;
  id: string;
  parent_id: string | null;
  name: string | null;
  version: string | null;
  unique_key: string;
  body: string;
  revision: number;
}

/** What opening the store did to its secrets, for the server to report. */
export interface SealingReport {
  /** Secrets an earlier version stored in plain text, sealed now (the file was rewritten). */
  readonly sealedPlainText?: number;
  /** Secrets moved from the previous key to the current one (the file was rewritten). */
  readonly resealed?: number;
  /** A previous key was given, but the store is sealed with the current one already. */
  readonly previousKeyUnused?: boolean;
}

export const DB_FILE = 'osd.sqlite';
/** SQLite's companions of the database file in WAL mode. */
const COMPANION_SUFFIXES = ['-wal', '-shm'];
const KEY_CHECK = 'secret-key-check';
/**
 * Set in the transaction that replaces plain text or values sealed with a previous key, cleared
 * once the file is rewritten: a server stopped in between rewrites it at its next start.
 */
const REWRITE_PENDING = 'file-rewrite-pending';

export class Store {
  private readonly db: Database.Database;
  private readonly stmt: Statements;
  private readonly listStatements = new Map<string, Database.Statement<Record<string, string>, ObjectDbRow>>();
  private readonly cipher: SecretCipher;
  readonly sealing: SealingReport;

  /**
   * Opens (creating if needed) the store in `dataDir`, brings its schema up to date, and checks
   * that `keys.current` (or, for a key change, `keys.previous`) is the key its secrets are sealed
   * with; throws `SecretKeyMismatch` when neither is.
   */
  constructor(
    readonly dataDir: string,
    keys: SecretKeys,
  ) {
    ensurePrivateDir(dataDir);
    const file = path.join(dataDir, DB_FILE);
    // SQLite gives the WAL and shared-memory files the database file's mode: a database file
    // made 0600 before SQLite opens it makes all three private.
    ensurePrivateFile(file);
    for (const suffix of COMPANION_SUFFIXES) restrictToOwner(file + suffix);
    this.cipher = keys.current.cipher;
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      // A deleted or overwritten row (a rotated password) is zeroed, not left in free space.
      this.db.pragma('secure_delete = ON');
      // Another process holding the file (a second server on the same data dir) waits, then fails clearly.
      this.db.pragma('busy_timeout = 5000');
      const sealedPlainText = migrate(this.db, { sealSecrets: () => sealPlainText(this.db, this.cipher) });
      const check = metaValue(this.db, KEY_CHECK);
      if (check === undefined) throw new Error(`the store ${file} has no key check value (meta '${KEY_CHECK}'); it was not written by this server`);
      let resealed: number | undefined;
      if (sealedWith(check, keys, file) === 'previous') resealed = reseal(this.db, keys.previous!.cipher, this.cipher);
      if (metaValue(this.db, REWRITE_PENDING) !== undefined) rewriteFile(this.db);
      this.sealing = {
        ...(sealedPlainText !== undefined ? { sealedPlainText } : {}),
        ...(resealed !== undefined ? { resealed } : {}),
        ...(keys.previous && resealed === undefined ? { previousKeyUnused: true } : {}),
      };
      this.stmt = prepareStatements(this.db);
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  /** Runs `fn` as one transaction (`BEGIN IMMEDIATE`): all of its writes commit together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  getObject(kind: KindName, id: string): StoredObject | undefined {
    const row = this.stmt.getObject.get(kind, id);
    return row && toStoredObject(row);
  }

  listObjects(kind: KindName, filter: ObjectFilter = {}): StoredObject[] {
    // Only columns are filtered on, and only by equality: the conditions are built from a fixed set.
    const where = ['kind = @kind'];
    if (filter.parentId !== undefined) where.push('parent_id = @parentId');
    if (filter.name !== undefined) where.push('name = @name');
    if (filter.version !== undefined) where.push('version = @version');
    const sql = `SELECT * FROM objects WHERE ${where.join(' AND ')} ORDER BY id`;
    let statement = this.listStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare<Record<string, string>, ObjectDbRow>(sql);
      this.listStatements.set(sql, statement);
    }
    return statement.all({ kind, ...filter }).map(toStoredObject);
  }

  /** The kind of the top-level object with ID `id` (package kinds share one ID space), if any. */
  kindOf(id: string): KindName | undefined {
    return this.stmt.kindOf.get(id)?.kind as KindName | undefined;
  }

  /** The ID of the object of `kind` whose uniqueBy fields are `uniqueKey`, if any. */
  findByUniqueKey(kind: KindName, uniqueKey: string): string | undefined {
    return this.stmt.findUnique.get(kind, uniqueKey)?.id;
  }

  insertObject(row: ObjectRow): void {
    this.stmt.insertObject.run(toDbParams(row));
  }

  updateObject(row: ObjectRow): void {
    this.stmt.updateObject.run(toDbParams(row));
  }

  /** Removes the object with its secrets and the references it makes. */
  deleteObject(kind: KindName, id: string): void {
    this.stmt.deleteObject.run(kind, id);
    this.stmt.deleteSecrets.run(kind, id);
    this.stmt.deleteRefs.run(kind, id);
  }

  /** The next value of a named counter, starting at 1. */
  nextCounter(name: string): number {
    return this.stmt.counter.get(name, 1)!.value;
  }

  /** The object's secrets, opened. A value that does not open (moved or changed in the file) throws `SecretOpenError`. */
  readSecrets(kind: KindName, id: string): StoredSecret[] {
    return this.stmt.readSecrets.all(kind, id).map((row) => ({
      pointer: row.pointer,
      value: row.sealed === null ? null : this.cipher.open(row.sealed, objectSecretPlace(kind, id, row.pointer)),
      version: row.version,
    }));
  }

  writeSecrets(kind: KindName, id: string, secrets: readonly StoredSecret[]): void {
    this.stmt.deleteSecrets.run(kind, id);
    for (const s of secrets) {
      const sealed = s.value === null ? null : this.cipher.seal(s.value, objectSecretPlace(kind, id, s.pointer));
      this.stmt.insertSecret.run(kind, id, s.pointer, sealed, s.version);
    }
  }

  /** Replaces what `kind`/`id` references. */
  writeReferences(kind: KindName, id: string, lookups: readonly Lookup[]): void {
    this.stmt.deleteRefs.run(kind, id);
    for (const l of lookups) this.stmt.insertRef.run(kind, id, pointer(...l.path), l.kind, l.id);
  }

  /** Every object that references `kind`/`id`, with where. */
  referrersOf(kind: KindName, id: string): Referrer[] {
    return this.stmt.referrers.all(kind, id).map((r) => ({ kind: r.kind as KindName, id: r.id, path: r.path, name: r.name, parentId: r.parent_id }));
  }

  getIdempotency(actor: string, key: string): IdempotencyRecord | undefined {
    const row = this.stmt.getIdempotency.get(actor, key);
    return row && { fingerprint: row.fingerprint, status: row.status, headers: JSON.parse(row.headers) as Record<string, string>, body: row.body };
  }

  putIdempotency(actor: string, key: string, record: IdempotencyRecord): void {
    this.stmt.putIdempotency.run(actor, key, record.fingerprint, record.status, JSON.stringify(record.headers), record.body, new Date().toISOString());
  }

  /** Forgets idempotency records created before `before`. */
  purgeIdempotency(before: Date): number {
    return this.stmt.purgeIdempotency.run(before.toISOString()).changes;
  }

  appendAudit(record: Omit<AuditRecord, 'seq'>): number {
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    return Number(this.stmt.appendAudit.run(record.at, record.actor, record.action, record.kind, record.id, json(record.before), json(record.after)).lastInsertRowid);
  }

  listAudit(after: number, limit: number): AuditRecord[] {
    return this.stmt.listAudit.all(after, limit).map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action as AuditRecord['action'],
      kind: r.kind as KindName,
      id: r.id,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    }));
  }

  /** A random value made once per store and kept sealed, like the objects' secrets (e.g. a salt). */
  persistentSecret(name: string): string {
    const found = this.stmt.getStoreSecret.get(name);
    if (found) return this.cipher.open(found.sealed, storeSecretPlace(name));
    const value = randomBytes(32).toString('hex');
    this.stmt.putStoreSecret.run(name, this.cipher.seal(value, storeSecretPlace(name)));
    return value;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Every statement the store runs, prepared once. */
function prepareStatements(db: Database.Database) {
  return {
    getObject: db.prepare<[string, string], ObjectDbRow>('SELECT * FROM objects WHERE kind = ? AND id = ?'),
    kindOf: db.prepare<[string], { kind: string }>('SELECT kind FROM objects WHERE id = ? AND parent_id IS NULL LIMIT 1'),
    findUnique: db.prepare<[string, string], { id: string }>('SELECT id FROM objects WHERE kind = ? AND unique_key = ?'),
    insertObject: db.prepare(
      'INSERT INTO objects (kind, id, parent_id, name, version, unique_key, body, revision) VALUES (@kind, @id, @parentId, @name, @version, @uniqueKey, @body, @revision)',
    ),
    updateObject: db.prepare(
      'UPDATE objects SET parent_id = @parentId, name = @name, version = @version, unique_key = @uniqueKey, body = @body, revision = @revision WHERE kind = @kind AND id = @id',
    ),
    deleteObject: db.prepare<[string, string]>('DELETE FROM objects WHERE kind = ? AND id = ?'),
    counter: db.prepare<[string, number], { value: number }>(
      'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
    ),
    readSecrets: db.prepare<[string, string], SecretDbRow>('SELECT pointer, sealed, version FROM secrets WHERE kind = ? AND object_id = ? ORDER BY pointer'),
    deleteSecrets: db.prepare<[string, string]>('DELETE FROM secrets WHERE kind = ? AND object_id = ?'),
    insertSecret: db.prepare('INSERT INTO secrets (kind, object_id, pointer, sealed, version) VALUES (?, ?, ?, ?, ?)'),
    deleteRefs: db.prepare<[string, string]>('DELETE FROM refs WHERE from_kind = ? AND from_id = ?'),
    insertRef: db.prepare('INSERT OR REPLACE INTO refs (from_kind, from_id, path, to_kind, to_id) VALUES (?, ?, ?, ?, ?)'),
    referrers: db.prepare<[string, string], { kind: string; id: string; path: string; name: string | null; parent_id: string | null }>(
      `SELECT r.from_kind AS kind, r.from_id AS id, r.path AS path, o.name AS name, o.parent_id AS parent_id
         FROM refs r LEFT JOIN objects o ON o.kind = r.from_kind AND o.id = r.from_id
        WHERE r.to_kind = ? AND r.to_id = ? ORDER BY r.from_kind, r.from_id, r.path`,
    ),
    getIdempotency: db.prepare<[string, string], { fingerprint: string; status: number; headers: string; body: string }>(
      'SELECT fingerprint, status, headers, body FROM idempotency WHERE actor = ? AND key = ?',
    ),
    putIdempotency: db.prepare('INSERT INTO idempotency (actor, key, fingerprint, status, headers, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    purgeIdempotency: db.prepare<[string]>('DELETE FROM idempotency WHERE created_at < ?'),
    appendAudit: db.prepare<[string, string, string, string, string, string | null, string | null]>(
      'INSERT INTO audit (at, actor, action, kind, id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    listAudit: db.prepare<[number, number], { seq: number; at: string; actor: string; action: string; kind: string; id: string; before: string | null; after: string | null }>(
      'SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    getStoreSecret: db.prepare<[string], { sealed: string }>('SELECT sealed FROM store_secrets WHERE name = ?'),
    putStoreSecret: db.prepare('INSERT INTO store_secrets (name, sealed) VALUES (?, ?)'),
  };
}
type Statements = ReturnType<typeof prepareStatements>;

/**
 * Runs the migrations the store has not had yet. Returns how many secret values a `sealSecrets`
 * rewrite sealed in a store that existed before (undefined when none ran, or the store is new).
 */
function migrate(db: Database.Database, rewrites: Record<NonNullable<Migration['rewrite']>, () => number>): number | undefined {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the store's schema is version ${current}, newer than this server knows (${MIGRATIONS.length}); use a newer server`);
  }
  let sealed: number | undefined;
  for (let v = current; v < MIGRATIONS.length; v++) {
    const migration = MIGRATIONS[v];
    db.transaction(() => {
      db.exec(migration.sql);
      if (migration.rewrite) {
        const n = rewrites[migration.rewrite]();
        if (current > 0) sealed = n;
      }
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return sealed;
}

/** Where an object's secret belongs: what its sealed value is bound to. */
function objectSecretPlace(kind: string, id: string, pointer: string): SecretPlace {
  return { kind, objectId: id, pointer };
}

/** Where a store-wide secret belongs (no kind of the model is called `store`). */
function storeSecretPlace(name: string): SecretPlace {
  return { kind: 'store', objectId: name, pointer: '' };
}

/**
 * The `sealSecrets` rewrite: seals the values an earlier version stored in plain text, moves the
 * idempotency salt from meta into store_secrets, and records the key check value. Returns the
 * number of the objects' values sealed.
 */
function sealPlainText(db: Database.Database, cipher: SecretCipher): number {
  const sealed = rewriteObjectSecrets(db, (plainText, place) => cipher.seal(plainText, place));
  const salts = db.prepare<[], { key: string; value: string }>("SELECT key, value FROM meta WHERE key = 'idempotency-salt'").all();
  for (const s of salts) db.prepare('INSERT INTO store_secrets (name, sealed) VALUES (?, ?)').run(s.key, cipher.seal(s.value, storeSecretPlace(s.key)));
  db.prepare("DELETE FROM meta WHERE key = 'idempotency-salt'").run();
  setMeta(db, KEY_CHECK, cipher.keyCheck);
  if (sealed + salts.length > 0) setMeta(db, REWRITE_PENDING, 'plain text sealed');
  return sealed;
}

/** Opens every sealed value with `from` and seals it with `to`, in one transaction. Returns how many of the objects' values. */
function reseal(db: Database.Database, from: SecretCipher, to: SecretCipher): number {
  return db
    .transaction(() => {
      const again = (sealed: string, place: SecretPlace) => to.seal(from.open(sealed, place), place);
      const resealed = rewriteObjectSecrets(db, again);
      const own = db.prepare<[], { name: string; sealed: string }>('SELECT name, sealed FROM store_secrets').all();
      const update = db.prepare('UPDATE store_secrets SET sealed = ? WHERE name = ?');
      for (const s of own) update.run(again(s.sealed, storeSecretPlace(s.name)), s.name);
      setMeta(db, KEY_CHECK, to.keyCheck);
      setMeta(db, REWRITE_PENDING, 'sealed again with a new key');
      return resealed;
    })
    .immediate();
}

/** Replaces every stored value of the objects' secrets by what `rewrite` makes of it; returns how many. */
function rewriteObjectSecrets(db: Database.Database, rewrite: (stored: string, place: SecretPlace) => string): number {
  const rows = db.prepare<[], { kind: string; object_id: string; pointer: string; sealed: string }>(
    'SELECT kind, object_id, pointer, sealed FROM secrets WHERE sealed IS NOT NULL',
  ).all();
  const update = db.prepare('UPDATE secrets SET sealed = ? WHERE kind = ? AND object_id = ? AND pointer = ?');
  for (const r of rows) update.run(rewrite(r.sealed, objectSecretPlace(r.kind, r.object_id, r.pointer)), r.kind, r.object_id, r.pointer);
  return rows.length;
}

function metaValue(db: Database.Database, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
}

function setMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
}

/**
 * Rewrites the whole file (VACUUM) and empties the WAL, so that what a rewrite replaced (plain
 * text of an earlier version, values sealed with a previous key) is nowhere in the files: not in
 * free space that predates `secure_delete`, not in old WAL frames.
 */
function rewriteFile(db: Database.Database): void {
  db.exec('VACUUM');
  db.prepare('DELETE FROM meta WHERE key = ?').run(REWRITE_PENDING);
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function toStoredObject(row: ObjectDbRow): StoredObject {
  return { kind: row.kind as KindName, id: row.id, parentId: row.parent_id, body: JSON.parse(row.body) as Record<string, unknown>, revision: row.revision };
}

function toDbParams(row: ObjectRow) {
  return {
    kind: row.kind,
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    version: row.version,
    uniqueKey: row.uniqueKey,
    body: JSON.stringify(row.body),
    revision: row.revision,
  };
}
