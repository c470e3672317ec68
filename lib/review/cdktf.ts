/**
 * The plan of one cdktf stack, so that a reviewer needs one command: `cdktf diff STACK` (synth,
 * init, plan) in the project, then `terraform show -json` of the plan it leaves in
 * `<output>/stacks/STACK/plan`. With `skipPlan`, the plan that an earlier `cdktf diff` left there
 * is read as it is (a pipeline that plans in a step of its own).
 *
 * cdktf's progress goes to `progress` (the command's standard error), so standard output holds
 * the review alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PlanInputError, parsePlan, type PlanJson } from './plan';
import { run, showSavedPlan } from './source';

export interface StackPlanOptions {
  /** The cdktf project (where cdktf.json is). Default: the current folder. */
  readonly projectDir?: string;
  /** cdktf's output folder; default cdktf.json's `output`, else `cdktf.out`. */
  readonly output?: string;
  /** The command that runs the cdktf app; default cdktf.json's `app`. */
  readonly app?: string;
  /** Read the plan an earlier `cdktf diff` left instead of planning now. */
  readonly skipPlan?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Where cdktf's own output goes. */
  readonly progress?: NodeJS.WritableStream;
}

export async function planStack(stack: string, options: StackPlanOptions = {}): Promise<PlanJson> {
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const config = cdktfConfig(projectDir);
  const output = path.resolve(projectDir, options.output ?? (typeof config.output === 'string' ? config.output : 'cdktf.out'));
  const planFile = path.join(output, 'stacks', stack, 'plan');
  const given = options.env ?? process.env;
  const env: NodeJS.ProcessEnv = {
    ...given,
    // Non-interactive, no telemetry, and no shared plugin cache: a provider rebuilt under the same
    // version would otherwise be served from the cache's first copy.
    CI: given.CI ?? 'true',
    CHECKPOINT_DISABLE: given.CHECKPOINT_DISABLE ?? '1',
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: given.CDKTF_DISABLE_PLUGIN_CACHE_ENV ?? 'true',
  };
  if (!options.skipPlan) {
    const args = ['diff', stack, '--skip-provider-lock', '--no-color', '--output', output, ...(options.app ? ['--app', options.app] : [])];
    const result = await run(process.execPath, [cdktfCli(projectDir), ...args], env, { cwd: projectDir, ...(options.progress ? { echo: options.progress } : {}) });
    if (result.error) throw new PlanInputError(`cdktf could not start: ${result.error.message}`);
    if (result.code !== 0) {
      throw new PlanInputError(`cdktf diff ${stack} failed (exit code ${result.code}); its output above says why${/not found|Could not find stack/i.test(result.stdout + result.stderr) ? ` (is "${stack}" one of the app's stacks?)` : ''}`);
    }
  }
  if (!existsSync(planFile)) {
    throw new PlanInputError(
      options.skipPlan
        ? `there is no plan of stack "${stack}" at ${path.relative(projectDir, planFile)}; run "cdktf diff ${stack}" first, or review without --skip-plan`
        : `cdktf diff ${stack} left no plan at ${path.relative(projectDir, planFile)} (a stack with a remote backend plans remotely; save a plan there and review it with "cdk-osd review PLANFILE")`,
    );
  }
  return parsePlan(await showSavedPlan(planFile, env), `the plan of stack "${stack}"`);
}

function cdktfConfig(projectDir: string): Record<string, unknown> {
  const file = path.join(projectDir, 'cdktf.json');
  if (!existsSync(file)) throw new PlanInputError(`${projectDir} has no cdktf.json; run the review with --stack in a cdktf project, or give it a plan file`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new PlanInputError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The cdktf CLI the project has installed. */
function cdktfCli(projectDir: string): string {
  let manifest: string;
  try {
    manifest = require.resolve('cdktf-cli/package.json', { paths: [projectDir] });
  } catch {
    throw new PlanInputError(`cdktf-cli is not installed in ${projectDir}; install it (npm install --save-dev cdktf-cli) to review a stack`);
  }
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> }).bin;
  const entry = typeof bin === 'string' ? bin : bin?.cdktf;
  if (!entry) throw new PlanInputError(`${manifest} names no cdktf command`);
  return path.join(path.dirname(manifest), entry);
}
