/**
 * Runs this project's real `cdktf` CLI the way a pipeline does: non-interactive, no colour, no
 * provider lock (it would need a registry), no plugin cache (the provider is rebuilt under the
 * same version), Terraform pointed at the installed provider, the deployment server from OSD_*.
 *
 *   const cli = new CdktfCli('test/fixtures/e2e-app.ts', { OSD_ENDPOINT: server.url, OSD_TOKEN: server.adminToken, OSD_STATE_DIR: work }, work);
 *   await cli.must(['deploy', '*', '--auto-approve']);
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { providerInstallPaths } from '../../lib/provider/install-paths';

const root = path.resolve(__dirname, '..', '..');

export interface CdktfRun {
  readonly code: number | null;
  readonly output: string;
}

export class CdktfCli {
  private readonly env: NodeJS.ProcessEnv;

  /** `app` is the cdktf app (a file under the project); `outdir` gets its synth output. */
  constructor(
    private readonly app: string,
    env: NodeJS.ProcessEnv,
    private readonly outdir: string,
  ) {
    this.env = {
      ...process.env,
      CI: 'true',
      CHECKPOINT_DISABLE: '1',
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: 'true',
      TF_CLI_CONFIG_FILE: providerInstallPaths().cliConfigFile,
      ...env,
    };
  }

  /** Runs `cdktf <args>` with the app, the output folder and the pipeline flags; `extraEnv` for this run only. */
  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CdktfRun> {
    const cli = path.join(root, 'node_modules', '.bin', 'cdktf');
    const all = [...args, '--skip-provider-lock', '--no-color', '--app', `node --import tsx ${path.join(root, this.app)}`, '--output', path.join(this.outdir, 'cdktf.out')];
    return new Promise((resolve) => {
      const child = spawn(cli, all, { cwd: root, env: { ...this.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  /** `run`, failing with the output unless cdktf exits 0; resolves to the output. */
  async must(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
    const r = await this.run(args, extraEnv);
    assert.equal(r.code, 0, `cdktf ${args.join(' ')} failed:\n${r.output}`);
    return r.output;
  }
}
