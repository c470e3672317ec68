/**
 * The client's static types recognise secrets and server-set fields by name, because TypeBox's
 * static types do not carry `writeOnly`/`readOnly`. These tests walk every schema in `KINDS` and
 * fail when a name no longer tells the truth; the type assertions below fail `tsc` when the
 * inferred types drift.
 */
import assert from 'node:assert/strict';
import type { TSchema } from '@sinclair/typebox';
import { KINDS, KIND_NAMES } from '../../lib/model';
import type { OsdClient } from '../../lib/client';
import type { SecretStatusValue, Stored, Writable, ListArgs } from '../../lib/client';

const SECRET_NAME = /Password$|^productKey$|^pin$|^hiddenValue$/;
const SERVER_SET = new Set(['id', 'flags']);

interface Field {
  kind: string;
  path: string;
  key: string;
  schema: TSchema;
  depth: number;
}

function fields(kind: string, schema: TSchema, path = '', depth = 0, out: Field[] = []): Field[] {
  if (schema.type === 'object' && schema.properties) {
    for (const [key, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      out.push({ kind, path: `${path}/${key}`, key, schema: child, depth });
      fields(kind, child, `${path}/${key}`, depth + 1, out);
    }
  }
  if (schema.type === 'array' && schema.items) fields(kind, schema.items as TSchema, `${path}/*`, depth, out);
  for (const branch of (schema.anyOf ?? []) as TSchema[]) fields(kind, branch, path, depth, out);
  return out;
}

const all = KIND_NAMES.flatMap((k) => fields(k, KINDS[k].schema));

describe('type-level names match the schemas', () => {
  it('every secret (writeOnly) field is named like a secret', () => {
    const secrets = all.filter((f) => f.schema.writeOnly);
    assert.ok(secrets.length >= 5, 'the model has secrets');
    for (const f of secrets) assert.match(f.key, SECRET_NAME, `${f.kind}${f.path} is writeOnly`);
  });
  it('no other string field is named like a secret', () => {
    for (const f of all.filter((f) => !f.schema.writeOnly && f.schema.type === 'string')) {
      assert.doesNotMatch(f.key, SECRET_NAME, `${f.kind}${f.path} is not writeOnly but the client's types treat it as a secret`);
    }
  });
  it('server-set (readOnly) fields are id and flags, at the top level only', () => {
    for (const f of all.filter((f) => f.schema.readOnly)) {
      assert.ok(SERVER_SET.has(f.key) && f.depth === 0, `${f.kind}${f.path} is readOnly`);
    }
    for (const f of all.filter((f) => SERVER_SET.has(f.key) && f.depth === 0)) assert.ok(f.schema.readOnly, `${f.kind}${f.path} is not readOnly`);
  });
  it('kinds under a parent name it packageId (ListFilter relies on it)', () => {
    for (const k of KIND_NAMES) if (KINDS[k].parentField) assert.equal(KINDS[k].parentField, 'packageId', k);
  });
});

// ---- compile-time checks (never run; `tsc --noEmit` checks them) ----------------------------------
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type Step = Stored<'taskSequence'>['steps'][number];
type Capture = NonNullable<Step['captureOperatingSystemImage']>;
type WriteCapture = NonNullable<Writable<'taskSequence'>['steps'][number]['captureOperatingSystemImage']>;
export type TypeChecks = [
  Expect<Equal<Stored<'package'>['id'], string>>,
  Expect<Equal<Stored<'program'>['flags'], number>>,
  Expect<Equal<Capture['capturePassword'], SecretStatusValue>>,
  Expect<Equal<Capture['captureAccount'], string>>,
  Expect<Equal<WriteCapture['capturePassword'], string | SecretStatusValue>>,
  Expect<Equal<Stored<'program'>['packageId'], string>>,
];

export function compileOnly(client: OsdClient): void {
  void (async () => {
    const pkg = await client.get('package', 'CM100001');
    const role: 'software' | 'usmt' | 'client' | 'tools' | undefined = pkg.value.role;
    void role;
    await client.list('package');
    await client.list('program', { packageId: 'CM100001' });
    // @ts-expect-error programs are listed per package
    await client.list('program');
    // @ts-expect-error a package has no commandLine
    await client.create('package', { name: 'x', commandLine: 'y' });
    const read = await client.get('taskSequence', 'CM100002');
    // A read object can be written back unchanged (secrets as their status).
    await client.update('taskSequence', 'CM100002', read.value, { etag: read.etag });
    const kind = 'osImage' as Parameters<OsdClient['get']>[0];
    const any = await client.get(kind, 'CM100003');
    void any.value.id;
    const args: ListArgs<'program'> = [{ packageId: 'CM100001' }];
    void args;
  });
}
