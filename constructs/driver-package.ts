/** A driver package and the drivers it carries. */
import type { Construct } from 'constructs';
import type { Static } from '@sinclair/typebox';
import { DriverPackageSchema } from '../lib/model';
import { modelFromProps, type IdWriter, type Simplify } from './model-props';
import { OsdObject } from './osd-object';
import { type IDriverPackage } from './references';
import { importPackage } from './imported-package';

/** Props of a `DriverPackage`: the model's fields (the ID is the server's). */
export type DriverPackageProps = Simplify<Omit<Static<typeof DriverPackageSchema>, 'id'>>;

/**
 * A package of device drivers. Apply Driver Package steps install it; a boot image names it to
 * carry its storage and network drivers into Windows PE.
 */
export class DriverPackage extends OsdObject implements IDriverPackage {
  /** A reference to a driver package that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): IDriverPackage {
    return importPackage<IDriverPackage>(scope, id, 'driverPackage', 'driver package', packageId, { driverPackageId: packageId });
  }

  /** The driver package ID, a token until it exists. */
  readonly driverPackageId: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: DriverPackageProps,
  ) {
    super(scope, id, 'driverPackage');
    this.driverPackageId = this.objectId;
    this.assertWellFormed();
  }

  modelInput(ids: IdWriter): Record<string, unknown> {
    return modelFromProps(DriverPackageSchema, this.props, ids);
  }
}
