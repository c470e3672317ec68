import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DeploymentServer, PROVIDER_SOURCE, SoftwarePackage } from '../../constructs';
import { synth, synthError, thrown, warnings } from './helpers';

const packageVersion = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;

test('emits required_providers (local mirror source, the project version) and the provider block in snake_case', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new DeploymentServer(stack, 'Server', { endpoint: 'http://127.0.0.1:8780', timeout: 60, maxRetries: 2 });
  const json = synth(stack);
  assert.deepEqual(json.terraform.required_providers.osd, { source: PROVIDER_SOURCE, version: packageVersion });
  assert.equal(PROVIDER_SOURCE, 'osd.local/cdk-osd/osd');
  assert.deepEqual(json.provider.osd, [{ endpoint: 'http://127.0.0.1:8780', timeout: 60, max_retries: 2 }]);
});

test('everything may be left to the environment: an empty provider block', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new DeploymentServer(stack, 'Server');
  assert.deepEqual(synth(stack).provider.osd, [{}]);
});

test('a token from a sensitive variable is rendered as a reference, with no warning', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  const token = new TerraformVariable(stack, 'osd_token', { type: 'string', sensitive: true });
  new DeploymentServer(stack, 'Server', { token: token.stringValue });
  assert.equal(synth(stack).provider.osd[0].token, '${var.osd_token}');
  assert.deepEqual(warnings(stack), []);
});

test('a plain-text token is accepted with a warning that never shows it', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new DeploymentServer(stack, 'Server', { token: 's3cr3t-admin-token' });
  synth(stack);
  const [warning, ...more] = warnings(stack);
  assert.equal(more.length, 0);
  assert.match(warning, /test\/Server: token is given as plain text/);
  assert.doesNotMatch(warning, /s3cr3t/);
});

test('plainly wrong settings are refused at once, naming the construct, the field and the value', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  assert.match(thrown(() => new DeploymentServer(stack, 'A', { endpoint: 'ftp://server' })), /test\/A: endpoint "ftp:\/\/server" is not an http\(s\) URL/);
  assert.match(thrown(() => new DeploymentServer(stack, 'B', { timeout: 0 })), /test\/B: \/timeout has the value 0/);
  assert.match(thrown(() => new DeploymentServer(stack, 'C', { maxRetries: 1.5 })), /test\/C: \/maxRetries has the value 1.5/);
});

test('one deployment server per stack', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new DeploymentServer(stack, 'Server');
  assert.match(thrown(() => new DeploymentServer(stack, 'Other')), /test: the stack has a DeploymentServer already/);
});

test('an object in a stack without a deployment server is refused at synth', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new SoftwarePackage(stack, 'Office', { name: 'Office', sourcePath: '\\\\srv\\office' });
  assert.match(synthError(stack), /\[test\/Office\] the stack "test" has no DeploymentServer/);
});
