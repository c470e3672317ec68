/**
 * What an editor shows when a stack author hovers a prop: asked of TypeScript's language service,
 * the engine behind editors' hover, on a stack written as a user writes it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');
const file = path.join(root, 'stacks', 'hover-probe.ts');
const source = [
  "import { TerraformStack } from 'cdktf';",
  "import { RunCommandLine, SoftwarePackage } from '../constructs';",
  'export function probe(stack: TerraformStack) {',
  "  const pkg = new SoftwarePackage(stack, 'Office', { name: 'Office 2007', sourcePath: '\\\\\\\\cm01\\\\office' });",
  "  pkg.addProgram('Install', { commandLine: 'setup.exe', runWhen: 'noUserLoggedOn' });",
  "  return new RunCommandLine({ commandLine: 'cmd /c ver', successCodes: [0] });",
  '}',
].join('\n');

/** The language service over the project's settings, with the probe file in memory. */
function service(): ts.LanguageService {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  assert.ok(config, 'tsconfig.json parses');
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = name === file ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

test('hovering a prop shows the model description, its limit and its default', () => {
  const ls = service();
  const hover = (marker: string) => {
    const info = ls.getQuickInfoAtPosition(file, source.indexOf(marker) + 1);
    assert.ok(info, `quick info at ${marker}`);
    return [ts.displayPartsToString(info.displayParts), ts.displayPartsToString(info.documentation), ...(info.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`)].join('\n');
  };
  assert.match(hover("name: 'Office 2007'"), /Name shown in the console \(≤ 50 characters\)\./);
  assert.match(hover('sourcePath:'), /Where the content is/);
  assert.match(hover('runWhen:'), /Whether the program needs a logged-on user[\s\S]*@default `'whetherOrNotUserLoggedOn'` while `forTaskSequence` is true/);
  assert.match(hover("commandLine: 'cmd"), /The command line\. 1 to 32000 characters\./);
  assert.match(hover('successCodes:'), /Exit codes that mean success\. 1 to 32 items\.[\s\S]*@default \[0, 3010\]/);
});
