/** Start-up configuration: flags over environment over defaults, and errors that name the flag and the value. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ConfigError, parseConfig, type ServerConfig } from '../../lib/server/config';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}): ServerConfig => {
  const parsed = parseConfig(argv, env, '/work');
  assert.ok(parsed.config);
  return parsed.config;
};

describe('parseConfig', () => {
  test('defaults', () => {
    const c = parse([]);
    assert.equal(c.port, 8780);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.dataDir, path.resolve('/work', '.osd'));
    assert.deepEqual(c.site, { siteCode: 'CM1', siteName: 'Site CM1', configMgrVersion: '2007 SP2', allowedUsmtVersions: ['3.0', '4.0'] });
    assert.equal(c.bodyLimit, 1024 * 1024);
    assert.deepEqual(c.faults, { errorRate: 0, latencyMs: 0, dropAfterCommitRate: 0 });
    assert.deepEqual(c.tokens, []);
  });
  test('flags win over the environment', () => {
    const c = parse(['--port', '0', '--site-code=AB1', '--data-dir', 'store'], { OSD_PORT: '9000', OSD_SITE_CODE: 'ZZ9', OSD_DATA_DIR: '/elsewhere' });
    assert.equal(c.port, 0);
    assert.equal(c.site.siteCode, 'AB1');
    assert.equal(c.dataDir, path.resolve('/work', 'store'));
    assert.equal(parse([], { OSD_PORT: '9000' }).port, 9000);
  });
  test('tokens from flags, OSD_TOKENS and the shortcuts; secrets may contain colons', () => {
    const c = parse(['--token', 'ci:admin:a:b:c'], { OSD_TOKENS: 'dash:reader:r1, ops:admin:o1', OSD_ADMIN_TOKEN: 'adm', OSD_READER_TOKEN: 'rdr' });
    assert.deepEqual(c.tokens, [
      { name: 'ci', role: 'admin', secret: 'a:b:c' },
      { name: 'dash', role: 'reader', secret: 'r1' },
      { name: 'ops', role: 'admin', secret: 'o1' },
      { name: 'admin', role: 'admin', secret: 'adm' },
      { name: 'reader', role: 'reader', secret: 'rdr' },
    ]);
  });
  test('fault injection from flags or environment', () => {
    assert.deepEqual(parse(['--fault-error-rate', '0.25', '--fault-latency-ms', '40'], { OSD_FAULT_DROP_AFTER_COMMIT_RATE: '0.1' }).faults, {
      errorRate: 0.25,
      latencyMs: 40,
      dropAfterCommitRate: 0.1,
    });
  });
  test('--help', () => {
    assert.equal(parseConfig(['--help'], {}, '/').help, true);
  });
  const refusals: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
    ['a port out of range', ['--port', '70000'], {}, /--port is "70000"; expected a whole number from 0 to 65535/],
    ['a port from the environment', [], { OSD_PORT: 'http' }, /OSD_PORT is "http"/],
    ['a bad site code', ['--site-code', 'cm1'], {}, /--site-code is "cm1"/],
    ['an unknown ConfigMgr version', ['--configmgr-version', '2012'], {}, /--configmgr-version is "2012"; expected one of "2007", "2007 SP1", "2007 SP2"/],
    ['a rate above 1', ['--fault-error-rate', '2'], {}, /--fault-error-rate is "2"; expected a share from 0 to 1/],
    ['an unknown option', ['--colour', 'blue'], {}, /unknown option --colour/],
    ['a token without a role', ['--token', 'ci:s3cret'], {}, /NAME:ROLE:SECRET/],
    ['a token with an unknown role', ['--token', 'ci:owner:s3cret'], {}, /role "owner"; expected admin or reader/],
    ['two tokens with one name', ['--token', 'ci:admin:a', '--token', 'ci:reader:b'], {}, /"ci" is given twice/],
  ];
  for (const [what, argv, env, message] of refusals) {
    test(`refuses ${what}`, () => {
      assert.throws(() => parseConfig(argv, env, '/'), (e: unknown) => e instanceof ConfigError && message.test(e.message));
    });
  }
  test('a token error never repeats the secret', () => {
    assert.throws(() => parseConfig(['--token', 'ci-super-secret-value'], {}, '/'), (e: unknown) => e instanceof ConfigError && !e.message.includes('super-secret'));
  });
});

test('the command exits 2 with the message on a bad flag', () => {
  const result = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/osd-server.js'), '--port', 'x'], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /osd-server: --port is "x"/);
  assert.equal(result.stdout, '');
});
