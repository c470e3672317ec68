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

const KEY = Buffer.alloc(32, 1).toString('base64');

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
    ['a key that is not base64', [], { OSD_SECRET_KEY: 'not a key!' }, /OSD_SECRET_KEY is not a key: it is not base64 \(10 characters/],
    ['a key of 16 bytes', [], { OSD_PREVIOUS_SECRET_KEY: Buffer.alloc(16, 7).toString('base64') }, /OSD_PREVIOUS_SECRET_KEY is not a key: it decodes to 16 bytes, not 32; expected base64 of 32 random bytes/],
    ['a key given both as a file and as a value', ['--secret-key-file', 'k'], { OSD_SECRET_KEY: KEY }, /--secret-key-file and OSD_SECRET_KEY are both set; give the key once/],
    ['a key on the command line', ['--secret-key', KEY], {}, /--secret-key is not an option: a key on the command line is visible to every user of the machine; give it in OSD_SECRET_KEY or a file \(--secret-key-file PATH\)/],
    ['an empty key file path', ['--previous-secret-key-file', ' '], {}, /--previous-secret-key-file is empty/],
  ];
  for (const [what, argv, env, message] of refusals) {
    test(`refuses ${what}`, () => {
      assert.throws(() => parseConfig(argv, env, '/'), (e: unknown) => e instanceof ConfigError && message.test(e.message));
    });
  }
  test('secret keys: a file (flag over environment) or the key itself from the environment; none by default', () => {
    assert.equal(parse([]).secretKey, undefined);
    assert.deepEqual(parse(['--secret-key-file', 'keys/k'], { OSD_SECRET_KEY_FILE: '/elsewhere' }).secretKey, { file: path.resolve('/work', 'keys/k'), source: '--secret-key-file' });
    assert.deepEqual(parse([], { OSD_PREVIOUS_SECRET_KEY_FILE: '/vault/old' }).previousSecretKey, { file: '/vault/old', source: 'OSD_PREVIOUS_SECRET_KEY_FILE' });
    const inline = parse([], { OSD_SECRET_KEY: KEY }).secretKey;
    assert.ok(inline && 'key' in inline);
    assert.equal(inline.key.toString('base64'), KEY);
    assert.equal(inline.source, 'OSD_SECRET_KEY');
  });
  test('a key error never repeats the key', () => {
    const almost = KEY.slice(0, 40);
    assert.throws(() => parseConfig([], { OSD_SECRET_KEY: almost }, '/'), (e: unknown) => e instanceof ConfigError && !e.message.includes(almost));
  });
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
