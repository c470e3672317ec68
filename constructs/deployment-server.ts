/**
 * The deployment server a stack manages: the `osd` provider's configuration.
 *
 * It emits `terraform { required_providers { osd = { source, version } } }` and the
 * `provider "osd"` block. Its props are the provider's own configuration schema
 * (lib/model/provider-config.ts), so the two cannot disagree.
 */
import type { Construct } from 'constructs';
import { Annotations, TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Value } from '@sinclair/typebox/value';
import { isWithin, pointerSegments, ProviderConfigSchema, show, toTerraformValue, type ProviderConfig } from '../lib/model';
import { PROVIDER_SOURCE, projectVersion } from '../lib/provider/install-paths';
import type { DeploymentServerProps } from './generated/props';
import { ModelRegistry } from './registry';
import { tokenPaths } from './checking';

/** Where Terraform finds the provider (`osd.local/cdk-osd/osd`): the local mirror `npm run provider:install` fills. */
export { PROVIDER_SOURCE };
/** The provider version this library's resources are written for: the project's own version (package.json). */
export const PROVIDER_VERSION: string = projectVersion();

/**
 * The deployment server of a stack (one per stack). Keep the token out of the props: the provider
 * reads `OSD_TOKEN` from its environment at plan and apply, so the token is never written to
 * cdk.tf.json. If it must be configured, pass a sensitive TerraformVariable's value.
 */
export class DeploymentServer extends TerraformProvider {
  /** The provider's name, as cdktf's matchers (`toHaveProvider(DeploymentServer)`) look it up. */
  static readonly tfResourceType = 'osd';

  /** The provider configuration, as given (model names). */
  private readonly config: ProviderConfig;

  constructor(scope: Construct, id: string, props: DeploymentServerProps = {}) {
    super(scope, id, {
      terraformResourceType: DeploymentServer.tfResourceType,
      terraformProviderSource: PROVIDER_SOURCE,
      terraformGeneratorMetadata: { providerName: 'osd', providerVersion: PROVIDER_VERSION },
    });
    const { configMgrVersion, ...config } = props;
    this.config = config;
    assertProviderConfig(this, config);
    if (config.token !== undefined && !Token.isUnresolved(config.token)) {
      Annotations.of(this).addWarning(
        'token is given as plain text: it is written to cdk.tf.json in clear. Leave it out (the provider reads OSD_TOKEN) or pass a sensitive TerraformVariable',
      );
    }
    ModelRegistry.of(this).registerServer(TerraformStack.of(this), { configMgrVersion });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return toTerraformValue(ProviderConfigSchema, this.config) as Record<string, unknown>;
  }
}

/** Refuses a configuration the provider would refuse, naming the field and the value (never the token's). */
function assertProviderConfig(scope: Construct, config: ProviderConfig): void {
  const unknown = tokenPaths(config);
  const problems: string[] = [];
  for (const e of Value.Errors(ProviderConfigSchema, config)) {
    if (unknown.some((p) => isWithin(pointerSegments(e.path), p))) continue;
    const value = e.path === '/token' ? '(secret)' : show(e.value);
    problems.push(`${e.path || 'the configuration'} has the value ${value}: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`);
  }
  if (config.endpoint !== undefined && !Token.isUnresolved(config.endpoint) && !/^https?:\/\/[^/]+/.test(config.endpoint)) {
    problems.push(`endpoint ${show(config.endpoint)} is not an http(s) URL; expected e.g. "http://127.0.0.1:8780"`);
  }
  if (problems.length > 0) throw new Error(problems.map((p) => `${scope.node.path}: ${p}`).join('\n'));
}
