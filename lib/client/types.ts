/**
 * The client's types: which object type each kind name stands for, the shapes an object has when
 * written and when read back (secrets differ), and what every call returns. Type-only: nothing
 * here exists at run time, so importing it costs nothing.
 */
import type {
  BootImage,
  DriverPackage,
  KindName,
  OsImage,
  OsInstallPackage,
  Package,
  Program,
  SecretStatusValue,
  Site,
  TaskSequence,
} from '../model';

/**
 * The object type of each kind: the only per-kind list in the client. Everything else (paths,
 * parent objects) is read from `KINDS` at run time; the check below fails to compile when a kind
 * is added to the model and not here.
 */
export interface KindTypes {
  package: Package;
  program: Program;
  osImage: OsImage;
  osInstallPackage: OsInstallPackage;
  bootImage: BootImage;
  driverPackage: DriverPackage;
  taskSequence: TaskSequence;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time check that `KindTypes` has exactly the model's kinds. */
export type KindTypesCoverKinds = Assert<Same<keyof KindTypes, KindName>>;

/**
 * Fields that are secrets (schema `writeOnly`). TypeBox's static types do not carry `writeOnly`
 * (the model's `secret()` is typed as a plain `TString`), so the type level recognises secrets by
 * name; `test/client/types.test.ts` walks every schema and fails if a secret's name does not fit
 * this pattern or a non-secret string's does.
 */
export type SecretFieldName = `${string}Password` | 'productKey' | 'pin' | 'hiddenValue';

/** Fields the server sets (schema `readOnly`); present on every read. Checked against the schemas like secrets. */
export type ServerSetFieldName = 'id' | 'flags';

/** `T` with every secret string replaced by `S`, at any depth (steps, arrays). */
type MapSecrets<T, S> = T extends readonly (infer E)[]
  ? MapSecrets<E, S>[]
  : T extends object
    ? { [P in keyof T]: P extends SecretFieldName ? (NonNullable<T[P]> extends string ? S : MapSecrets<T[P], S>) : MapSecrets<T[P], S> }
    : T;

/** Server-set fields become required on read (a read always has the ID). */
type WithServerSet<T> = T extends object ? Omit<T, ServerSetFieldName & keyof T> & Required<Pick<T, ServerSetFieldName & keyof T>> : T;

/**
 * An object of kind `K` as the server returns it: secrets read as `{ set, version }`, the ID (and
 * a program's flags) always present. Distributes over a union of kinds, so code generic over
 * `KindName` gets the union of the read shapes.
 */
export type Stored<K extends KindName> = K extends KindName ? WithServerSet<MapSecrets<KindTypes[K], SecretStatusValue>> : never;

/**
 * An object of kind `K` as it may be written. A secret is a new value or the `{ set, version }` a
 * read returned (the server keeps the stored value then), so a read object can be written back
 * unchanged. Server-set fields may be sent and are ignored.
 */
export type Writable<K extends KindName> = K extends KindName ? MapSecrets<KindTypes[K], string | SecretStatusValue> : never;

/** A finding that refuses nothing (a warning such as R4), from the `Osd-Warnings` header. */
export interface OsdWarning {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

/** What every successful call returns. */
export interface OsdResult<T> {
  readonly value: T;
  /** The strong, quoted ETag to send back as If-Match; undefined when the answer has none (lists). */
  readonly etag: string | undefined;
  /** Advice the server gave about this write or read; empty when none. */
  readonly warnings: readonly OsdWarning[];
  /** The server's request ID when it sends one, for matching a call with the server's log. */
  readonly requestId: string | undefined;
  /** Requests sent for this call (more than 1 when it was retried). */
  readonly attempts: number;
}

/** What a successful delete returns. */
export interface OsdDeleteResult extends Omit<OsdResult<undefined>, 'etag'> {
  /**
   * True when the final answer was a 404 to a retry after an attempt whose response was lost: the
   * lost attempt deleted the object. (A 404 on a first attempt is thrown as `OsdNotFoundError`.)
   */
  readonly deletedByEarlierAttempt: boolean;
}

/** What a successful update returns. */
export interface OsdUpdateResult<T> extends OsdResult<T> {
  /**
   * True when a retry got 412 because an earlier attempt, whose response was lost, had already
   * written the object; the client then read it back and found exactly what it sent.
   */
  readonly confirmedByRead: boolean;
}

/** The `?name=&version=` filters of a list, plus the parent's ID for kinds that live under one (programs). */
export type ListFilter<K extends KindName> = K extends KindName
  ? { readonly name?: string; readonly version?: string } & (KindTypes[K] extends { packageId: string } ? { readonly packageId: string } : {})
  : never;

/** Options every call takes. */
export interface CallOptions {
  /** Aborts the call, including any wait between retries; the call then throws `OsdNetworkError` with code `ABORTED`. */
  readonly signal?: AbortSignal;
  /**
   * Once aborted, the call makes no further attempt: a wait between retries ends at once and the
   * call fails with the last attempt's error. Unlike `signal`, it never cuts off a request already
   * sent, so a write whose answer is on its way (a created object's ID) is not lost.
   */
  readonly stopRetrying?: AbortSignal;
  /** Overrides the client's `maxRetries` for this call (0: a single attempt, e.g. a health probe). */
  readonly maxRetries?: number;
  /** Overrides the client's `retryBudgetMs` for this call. */
  readonly retryBudgetMs?: number;
}

export interface CreateOptions extends CallOptions {
  /**
   * Idempotency-Key of the create. Default: a fresh random UUID per call, reused by every retry of
   * that call, so a retry after a lost response never makes a second object. Pass your own to make
   * a create idempotent across calls (e.g. across process restarts).
   */
  readonly idempotencyKey?: string;
  /**
   * When the server refuses the create as a duplicate (409: an object of the kind already has its
   * unique fields, e.g. name + version), take that object as the result if it holds exactly what
   * was sent (secrets excepted: they cannot be read back). This is how a create whose answer was
   * lost with a crashed server or client is finished by a later run, without a second object.
   * Default: false (the 409 is thrown).
   */
  readonly adoptIdentical?: boolean;
}

/** What a successful create returns. */
export interface OsdCreateResult<T> extends OsdResult<T> {
  /** True when the object was already on the server with exactly this content (`adoptIdentical`), and nothing was created. */
  readonly adopted: boolean;
}

export interface WriteOptions extends CallOptions {
  /** The ETag last read, sent as If-Match: the write fails with `OsdPreconditionFailedError` (412) if the object changed since. */
  readonly etag?: string;
}

/** An entry of the audit trail: who changed what, when, with the object before and after. */
export interface AuditEntry {
  readonly seq: number;
  /** ISO-8601 time of the change. */
  readonly at: string;
  /** Who made the change (the token's name). */
  readonly actor: string;
  readonly action: string;
  readonly kind: KindName;
  readonly id: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditQuery {
  /** Only entries with a greater sequence number. */
  readonly after?: number;
  /** At most this many entries. */
  readonly limit?: number;
}

export interface Health {
  readonly status: string;
}

export type { Site, KindName, SecretStatusValue };
