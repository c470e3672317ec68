/**
 * The cdktf app: the example stacks, each managing the deployment server named by the
 * environment. `cdktf synth` writes one Terraform configuration per stack to cdktf.out/;
 * `cdktf deploy '*'` applies them.
 *
 *   OSD_ENDPOINT  the server's base URL (if unset here, the provider reads it at plan time)
 *   OSD_TOKEN     an admin token, read by the provider only, so it never lands in cdk.tf.json
 *   TF_VAR_*      the secrets the stacks declare as sensitive variables (see stacks/secrets.ts)
 *   OSD_STATE_DIR where the local backend keeps `<stack>.tfstate` (default: the project folder,
 *                 `terraform.<stack>.tfstate`)
 */
import path from 'node:path';
import { App, LocalBackend, type TerraformStack } from 'cdktf';
import { ReferenceBuildStack, ServerRolloutStack, WorkstationRefreshStack, type ExampleStackProps, type ServerRolloutProps } from './stacks';

/** What varies between deployments of the same stacks. */
export interface AppOptions {
  /** Settings of the server rollout beyond the server (e.g. its RAID layouts). */
  readonly serverRollout?: Omit<ServerRolloutProps, 'server'>;
}

/** Builds the app. Exported so tests and benchmarks synthesise exactly what `cdktf synth` does. */
export function buildApp(app: App, env: NodeJS.ProcessEnv = process.env, options: AppOptions = {}): App {
  const props: ExampleStackProps = { server: env.OSD_ENDPOINT ? { endpoint: env.OSD_ENDPOINT } : {} };
  const stacks: TerraformStack[] = [
    new ReferenceBuildStack(app, 'reference-build', props),
    new WorkstationRefreshStack(app, 'workstation-refresh', props),
    new ServerRolloutStack(app, 'server-rollout', { ...options.serverRollout, ...props }),
  ];
  if (env.OSD_STATE_DIR) {
    for (const stack of stacks) new LocalBackend(stack, { path: path.resolve(env.OSD_STATE_DIR, `${stack.node.id}.tfstate`) });
  }
  return app;
}

if (require.main === module) {
  // Stack traces in construct metadata would put this machine's paths into cdk.tf.json.
  buildApp(new App({ stackTraces: false })).synth();
}
