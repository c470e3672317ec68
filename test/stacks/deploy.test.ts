/**
 * The example stacks against the real provider and the real server: each is synthesised with
 * validations, initialised from the local provider mirror, applied, and planned again, which
 * must show no changes (what the constructs render is exactly what the provider plans and stores).
 * Needs the installed provider (`npm test` installs it first).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBackend, Testing, type TerraformStack } from 'cdktf';
import { toPlanSuccessfully } from 'cdktf/lib/testing/matchers';
import type { Construct } from 'constructs';
import { ReferenceBuildStack, ServerRolloutStack, WorkstationRefreshStack, type ExampleStackProps } from '../../stacks';
import { providerInstallPaths } from '../../lib/provider/install-paths';
import { startServer } from '../../lib/server/launch';

jest.setTimeout(180_000);

const cliConfigFile = providerInstallPaths().cliConfigFile;

type StackClass = new (scope: Construct, id: string, props?: ExampleStackProps) => TerraformStack;

/** Runs terraform in `cwd`; returns the exit code, failing with the output when it is not expected. */
function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv, expected: number[] = [0]): number {
  const result = spawnSync('terraform', args, { cwd, env, encoding: 'utf8' });
  const status = result.status ?? -1;
  assert.ok(expected.includes(status), `terraform ${args.join(' ')} exited ${status}:\n${result.stdout}\n${result.stderr}`);
  return status;
}

for (const [id, Stack] of [
  ['reference-build', ReferenceBuildStack],
  ['workstation-refresh', WorkstationRefreshStack],
  ['server-rollout', ServerRolloutStack],
] as [string, StackClass][]) {
  test(`${id}: passes Testing.fullSynth + toPlanSuccessfully, applies through the provider, and the next plan is empty`, async () => {
    const server = await startServer();
    const work = mkdtempSync(join(tmpdir(), `cdk-osd-deploy-${id}-`));
    let outdir: string | undefined;
    try {
      const stack = new Stack(Testing.app({ stackTraces: false }), id, { server: { endpoint: server.url } });
      new LocalBackend(stack, { path: join(work, 'terraform.tfstate') });
      outdir = Testing.fullSynth(stack);
      const cwd = join(outdir, 'stacks', id);
      const config = JSON.parse(readFileSync(join(cwd, 'cdk.tf.json'), 'utf8')) as { variable?: Record<string, unknown> };
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TF_CLI_CONFIG_FILE: cliConfigFile,
        TF_IN_AUTOMATION: '1',
        CHECKPOINT_DISABLE: '1',
        OSD_TOKEN: server.adminToken,
        ...Object.fromEntries(Object.keys(config.variable ?? {}).map((name) => [`TF_VAR_${name}`, `Test-${randomBytes(8).toString('hex')}`])),
      };
      // cdktf's own matchers run terraform with this process's environment.
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        const valid = Testing.toBeValidTerraform(outdir);
        const planned = toPlanSuccessfully(outdir);
        assert.ok(valid, 'Testing.toBeValidTerraform');
        assert.ok(planned.pass, planned.message);
      } finally {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
      terraform(['init', '-input=false', '-no-color'], cwd, env);
      terraform(['validate', '-no-color'], cwd, env);
      terraform(['apply', '-auto-approve', '-input=false', '-no-color'], cwd, env);
      const status = terraform(['plan', '-detailed-exitcode', '-input=false', '-no-color'], cwd, env, [0, 2]);
      assert.equal(status, 0, 'the plan after apply shows changes');
    } finally {
      await server.stop();
      rmSync(work, { recursive: true, force: true });
      if (outdir) rmSync(outdir, { recursive: true, force: true });
    }
  });
}
