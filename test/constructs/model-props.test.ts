import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import {
  BootImageSchema,
  DriverPackageSchema,
  OsImageSchema,
  ProgramSchema,
  TaskSequenceSchema,
  reference,
} from '../../lib/model';
import { modelFromProps, referencePropName, type ActionModel, type WithReferences } from '../../constructs/model-props';
import { renderPropsFile } from '../../constructs/codegen/props';
import { PROPS_BEGIN, PROPS_END, renderPropsReference } from '../../constructs/codegen/readme';
import type {
  ApplyOperatingSystemProps,
  BootImageProps,
  CaptureUserStateProps,
  DriverPackageProps,
  IBootImage,
  IDriverPackage,
  IOsImage,
  IOsInstallPackage,
  IPackage,
  IUsmtPackage,
  OsImageProps,
  ProgramProps,
  RunCommandLineProps,
  StepCommonProps,
  TaskSequenceProps,
} from '../../constructs';

/** Compile-time equality: the test file does not compile when the types differ. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compile-time: the same prop names, each type assignable to the other (so the same types and required props; readonly aside). */
type Same<A, B> = Equal<keyof A, keyof B> extends true ? ([A] extends [B] ? ([B] extends [A] ? true : false) : false) : false;
const typeCheck = <T extends true>(): T => true as T;

const root = join(__dirname, '..', '..');

test('reference fields are renamed by dropping the Id suffix, at run time and in the types', () => {
  assert.equal(referencePropName('packageId'), 'package');
  assert.equal(referencePropName('clientPackageId'), 'clientPackage');
  assert.equal(referencePropName('driverPackageIds'), 'driverPackages');
  assert.equal(referencePropName('name'), 'name');

  type Model = { packageId?: string; bootImageId: string; driverPackageIds?: string[]; name: string };
  type Props = WithReferences<Model, { packageId: IPackage; bootImageId: IBootImage; driverPackageIds: IDriverPackage[] }>;
  typeCheck<Equal<Props, { name: string; bootImage: IBootImage; package?: IPackage; driverPackages?: IDriverPackage[] }>>();
});

test('the generated props are the model fields with typed references (the file does not compile otherwise)', () => {
  typeCheck<Same<DriverPackageProps, Omit<Static<typeof DriverPackageSchema>, 'id'>>>();
  typeCheck<Same<OsImageProps, Omit<Static<typeof OsImageSchema>, 'id'>>>();
  typeCheck<Same<BootImageProps, WithReferences<Omit<Static<typeof BootImageSchema>, 'id'>, { driverPackageIds: IDriverPackage[] }>>>();
  typeCheck<Same<Omit<TaskSequenceProps, 'secretsVersion'>, WithReferences<Omit<Static<typeof TaskSequenceSchema>, 'id' | 'steps'>, { bootImageId: IBootImage }>>>();
  type Settings = Omit<Static<typeof ProgramSchema>, 'id' | 'flags' | 'runFirst' | 'name'>;
  typeCheck<Same<Omit<ProgramProps, 'runFirst' | 'forTaskSequence' | 'name'>, WithReferences<Settings, { packageId: IPackage }>>>();
  type Own<P> = Omit<P, keyof StepCommonProps>;
  typeCheck<Same<Own<RunCommandLineProps>, WithReferences<ActionModel<'runCommandLine'>, { packageId: IPackage }>>>();
  typeCheck<Same<Own<CaptureUserStateProps>, WithReferences<ActionModel<'captureUserState'>, { usmtPackageId: IUsmtPackage }>>>();
  typeCheck<Same<Own<ApplyOperatingSystemProps>, WithReferences<ActionModel<'applyOperatingSystem'>, { imagePackageId: IOsImage; installPackageId: IOsInstallPackage; configFilePackageId: IPackage }>>>();
});

test('modelFromProps copies the fields of a props spec, writes references with the writer, and ignores other props', () => {
  const schema = Type.Object({
    id: Type.Optional(Type.String({ readOnly: true })),
    name: Type.String(),
    note: Type.Optional(Type.String()),
    packageId: Type.Optional(reference('package', 'a package')),
    driverPackageIds: Type.Optional(Type.Array(reference('driverPackage', 'driver packages'))),
  });
  const written: string[] = [];
  const value = modelFromProps(
    { name: 'TestProps', doc: '', schema, omit: ['note'], rename: { name: 'title' } },
    { id: 'ignored', title: 'n', note: 'set by the construct', package: 'P', driverPackages: ['D1', 'D2'], extra: true },
    (ref, kind, field) => {
      written.push(`${field}:${kind}`);
      return `ID(${String(ref)})`;
    },
  );
  assert.deepEqual(value, { name: 'n', packageId: 'ID(P)', driverPackageIds: ['ID(D1)', 'ID(D2)'] });
  assert.deepEqual(written, ['package:package', 'driverPackages[0]:driverPackage', 'driverPackages[1]:driverPackage']);
});

test('constructs/generated/props.ts is what `npm run docs` writes from the model now', () => {
  const committed = readFileSync(join(root, 'constructs', 'generated', 'props.ts'), 'utf8');
  assert.ok(committed === renderPropsFile(), 'constructs/generated/props.ts is stale: run `npm run docs`');
});

test('constructs/README.md has the props reference `npm run docs` writes from the model now', () => {
  const readme = readFileSync(join(root, 'constructs', 'README.md'), 'utf8');
  const begin = readme.indexOf(PROPS_BEGIN);
  const end = readme.indexOf(PROPS_END);
  assert.ok(begin >= 0 && end > begin, 'the props reference markers are in constructs/README.md');
  assert.ok(readme.slice(begin, end + PROPS_END.length) === renderPropsReference(), 'the props reference in constructs/README.md is stale: run `npm run docs`');
});

test('a prop carries the model description, its limit and its default as JSDoc', () => {
  const file = renderPropsFile();
  const memberDoc = (iface: string, prop: string) => {
    const body = file.slice(file.indexOf(`export interface ${iface} `));
    const at = body.indexOf(`  readonly ${prop}`);
    return body.slice(body.lastIndexOf('/**', at), at);
  };
  assert.match(memberDoc('PackageProps', 'name'), /Name shown in the console \(≤ 50 characters\)\./);
  assert.match(memberDoc('RunCommandLineProps', 'commandLine'), /The command line\. 1 to 32000 characters\./);
  assert.match(memberDoc('RunCommandLineProps', 'successCodes'), /@default \[0, 3010\]/);
  assert.match(memberDoc('StepCommonProps', 'enabled'), /@default true/);
  assert.match(memberDoc('ApplyNetworkSettingsProps', 'joinPassword'), /A secret: pass a sensitive `TerraformVariable`'s value/);
  assert.match(memberDoc('ProgramOptions', 'name'), /It cannot change once the object exists: a change replaces the object\.\n\s*\* @default the construct id/);
  assert.match(memberDoc('ProgramOptions', 'runWhen'), /@default `'whetherOrNotUserLoggedOn'` while `forTaskSequence` is true/);
  assert.match(memberDoc('SetupWindowsAndConfigMgrProps', 'clientPackage'), /A construct of this library, or a reference to an existing object/);
  assert.match(file, /readonly clientPackage: IClientPackage;/);
  assert.match(file, /export interface DriverPackageDriver \{[\s\S]*?Whether the driver is signed\.\n\s*\* @default true\n\s*\*\/\n\s*readonly signed\?: boolean;/);
});
