/**
 * The site follows the start-up flags (and decides R5's USMT versions and the ID prefix), and the
 * OpenAPI document is generated from the model.
 */
import assert from 'node:assert/strict';
import { KIND_NAMES, KINDS } from '../../lib/model';
import { startServer, type RunningServer } from '../../lib/server/launch';
import { packageBody, usmtPackageBody } from './fixtures';
import { call } from './http';

describe('a site started as XY7 on ConfigMgr 2007 SP1', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--site-code', 'XY7', '--site-name', 'Lab site', '--configmgr-version', '2007 SP1'] });
  });
  afterAll(async () => {
    await server.stop();
  });

  test('GET /site shows code, name, version and the USMT versions allowed', async () => {
    const site = await call(server, 'GET', '/api/v1/site', { as: 'reader' });
    assert.deepEqual(site.json, { siteCode: 'XY7', siteName: 'Lab site', configMgrVersion: '2007 SP1', allowedUsmtVersions: ['3.0'] });
  });

  test('package IDs are the site code and 5 hex digits, sequential across all package kinds', async () => {
    const a = await call(server, 'POST', '/api/v1/packages', { body: packageBody('ids-a') });
    const b = await call(server, 'POST', '/api/v1/os-images', { body: { name: 'Img', sourcePath: '\\\\srv\\img\\a.wim' } });
    const c = await call(server, 'POST', '/api/v1/packages', { body: packageBody('ids-c') });
    assert.deepEqual([a.json.id, b.json.id, c.json.id], ['XY700001', 'XY700002', 'XY700003']);
    assert.equal(a.headers.get('location'), '/api/v1/packages/XY700001');
  });

  test('R5: USMT 4.0 is refused on 2007 SP1, naming the version; 3.0 is accepted', async () => {
    const refused = await call(server, 'POST', '/api/v1/packages', { body: usmtPackageBody('usmt4', { usmtVersion: '4.0' }) });
    assert.equal(refused.status, 422, refused.text);
    const detail = refused.json.error.details[0];
    assert.deepEqual([detail.path, detail.rule], ['/usmt/usmtVersion', 'R5']);
    assert.match(detail.message, /"4\.0".*2007 SP1/);
    assert.equal((await call(server, 'POST', '/api/v1/packages', { body: usmtPackageBody('usmt3') })).status, 201);
  });
});

describe('GET /api/v1/openapi.json', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  test('describes every kind from the model: its schema, its paths, secrets write-only, id read-only', async () => {
    const answer = await call(server, 'GET', '/api/v1/openapi.json', { as: 'reader' });
    assert.equal(answer.status, 200);
    const doc = answer.json;
    assert.equal(doc.openapi, '3.1.0');
    for (const kind of KIND_NAMES) {
      const name = kind.charAt(0).toUpperCase() + kind.slice(1);
      const schema = doc.components.schemas[name];
      assert.ok(schema, `schema of ${kind}`);
      assert.deepEqual(Object.keys(schema.properties), Object.keys(KINDS[kind].schema.properties), `fields of ${kind}`);
      assert.ok(doc.paths[kind === 'program' ? '/api/v1/packages/{packageId}/programs' : `/api/v1/${KINDS[kind].collection}`], `paths of ${kind}`);
    }
    assert.equal(doc.components.schemas.Package.properties.id.readOnly, true);
    const network = doc.components.schemas.TaskSequence.properties.steps.items.properties.applyNetworkSettings;
    const joinPassword = network.properties.joinPassword;
    assert.equal(joinPassword.anyOf[0].writeOnly, true);
    assert.equal(joinPassword.anyOf[1].$ref, '#/components/schemas/SecretStatus');
    assert.equal(doc.paths['/api/v1/health'].get.security.length, 0);
    // The model's own keywords are marked as extensions, not passed off as JSON Schema.
    assert.equal(doc.components.schemas.Program.properties.name['x-osd-immutable'], true);
    assert.equal(JSON.stringify(doc).includes('"immutable"'), false);
  });
});
