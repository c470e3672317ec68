/**
 * Every route × {no token, reader, admin}: 401 without a (known) token, 403 for a reader that
 * writes, allowed otherwise; /health needs no token.
 */
import assert from 'node:assert/strict';
import { KINDS, type KindName } from '../../lib/model';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { STANDALONE_BODIES, programBody } from './fixtures';
import { call, create, type Who } from './http';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const WHO: readonly Who[] = ['none', 'reader', 'admin'];

/** What each caller gets: `none` → 401, a reader → `reader`, an admin → `admin`. */
async function expectAccess(method: string, path: string, expected: { none: number; reader: number; admin: number }, body?: () => unknown) {
  for (const who of WHO) {
    const answer = await call(server, method, path, { as: who, body: body?.() });
    assert.equal(answer.status, expected[who], `${method} ${path} as ${who}: ${answer.text}`);
    if (answer.status >= 400) {
      assert.equal(typeof answer.json?.error?.code, 'string', `${method} ${path} as ${who}: error envelope`);
      assert.ok(Array.isArray(answer.json.error.details));
    }
  }
}

describe('routes that are not objects', () => {
  test('health needs no token', async () => {
    await expectAccess('GET', '/api/v1/health', { none: 200, reader: 200, admin: 200 });
  });
  for (const path of ['/api/v1/site', '/api/v1/audit', '/api/v1/openapi.json']) {
    test(`GET ${path}`, async () => {
      await expectAccess('GET', path, { none: 401, reader: 200, admin: 200 });
    });
  }
  test('an unknown token is 401, and the answer says how to authenticate', async () => {
    const answer = await fetch(`${server.url}/api/v1/site`, { headers: { authorization: 'Bearer not-a-token' } });
    assert.equal(answer.status, 401);
    assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.match(((await answer.json()) as { error: { message: string } }).error.message, /not known/);
  });
  test('a malformed Authorization header is 401', async () => {
    const answer = await fetch(`${server.url}/api/v1/site`, { headers: { authorization: `Basic ${server.adminToken}` } });
    assert.equal(answer.status, 401);
  });
});

describe('object routes of every kind', () => {
  let counter = 0;
  const tag = () => `auth-${++counter}`;
  const kinds = Object.keys(KINDS) as KindName[];

  for (const kind of kinds) {
    test(`${kind}: list, create, read, replace, delete`, async () => {
      let collection: string;
      let makeBody: () => Record<string, unknown>;
      if (kind === 'program') {
        const pkg = await create(server, '/api/v1/packages', STANDALONE_BODIES.package(tag()));
        collection = `/api/v1/packages/${pkg.id}/programs`;
        makeBody = () => programBody(tag());
      } else {
        collection = `/api/v1/${KINDS[kind].collection}`;
        const standalone = STANDALONE_BODIES[kind];
        makeBody = () => standalone(tag());
      }
      const itemOf = (obj: Record<string, unknown>) => (kind === 'program' ? `${collection}/${encodeURIComponent(String(obj.name))}` : `${collection}/${obj.id}`);

      await expectAccess('GET', collection, { none: 401, reader: 200, admin: 200 });
      await expectAccess('POST', collection, { none: 401, reader: 403, admin: 201 }, makeBody);

      const target = await create(server, collection, makeBody());
      const item = itemOf(target);
      await expectAccess('GET', item, { none: 401, reader: 200, admin: 200 });
      const { id: _readOnly, ...replacement } = target;
      await expectAccess('PUT', item, { none: 401, reader: 403, admin: 200 }, () => replacement);
      await expectAccess('DELETE', item, { none: 401, reader: 403, admin: 204 });
      assert.equal((await call(server, 'GET', item)).status, 404, 'deleted by the admin');
    });
  }
});
