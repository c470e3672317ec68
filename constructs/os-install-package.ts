/** An operating system install package: the Windows setup files, installed by Apply Operating System. */
import type { Construct } from 'constructs';
import type { Static } from '@sinclair/typebox';
import { OsInstallPackageSchema } from '../lib/model';
import { modelFromProps, type IdWriter, type Simplify } from './model-props';
import { OsdObject } from './osd-object';
import { type IOsInstallPackage } from './references';
import { importPackage } from './imported-package';

/** Props of an `OsInstallPackage`: the model's fields (the ID is the server's). */
export type OsInstallPackageProps = Simplify<Omit<Static<typeof OsInstallPackageSchema>, 'id'>>;

/**
 * Operating system setup files. Apply Operating System installs an edition from them, for
 * example to build the reference computer that is then captured into an `OsImage`.
 */
export class OsInstallPackage extends OsdObject implements IOsInstallPackage {
  /** A reference to an OS install package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IOsInstallPackage {
    return importPackage<IOsInstallPackage>(scope, id, 'osInstallPackage', 'OS install package', packageId, { osInstallPackageId: packageId });
  }

  /** The install package ID, a token until it exists. */
  readonly osInstallPackageId: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OsInstallPackageProps,
  ) {
    super(scope, id, 'osInstallPackage');
    this.osInstallPackageId = this.objectId;
    this.assertWellFormed();
  }

  modelInput(ids: IdWriter): Record<string, unknown> {
    return modelFromProps(OsInstallPackageSchema, this.props, ids);
  }
}
