/**
 * Drives the real `terraform` binary in a temporary working folder against the installed osd
 * provider (the local mirror of `npm run provider:install`) and a deployment server.
 *
 *   const tf = await Workspace.create({ endpoint: server.url, token: server.adminToken });
 *   tf.writeResources({ osd_package: { app: { name: 'App' } } });
 *   await tf.apply();
 *   const plan = await tf.plan();        // plan.actions('osd_package.app') → ['no-op']
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { providerInstallPaths } from '../../lib/provider/install-paths';

const run = promisify(execFile);

/** Terraform wraps long messages in boxes; compare them as one line. */
export function oneLine(text: string): string {
  return text.replace(/[\s│╷╵]+/g, ' ');
}

export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly change: { actions: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null; after_unknown: unknown };
}

export class Plan {
  constructor(readonly changes: ResourceChange[]) {}
  actions(address: string): string[] {
    const c = this.changes.find((r) => r.address === address);
    if (!c) throw new Error(`no resource ${address} in the plan: ${this.changes.map((r) => r.address).join(', ')}`);
    return c.change.actions;
  }
  /** Addresses whose planned action is not no-op (and not a read of a data source). */
  get pending(): string[] {
    return this.changes.filter((r) => !(r.change.actions.length === 1 && ['no-op', 'read'].includes(r.change.actions[0]))).map((r) => r.address);
  }
}

export interface WorkspaceOptions {
  readonly endpoint: string;
  readonly token: string;
  /** Extra environment for terraform and the provider. */
  readonly env?: Record<string, string>;
  /** Write Terraform's and the provider's trace log of every command to `<dir>/terraform.log`. */
  readonly traceLog?: boolean;
}

export class Workspace {
  private constructor(
    readonly dir: string,
    /** The environment terraform runs with (CLI config, server endpoint and token). */
    readonly environment: NodeJS.ProcessEnv,
  ) {}

  static async create(options: WorkspaceOptions): Promise<Workspace> {
    const paths = providerInstallPaths();
    if (!existsSync(paths.cliConfigFile)) throw new Error(`the provider is not installed (${paths.cliConfigFile} is missing): run npm run provider:install`);
    const dir = mkdtempSync(path.join(tmpdir(), 'osd-tf-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_CLI_CONFIG_FILE: paths.cliConfigFile,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      OSD_ENDPOINT: options.endpoint,
      OSD_TOKEN: options.token,
      ...(options.traceLog ? { TF_LOG: 'trace', TF_LOG_PATH: path.join(dir, 'terraform.log') } : {}),
      ...options.env,
    };
    const ws = new Workspace(dir, env);
    ws.writeResources({});
    return ws;
  }

  /** Writes main.tf.json: the provider requirement plus the given resources (and optional extra top-level blocks). */
  writeResources(resources: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}): void {
    const config: Record<string, unknown> = {
      terraform: { required_providers: { osd: { source: 'osd.local/cdk-osd/osd' } } },
      provider: { osd: {} },
      ...extra,
    };
    if (Object.keys(resources).length > 0) config.resource = resources;
    writeFileSync(path.join(this.dir, 'main.tf.json'), JSON.stringify(config, null, 2));
  }

  /** Runs terraform with the given arguments; never throws for a non-zero exit. */
  async terraform(...args: string[]): Promise<TerraformResult> {
    try {
      const { stdout, stderr } = await run('terraform', ['-chdir=' + this.dir, ...args], { env: this.environment, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  /** Like `terraform`, but throws with Terraform's output when the command fails. */
  async must(...args: string[]): Promise<TerraformResult> {
    const r = await this.terraform(...args);
    if (r.code !== 0) throw new Error(`terraform ${args.join(' ')} failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
    return r;
  }

  async init(): Promise<void> {
    await this.must('init', '-input=false', '-no-color');
  }

  async apply(): Promise<TerraformResult> {
    return this.must('apply', '-auto-approve', '-input=false', '-no-color');
  }

  async destroy(): Promise<TerraformResult> {
    return this.must('destroy', '-auto-approve', '-input=false', '-no-color');
  }

  /** Plans into a file and returns its resource changes (from `terraform show -json`). */
  async plan(): Promise<Plan> {
    await this.must('plan', '-input=false', '-no-color', '-out=tfplan');
    const shown = await this.must('show', '-json', 'tfplan');
    return new Plan((JSON.parse(shown.stdout) as { resource_changes?: ResourceChange[] }).resource_changes ?? []);
  }

  /** The state's resources by address, with their attribute values. */
  async state(): Promise<Record<string, Record<string, unknown>>> {
    const shown = await this.must('show', '-json');
    const values = (JSON.parse(shown.stdout) as { values?: { root_module?: { resources?: { address: string; values: Record<string, unknown> }[] } } }).values;
    return Object.fromEntries((values?.root_module?.resources ?? []).map((r) => [r.address, r.values]));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
