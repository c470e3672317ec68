/**
 * Where `npm run provider:install` puts the provider, so that scripts, tests and pipelines can
 * point Terraform at it: a local filesystem mirror (unpacked layout) and a Terraform CLI
 * configuration that uses the mirror for osd.local providers only.
 *
 *   <project>/.terraform/terraformrc                      export TF_CLI_CONFIG_FILE=<this>
 *   <project>/.terraform/providers-mirror/
 *     osd.local/cdk-osd/osd/<version>/<os>_<arch>/
 *       terraform-provider-osd_v<version>                  `exec node provider.mjs` wrapper
 *       provider.mjs                                       the bundled provider's entry
 *       <name>-<hash>.mjs                                  its lazily loaded parts
 *
 * The bundle sits beside its wrapper because Terraform's lock-file hash covers only the files of
 * that folder: code elsewhere could change without Terraform noticing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PROVIDER_HOSTNAME = 'osd.local';
export const PROVIDER_NAMESPACE = 'cdk-osd';
export const PROVIDER_TYPE = 'osd';
/** The `source` to use in required_providers (cdktf: TerraformProvider's terraformGeneratorMetadata). */
export const PROVIDER_SOURCE = `${PROVIDER_HOSTNAME}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;

export const projectRoot = path.resolve(__dirname, '..', '..');

/** Terraform's name for this machine's platform, e.g. linux_amd64. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${cpu}`;
}

/** The project's version (package.json), which is the provider's version. */
export function projectVersion(root: string = projectRoot): string {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

export interface ProviderInstallPaths {
  /** Root of the filesystem mirror: the `path` of filesystem_mirror. */
  mirrorDir: string;
  /** Folder holding the wrapper and the bundle. */
  packageDir: string;
  /** The executable Terraform starts. */
  executable: string;
  /** The bundled provider's entry module (more modules beside it). */
  bundle: string;
  /** Terraform CLI configuration using the mirror (TF_CLI_CONFIG_FILE). */
  cliConfigFile: string;
  version: string;
  source: string;
}

export interface InstallLocation {
  mirrorDir?: string;
  cliConfigFile?: string;
  version?: string;
  /** Provider type name; `osd` except for test providers. */
  type?: string;
}

export function providerInstallPaths(location: InstallLocation = {}): ProviderInstallPaths {
  const type = location.type ?? PROVIDER_TYPE;
  const version = location.version ?? projectVersion();
  const mirrorDir = path.resolve(location.mirrorDir ?? path.join(projectRoot, '.terraform', 'providers-mirror'));
  const packageDir = path.join(mirrorDir, PROVIDER_HOSTNAME, PROVIDER_NAMESPACE, type, version, terraformPlatform());
  return {
    mirrorDir,
    packageDir,
    executable: path.join(packageDir, `terraform-provider-${type}_v${version}`),
    bundle: path.join(packageDir, 'provider.mjs'),
    cliConfigFile: path.resolve(location.cliConfigFile ?? path.join(projectRoot, '.terraform', 'terraformrc')),
    version,
    source: `${PROVIDER_HOSTNAME}/${PROVIDER_NAMESPACE}/${type}`,
  };
}
