/**
 * Bad input is a 4xx with a message that names the field, the value and the rule, never a 5xx,
 * and the server keeps serving. Non-ASCII text is accepted and comes back unchanged; what cannot
 * be taken exactly as sent (bytes that are not UTF-8) is refused, never rewritten.
 */
import assert from 'node:assert/strict';
import type { TSchema } from '@sinclair/typebox';
import { KIND_NAMES, KINDS } from '../../lib/model';
import { MAX_JSON_DEPTH } from '../../lib/server/json-body';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { packageBody, programBody, taskSequenceBody } from './fixtures';
import { call, create, type Answer } from './http';

let server: RunningServer;
beforeAll(async () => {
  // A small body limit keeps the oversize test cheap.
  server = await startServer({ args: ['--body-limit', '65536'] });
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  assert.equal((await call(server, 'GET', '/api/v1/health', { as: 'none' })).status, 200, 'the server still answers');
});

function assertError(answer: Answer, status: number, code: string, message: RegExp): void {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.json.error.code, code);
  assert.match(answer.json.error.message, message);
}

function detail(answer: Answer, path: string): { path: string; rule: string; message: string } {
  const found = answer.json.error.details.find((d: { path: string }) => d.path === path);
  assert.ok(found, `no detail at ${path}: ${answer.text}`);
  return found;
}

describe('bodies that are not JSON objects', () => {
  test('malformed JSON is 400 saying where it breaks', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { raw: '{"name": "x",', contentType: 'application/json' });
    assertError(answer, 400, 'malformedJson', /not valid JSON: .+/);
  });
  test('an empty JSON body is 400', async () => {
    assertError(await call(server, 'POST', '/api/v1/packages', { raw: '', contentType: 'application/json' }), 400, 'malformedJson', /empty/);
  });
  test('no body at all is 400', async () => {
    assertError(await call(server, 'POST', '/api/v1/packages'), 400, 'badRequest', /needs a JSON body/);
  });
  test('a __proto__ key is 400', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { raw: '{"name":"x","__proto__":{"admin":true}}', contentType: 'application/json' });
    assertError(answer, 400, 'malformedJson', /__proto__/);
  });
  test('a non-JSON content type is 415 naming it', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { raw: 'name=x', contentType: 'application/x-www-form-urlencoded' });
    assertError(answer, 415, 'unsupportedMediaType', /application\/x-www-form-urlencoded/);
    assertError(await call(server, 'POST', '/api/v1/packages', { raw: '{"name":"x"}', contentType: 'text/plain' }), 415, 'unsupportedMediaType', /text\/plain/);
  });
  test('a body over the limit is 413 naming the limit', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { body: packageBody('big', { description: 'x'.repeat(70_000) }) });
    assertError(answer, 413, 'payloadTooLarge', /65536 bytes/);
  });
  test('JSON that is not an object is 422', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { body: ['a list'] });
    assertError(answer, 422, 'validation', /expected object/);
    assert.equal(detail(answer, '').rule, 'type');
  });
});

/** How many packages the server holds: a refused write must leave it unchanged. */
async function packageCount(): Promise<number> {
  return (await call(server, 'GET', '/api/v1/packages')).json.items.length;
}

describe('bodies are taken exactly as sent, or refused', () => {
  const json = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const send = (raw: Buffer) => call(server, 'POST', '/api/v1/packages', { raw, contentType: 'application/json' });

  test('bytes that are not UTF-8 are 400 naming the offset of the first one; nothing is stored', async () => {
    const before = await packageCount();
    // "Café" written in Latin-1: 0xE9 at offset 12.
    const latin1 = await send(json('{"name":"Caf', [0xe9], '","version":"1","sourcePath":"\\\\\\\\srv01\\\\src"}'));
    assertError(latin1, 400, 'malformedJson', /not valid UTF-8: the byte at offset 12 /);
    // A real U+FFFD (EF BF BD) and other multi-byte text before the bad byte count as the bytes they are.
    const later = await send(json('{"name":"\uFFFD ☃ ', [0xc3, 0x28], '"}'));
    assertError(later, 400, 'malformedJson', /at offset 17 /);
    // An encoded surrogate half (CESU-8) and a sequence cut off at the end.
    assertError(await send(json('{"name":"', [0xed, 0xa0, 0x80], '"}')), 400, 'malformedJson', /at offset 9 /);
    assertError(await send(json('{"name":"x"}', [0xf0, 0x9f])), 400, 'malformedJson', /at offset 12 /);
    assert.equal(await packageCount(), before);
  });
  test('a U+FFFD that was sent is kept', async () => {
    const created = await create(server, '/api/v1/packages', packageBody('replacement', { description: 'before \uFFFD after' }));
    assert.equal(created.description, 'before \uFFFD after');
  });
  test(`objects and arrays nested deeper than ${MAX_JSON_DEPTH} levels are 400 naming the limit`, async () => {
    const before = await packageCount();
    const deep = await send(Buffer.from(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`));
    assertError(deep, 400, 'malformedJson', new RegExp(`more than ${MAX_JSON_DEPTH} levels deep \\(at byte ${5 * MAX_JSON_DEPTH}\\)`));
    assert.doesNotMatch(deep.json.error.message, /call stack/);
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    // At the limit the body is parsed (and then refused for what it is); one level more is not.
    const atLimit = await send(Buffer.from(`{"name":"x","description":${nested(MAX_JSON_DEPTH - 1)}}`));
    assertError(atLimit, 422, 'validation', /\/description/);
    assertError(await send(Buffer.from(`{"name":"x","description":${nested(MAX_JSON_DEPTH)}}`)), 400, 'malformedJson', /levels deep/);
    assert.equal(await packageCount(), before);
    // Brackets inside strings are text, not nesting.
    const brackets = await create(server, '/api/v1/packages', packageBody('brackets', { description: `${'[{'.repeat(50)} \\" ]` }));
    assert.equal(brackets.description, `${'[{'.repeat(50)} \\" ]`);
  });
  test('the depth limit is well above the deepest object the model allows', () => {
    const depth = (schema: TSchema): number => {
      // A secret's place may hold the { set, version } status object instead of the value.
      if (schema.writeOnly) return 1;
      const children: TSchema[] = [
        ...Object.values((schema.properties ?? {}) as Record<string, TSchema>),
        ...(schema.items ? [schema.items as TSchema] : []),
        ...((schema.anyOf ?? []) as TSchema[]),
      ];
      const own = schema.type === 'object' || schema.type === 'array' ? 1 : 0;
      return own + Math.max(0, ...children.map(depth));
    };
    const deepest = Math.max(...KIND_NAMES.map((k) => depth(KINDS[k].schema)));
    assert.ok(deepest >= 5, `the model's deepest object has ${deepest} levels`);
    assert.ok(MAX_JSON_DEPTH >= 4 * deepest, `limit ${MAX_JSON_DEPTH}, deepest legal object ${deepest}`);
  });
});

describe('objects that break the schema are 422 naming the field, the value and the rule', () => {
  test('wrong types', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { body: packageBody('types', { version: 3, description: false }) });
    assertError(answer, 422, 'validation', /\/version/);
    assert.deepEqual([detail(answer, '/version').rule, detail(answer, '/description').rule], ['type', 'type']);
    assert.match(detail(answer, '/version').message, /\/version has the value 3/);
  });
  test('unknown fields', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { body: packageBody('unknown', { colour: 'blue' }) });
    assertError(answer, 422, 'validation', /\/colour/);
    assert.equal(detail(answer, '/colour').rule, 'unknownField');
  });
  test('a missing required field', async () => {
    const answer = await call(server, 'POST', '/api/v1/os-images', { body: { name: 'No source' } });
    assert.equal(detail(answer, '/sourcePath').rule, 'required');
  });
  test('a name of 50 characters is accepted; 51 is refused naming the field and the length', async () => {
    const fifty = 'N'.repeat(50);
    const ok = await call(server, 'POST', '/api/v1/packages', { body: packageBody('x', { name: fifty }) });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.json.name, fifty);
    const tooLong = await call(server, 'POST', '/api/v1/packages', { body: packageBody('x', { name: 'N'.repeat(51) }) });
    assertError(tooLong, 422, 'validation', /\/name is 51 characters long/);
    assert.equal(detail(tooLong, '/name').rule, 'maxLength');
    assert.match(detail(tooLong, '/name').message, /NNNN.*at most 50/);
  });
  test('a command line over 255 bytes (counted in UTF-8) is refused', async () => {
    const pkg = await create(server, '/api/v1/packages', packageBody('bytes'));
    const answer = await call(server, 'POST', `/api/v1/packages/${pkg.id}/programs`, { body: programBody('Bytes', { commandLine: 'é'.repeat(128) }) });
    assert.equal(detail(answer, '/commandLine').rule, 'maxBytes');
    assert.match(detail(answer, '/commandLine').message, /256 bytes/);
  });
  test('a program whose body names another package than its URL', async () => {
    const pkg = await create(server, '/api/v1/packages', packageBody('url-mismatch'));
    const answer = await call(server, 'POST', `/api/v1/packages/${pkg.id}/programs`, { body: programBody('P', { packageId: 'CM1FFFFF' }) });
    assertError(answer, 422, 'validation', /CM1FFFFF/);
    assert.equal(detail(answer, '/packageId').rule, 'url');
  });
});

describe('queries, headers and paths', () => {
  test('an unknown query parameter is 400 naming it', async () => {
    assertError(await call(server, 'GET', '/api/v1/packages?colour=blue'), 400, 'badRequest', /"colour"/);
  });
  test('a bad audit page is 400 naming the parameter and the value', async () => {
    assertError(await call(server, 'GET', '/api/v1/audit?limit=0'), 400, 'badRequest', /"limit" is "0"/);
    assertError(await call(server, 'GET', '/api/v1/audit?after=-1'), 400, 'badRequest', /"after" is "-1"/);
  });
  test('an unknown object is 404 naming it; an unknown route is 404', async () => {
    assertError(await call(server, 'GET', '/api/v1/packages/CM1FFFFF'), 404, 'notFound', /package CM1FFFFF does not exist/);
    assertError(await call(server, 'GET', '/api/v1/packages/CM1FFFFF/programs'), 404, 'notFound', /package CM1FFFFF does not exist/);
    assertError(await call(server, 'GET', '/api/v1/nothing-here'), 404, 'notFound', /nothing-here/);
    assertError(await call(server, 'PUT', '/api/v1/packages/CM1FFFFF', { body: packageBody('ghost') }), 404, 'notFound', /CM1FFFFF/);
    assertError(await call(server, 'DELETE', '/api/v1/packages/CM1FFFFF'), 404, 'notFound', /CM1FFFFF/);
  });
  test('a method a path does not support is 405 with Allow listing those it does; an unknown path stays 404', async () => {
    const pkg = await create(server, '/api/v1/packages', packageBody('methods'));
    const item = `/api/v1/packages/${pkg.id}`;
    const cases: [string, string, string][] = [
      ['PATCH', item, 'GET, HEAD, PUT, DELETE'],
      ['POST', item, 'GET, HEAD, PUT, DELETE'],
      ['PATCH', '/api/v1/packages', 'GET, HEAD, POST'],
      ['DELETE', '/api/v1/packages', 'GET, HEAD, POST'],
      ['PUT', `${item}/programs`, 'GET, HEAD, POST'],
      ['PATCH', `${item}/programs/Install`, 'GET, HEAD, PUT, DELETE'],
      ['DELETE', '/api/v1/site', 'GET, HEAD'],
      ['POST', '/api/v1/audit', 'GET, HEAD'],
      ['OPTIONS', '/api/v1/task-sequences/CM1FFFFF', 'GET, HEAD, PUT, DELETE'],
      ['PROPFIND', '/api/v1/os-images', 'GET, HEAD, POST'],
      ['PATCH', '/api/v1/health', 'GET, HEAD'],
    ];
    for (const [method, url, allow] of cases) {
      const answer = await call(server, method, url);
      assertError(answer, 405, 'methodNotAllowed', new RegExp(`^${method} is not supported on ${url.replace(/[/]/g, '\\/')}; it takes ${allow}$`));
      assert.equal(answer.headers.get('allow'), allow, `${method} ${url}`);
    }
    // Whatever the body: a JSON merge patch is refused for its method, not for its content type, and changes nothing.
    const patch = await call(server, 'PATCH', item, { raw: '{"description":"patched"}', contentType: 'application/merge-patch+json' });
    assertError(patch, 405, 'methodNotAllowed', /PATCH/);
    assert.equal((await call(server, 'GET', item)).json.description, pkg.description);
    assertError(await call(server, 'PATCH', '/api/v1/nothing-here'), 404, 'notFound', /nothing-here/);
    assertError(await call(server, 'PATCH', '/api/v1/packages/CM1FFFFF/extra'), 404, 'notFound', /extra/);
    // The token is still checked first.
    assert.equal((await call(server, 'PATCH', item, { as: 'none' })).status, 401);
  });
  test('an Idempotency-Key that is too long is 400', async () => {
    const answer = await call(server, 'POST', '/api/v1/packages', { body: packageBody('long-key'), headers: { 'idempotency-key': 'k'.repeat(256) } });
    assertError(answer, 400, 'badRequest', /Idempotency-Key/);
  });
});

describe('secrets with control characters', () => {
  const JOIN_AT = '/steps/0/applyNetworkSettings/joinPassword';
  const joinStep = (joinPassword: string) => [{ name: 'Join', applyNetworkSettings: { joinType: 'domain', domain: 'corp.example', joinAccount: 'CORP\\join', joinPassword } }];
  const taskSequenceCount = async () => (await call(server, 'GET', '/api/v1/task-sequences')).json.items.length;

  test('are 422 naming the field and the rule, never the value; nothing is stored', async () => {
    const before = await taskSequenceCount();
    for (const [what, value] of [['a tab', 'Tab\tSecret1'], ['a line break', 'Line\nSecret2'], ['NUL', 'Nul\u0000Secret3'], ['DEL', 'Del\u007fSecret4']]) {
      const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody(`control-${what}`, joinStep(value)) });
      assertError(answer, 422, 'validation', new RegExp(JOIN_AT));
      assert.equal(detail(answer, JOIN_AT).rule, 'pattern', what);
      assert.match(detail(answer, JOIN_AT).message, /No control characters/);
      assert.ok(!answer.text.includes(value.slice(0, 3)) && !answer.text.includes(value.slice(4)), `${what}: ${answer.text}`);
    }
    assert.equal(await taskSequenceCount(), before);
  });
  test('printable text outside ASCII is a valid secret', async () => {
    const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: taskSequenceBody('printable-secret', joinStep('Pässwörd-€-日本')) });
    assert.equal(answer.status, 201, answer.text);
  });
});

describe('non-ASCII text', () => {
  test('names, descriptions and program names round-trip unchanged', async () => {
    const name = 'Büro-Paket 日本語 ☃ 🚀';
    const pkg = await create(server, '/api/v1/packages', packageBody('utf', { name, manufacturer: 'Société Générale', description: 'Zürich — Ελληνικά' }));
    const read = await call(server, 'GET', `/api/v1/packages/${pkg.id}`);
    assert.equal(read.json.name, name);
    assert.equal(read.json.manufacturer, 'Société Générale');
    assert.equal(read.json.description, 'Zürich — Ελληνικά');
    const listed = await call(server, 'GET', `/api/v1/packages?name=${encodeURIComponent(name)}`);
    assert.deepEqual(listed.json.items.map((p: { id: string }) => p.id), [pkg.id]);

    const programName = 'Installer für Ärzte';
    const created = await call(server, 'POST', `/api/v1/packages/${pkg.id}/programs`, { body: programBody(programName) });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.headers.get('location'), `/api/v1/packages/${pkg.id}/programs/${encodeURIComponent(programName)}`);
    const program = await call(server, 'GET', created.headers.get('location')!);
    assert.equal(program.json.name, programName);
  });
  test('a warning about a non-ASCII value travels in the Osd-Warnings header and decodes to the same text', async () => {
    const client = await create(server, '/api/v1/packages', packageBody('utf-client', { role: 'client' }));
    const step = { name: 'Setup', setupWindowsAndConfigMgr: { clientPackageId: client.id, installationProperties: 'SMSSITECODE=CM1 ÜBERFLAG=1' } };
    const answer = await call(server, 'POST', '/api/v1/task-sequences', { body: { name: 'Warned ☃', steps: [step] } });
    assert.equal(answer.status, 201, answer.text);
    const warnings = JSON.parse(answer.headers.get('osd-warnings')!) as { path: string; rule: string; message: string }[];
    assert.deepEqual(warnings.map((w) => [w.path, w.rule]), [['/steps/0/setupWindowsAndConfigMgr/installationProperties', 'R3']]);
    assert.match(warnings[0].message, /"ÜBERFLAG"/);
  });
});
