/** An operating system install package: the Windows setup files, installed by Apply Operating System. */
import type { Construct } from 'constructs';
import { KINDS } from '../lib/model';
import type { OsInstallPackageProps } from './generated/props';
import { OsdObject } from './osd-object';
import { OS_INSTALL_PACKAGE_PROPS } from './props-spec';
import type { IOsInstallPackage } from './references';
import { importPackage } from './imported-package';

/**
 * Operating system setup files. Apply Operating System installs an edition from them, for
 * example to build the reference computer that is then captured into an `OsImage`.
 */
export class OsInstallPackage extends OsdObject implements IOsInstallPackage {
  static readonly tfResourceType: string = KINDS.osInstallPackage.terraformType;

  /** A reference to an OS install package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IOsInstallPackage {
    return importPackage<IOsInstallPackage>(scope, id, 'osInstallPackage', 'OS install package', packageId, { osInstallPackageId: packageId });
  }

  /** The install package ID, a token until it exists. */
  readonly osInstallPackageId: string;

  constructor(scope: Construct, id: string, props: OsInstallPackageProps) {
    super(scope, id, { kind: 'osInstallPackage', props, specs: [OS_INSTALL_PACKAGE_PROPS] });
    this.osInstallPackageId = this.objectId;
  }
}
