/**
 * Installs the provider into the project's local filesystem mirror so that `terraform init` and
 * `cdktf deploy` find it offline (paths: lib/provider/install-paths.ts):
 *   1. regenerate the protocol code if the .proto files changed;
 *   2. bundle lib/provider/main.ts with esbuild: provider.mjs plus the chunks it loads lazily;
 *   3. write the `exec node provider.mjs` wrapper Terraform starts, beside them;
 *   4. write a Terraform CLI configuration that takes osd.local providers from the mirror.
 * Files are only rewritten when their content changes, so a repeated install is quick and leaves
 * the provider's lock-file hash alone.
 *
 * Usage: npm run provider:install
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { projectRoot, providerInstallPaths, type InstallLocation, type ProviderInstallPaths } from '../lib/provider/install-paths';
import { generateProtocol } from './generate-provider-protocol';

/** Packages that must stay out of the provider: native modules the provider has no use for. */
const EXCLUDED_PACKAGES = ['better-sqlite3'];

export interface InstallOptions extends InstallLocation {
  /** The provider's entry module; lib/provider/main.ts unless installing a test provider. */
  entry?: string;
}

export interface InstallResult extends ProviderInstallPaths {
  /** Files whose content changed (empty when everything was up to date). */
  changed: string[];
  /** Packages the bundle would need at run time but does not contain. */
  warnings: string[];
}

/** Writes `content` unless the file already holds exactly that; returns whether it wrote. */
function writeIfChanged(file: string, content: string | Uint8Array, mode?: number): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  if (existsSync(file) && readFileSync(file).equals(bytes)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  // Write-then-rename: Terraform never starts a half-written provider.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes, mode === undefined ? undefined : { mode });
  if (mode !== undefined) chmodSync(temporary, mode);
  renameSync(temporary, file);
  return true;
}

function wrapperScript(): string {
  // exec, so Terraform's signals and Shutdown reach node itself. The bundle is found beside the
  // script (${0%/*}: Terraform runs plugins by path), so the mirror can move, without the cost
  // of a `dirname` process at every start.
  return '#!/bin/sh\nexec node "${0%/*}/provider.mjs" "$@"\n';
}

export function cliConfig(mirrorDir: string, hostname = 'osd.local'): string {
  const include = JSON.stringify(`${hostname}/*/*`);
  return [
    '# Written by npm run provider:install. Use: export TF_CLI_CONFIG_FILE=<this file>',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirrorDir)}`,
    `    include = [${include}]`,
    '  }',
    '  direct {',
    `    exclude = [${include}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Which bundled modules import an excluded package (it would fail at run time if reached). */
function excludedImports(metafile: Metafile): string[] {
  const found: string[] = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external && EXCLUDED_PACKAGES.some((p) => imported.path === p || imported.path.startsWith(`${p}/`))) {
        found.push(`${file} imports ${imported.path}`);
      }
    }
  }
  return found;
}

/**
 * Bundles the provider as ES modules split at every dynamic `import()`: the entry file holds only
 * what the handshake needs, and the protocol service, the provider logic and its HTTP client are
 * separate files loaded when first used. Measured with the osd provider (~1 MB of code): one
 * CommonJS file reached the handshake ~12 ms later than this split build (83 vs 71 ms, node -e 0
 * 53 ms), mostly parsing code the handshake never runs; ES modules themselves cost ~3 ms more than
 * CommonJS to start, which the split more than pays for.
 */
async function bundle(entry: string): Promise<{ files: Map<string, Uint8Array>; metafile: Metafile }> {
  const result = await build({
    entryPoints: { provider: path.resolve(projectRoot, entry) },
    absWorkingDir: projectRoot,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '/provider', // with write: false only names the outputs
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    platform: 'node',
    target: 'node20',
    // CommonJS dependencies (protobufjs, axios) call require(); ES modules have none of their own.
    banner: { js: "import { createRequire as __osdCreateRequire } from 'node:module'; const require = __osdCreateRequire(import.meta.url);" },
    // Smaller code parses faster at every start; identifiers are not minified so stack traces
    // in the log still name the function that failed.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    external: EXCLUDED_PACKAGES,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array>();
  for (const output of result.outputFiles) files.set(path.basename(output.path), output.contents);
  if (!files.has('provider.mjs')) throw new Error('esbuild produced no provider.mjs');
  return { files, metafile: result.metafile };
}

export async function installProvider(options: InstallOptions = {}): Promise<InstallResult> {
  const paths = providerInstallPaths(options);
  const changed: string[] = [];
  await generateProtocol();
  const { files, metafile } = await bundle(options.entry ?? 'lib/provider/main.ts');

  for (const [name, contents] of files) {
    const file = path.join(paths.packageDir, name);
    if (writeIfChanged(file, contents)) changed.push(file);
  }
  if (writeIfChanged(paths.executable, wrapperScript(), 0o755)) changed.push(paths.executable);
  // Chunks of earlier builds would count in the lock-file hash: the folder holds this build only.
  for (const name of readdirSync(paths.packageDir)) {
    const file = path.join(paths.packageDir, name);
    if (!files.has(name) && file !== paths.executable) {
      rmSync(file, { force: true });
      changed.push(file);
    }
  }
  if (writeIfChanged(paths.cliConfigFile, cliConfig(paths.mirrorDir))) changed.push(paths.cliConfigFile);
  return { ...paths, changed, warnings: excludedImports(metafile) };
}

if (require.main === module) {
  const started = performance.now();
  installProvider().then(
    (installed) => {
      const lines = [
        `provider ${installed.source} ${installed.version} installed in ${path.relative(process.cwd(), installed.packageDir)}` +
          ` (${installed.changed.length === 0 ? 'up to date' : `${installed.changed.length} file(s) updated`}, ${Math.round(performance.now() - started)} ms)`,
        '',
        'Point Terraform (and cdktf) at the local mirror with:',
        `  export TF_CLI_CONFIG_FILE=${installed.cliConfigFile}`,
      ];
      if (installed.changed.some((file) => file.endsWith('.mjs'))) {
        lines.push(
          '',
          `The provider's code changed but its version (${installed.version}) did not: working folders that already`,
          `recorded the old checksum in .terraform.lock.hcl need "terraform init -upgrade" (or the ${installed.source} entry removed).`,
        );
      }
      for (const warning of installed.warnings) lines.push(`warning: ${warning}, which is not in the bundle`);
      process.stdout.write(lines.join('\n') + '\n');
    },
    (err: unknown) => {
      process.stderr.write(`provider:install failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
