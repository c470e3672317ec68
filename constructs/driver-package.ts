/** A driver package and the drivers it carries. */
import type { Construct } from 'constructs';
import { KINDS } from '../lib/model';
import type { DriverPackageProps } from './generated/props';
import { OsdObject } from './osd-object';
import { DRIVER_PACKAGE_PROPS } from './props-spec';
import type { IDriverPackage } from './references';
import { importPackage } from './imported-package';

/**
 * A package of device drivers. Apply Driver Package steps install it; a boot image names it to
 * carry its storage and network drivers into Windows PE.
 */
export class DriverPackage extends OsdObject implements IDriverPackage {
  static readonly tfResourceType: string = KINDS.driverPackage.terraformType;

  /** A reference to a driver package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IDriverPackage {
    return importPackage<IDriverPackage>(scope, id, 'driverPackage', 'driver package', packageId, { driverPackageId: packageId });
  }

  /** The driver package ID, a token until the package exists. */
  readonly driverPackageId: string;

  constructor(scope: Construct, id: string, props: DriverPackageProps) {
    super(scope, id, { kind: 'driverPackage', props, specs: [DRIVER_PACKAGE_PROPS] });
    this.driverPackageId = this.objectId;
  }
}
