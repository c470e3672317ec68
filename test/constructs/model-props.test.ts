import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import { reference } from '../../lib/model';
import { modelFromProps, referencePropName, type WithReferences } from '../../constructs/model-props';
import type { IBootImage, IDriverPackage, IPackage } from '../../constructs';
import type { BootImageProps, TaskSequenceProps } from '../../constructs';

/** Compile-time equality: the test file does not compile when the types differ. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const typeCheck = <T extends true>(): T => true as T;

test('reference fields are renamed by dropping the Id suffix, at run time and in the types', () => {
  assert.equal(referencePropName('packageId'), 'package');
  assert.equal(referencePropName('clientPackageId'), 'clientPackage');
  assert.equal(referencePropName('driverPackageIds'), 'driverPackages');
  assert.equal(referencePropName('name'), 'name');

  type Model = { packageId?: string; bootImageId: string; driverPackageIds?: string[]; name: string };
  type Props = WithReferences<Model, { packageId: IPackage; bootImageId: IBootImage; driverPackageIds: IDriverPackage[] }>;
  typeCheck<Equal<Props, { name: string; bootImage: IBootImage; package?: IPackage; driverPackages?: IDriverPackage[] }>>();
  typeCheck<Equal<TaskSequenceProps['bootImage'], IBootImage | undefined>>();
  typeCheck<Equal<BootImageProps['driverPackages'], IDriverPackage[] | undefined>>();
});

test('modelFromProps copies model fields, writes references with the writer, and ignores other props', () => {
  const schema = Type.Object({
    id: Type.Optional(Type.String({ readOnly: true })),
    name: Type.String(),
    packageId: Type.Optional(reference('package', 'a package')),
    driverPackageIds: Type.Optional(Type.Array(reference('driverPackage', 'driver packages'))),
  });
  const written: string[] = [];
  const value = modelFromProps(
    schema,
    { id: 'ignored', name: 'n', package: 'P', driverPackages: ['D1', 'D2'], extra: true },
    (ref, kind, field) => {
      written.push(`${field}:${kind}`);
      return `ID(${String(ref)})`;
    },
  );
  assert.deepEqual(value, { name: 'n', packageId: 'ID(P)', driverPackageIds: ['ID(D1)', 'ID(D2)'] });
  assert.deepEqual(written, ['package:package', 'driverPackages[0]:driverPackage', 'driverPackages[1]:driverPackage']);
});
