/**
 * The cdktf app: the example stacks, each managing the deployment server named by the
 * environment. `cdktf synth` writes one Terraform configuration per stack to cdktf.out/;
 * `cdktf deploy '*'` applies them.
 *
 *   OSD_ENDPOINT  the server's base URL (if unset here, the provider reads it at plan time)
 *   OSD_TOKEN     an admin token, read by the provider only, so it never lands in cdk.tf.json
 *   TF_VAR_*      the secrets the stacks declare as sensitive variables (see stacks/secrets.ts)
 *
 * State: the default local backend, `terraform.<stack>.tfstate` in the project folder.
 */
import { App } from 'cdktf';
import { ReferenceBuildStack, ServerRolloutStack, WorkstationRefreshStack, type ExampleStackProps } from './stacks';

/** Builds the app. Exported so tests and benchmarks synthesise exactly what `cdktf synth` does. */
export function buildApp(app: App, env: NodeJS.ProcessEnv = process.env): App {
  const props: ExampleStackProps = { server: env.OSD_ENDPOINT ? { endpoint: env.OSD_ENDPOINT } : {} };
  new ReferenceBuildStack(app, 'reference-build', props);
  new WorkstationRefreshStack(app, 'workstation-refresh', props);
  new ServerRolloutStack(app, 'server-rollout', props);
  return app;
}

if (require.main === module) {
  // Stack traces in construct metadata would put this machine's paths into cdk.tf.json.
  buildApp(new App({ stackTraces: false })).synth();
}
