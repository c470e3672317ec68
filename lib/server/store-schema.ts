/**
 * The store's SQLite schema as a list of migrations. `PRAGMA user_version` records how many have
 * run; opening a store runs the rest, each in its own transaction. Never edit a released
 * migration: append a new one.
 */
export interface Migration {
  /** The schema change. */
  readonly sql: string;
  /**
   * A change of the data that needs code (store.ts runs it after `sql`, in the same transaction):
   * `sealSecrets` seals every secret value stored in plain text by an earlier version (and the
   * store-wide ones), records the key check value, and then has the store file rewritten so that
   * no plain text is left in freed space.
   */
  readonly rewrite?: 'sealSecrets';
}

export const MIGRATIONS: readonly Migration[] = [
  // 1: the first schema.
  {
    sql: `
  -- Counters: the next package number per site code ('package-id:CM1') and the global revision
  -- that every write takes (it makes ETags unique even for a program deleted and created again).
  CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) STRICT;

  -- Settings of this store that must survive restarts (the idempotency fingerprint salt).
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- Every object of every kind. body is the object as stored, without its secrets.
  -- unique_key holds the kind's uniqueBy fields, so the database itself refuses a duplicate.
  CREATE TABLE objects (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    parent_id  TEXT,
    name       TEXT,
    version    TEXT,
    unique_key TEXT NOT NULL,
    body       TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
  ) STRICT, WITHOUT ROWID;
  CREATE UNIQUE INDEX objects_unique ON objects (kind, unique_key);
  CREATE INDEX objects_parent ON objects (kind, parent_id);

  -- Write-only values, one row per JSON pointer. A removed secret keeps its row with value NULL,
  -- so that setting it again later gives a higher version than the one a client may remember.
  CREATE TABLE secrets (
    kind      TEXT NOT NULL,
    object_id TEXT NOT NULL,
    pointer   TEXT NOT NULL,
    value     TEXT,
    version   INTEGER NOT NULL,
    PRIMARY KEY (kind, object_id, pointer)
  ) STRICT, WITHOUT ROWID;

  -- Who references what (rewritten on every write of the referrer): the 409 on delete (R2).
  CREATE TABLE refs (
    from_kind TEXT NOT NULL,
    from_id   TEXT NOT NULL,
    path      TEXT NOT NULL,
    to_kind   TEXT NOT NULL,
    to_id     TEXT NOT NULL,
    PRIMARY KEY (from_kind, from_id, path)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX refs_target ON refs (to_kind, to_id);

  -- The first answer to a POST with an Idempotency-Key, per token name.
  CREATE TABLE idempotency (
    actor       TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      INTEGER NOT NULL,
    headers     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (actor, key)
  ) STRICT, WITHOUT ROWID;

  -- The audit trail. before/after show secrets as { set, version } only.
  CREATE TABLE audit (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    kind   TEXT NOT NULL,
    id     TEXT NOT NULL,
    before TEXT,
    after  TEXT
  ) STRICT;
  `,
  },
  // 2: secrets sealed at rest (secret-cipher.ts). The column holds sealed text from here on; its
  // new name makes anything that still expects a plain value fail instead of reading ciphertext
  // as a password. The key check value goes into meta ('secret-key-check').
  {
    sql: `
  ALTER TABLE secrets RENAME COLUMN value TO sealed;

  -- Secrets of the store itself (the idempotency fingerprint salt, which was in meta), sealed
  -- like the objects' secrets.
  CREATE TABLE store_secrets (
    name   TEXT PRIMARY KEY,
    sealed TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  `,
    rewrite: 'sealSecrets',
  },
];
