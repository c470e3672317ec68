/**
 * A Windows PE boot image: what a task sequence starts in. For server hardware steps (R6) it
 * carries the storage and network drivers, and may include the vendor tools themselves: simpler
 * to reference than a tools package, but every tool update then means rebuilding the boot image.
 */
import type { Construct } from 'constructs';
import type { Static } from '@sinclair/typebox';
import { BootImageSchema } from '../lib/model';
import { modelFromProps, type IdWriter, type WithReferences } from './model-props';
import { OsdObject } from './osd-object';
import { type IBootImage, type IDriverPackage } from './references';
import { importPackage } from './imported-package';

/**
 * Props of a `BootImage`: the model's boot image fields, with `driverPackages` (references) in
 * place of driver package IDs.
 */
export type BootImageProps = WithReferences<Omit<Static<typeof BootImageSchema>, 'id'>, { driverPackageIds: IDriverPackage[] }>;

/** A Windows PE boot image (x86 or x64). */
export class BootImage extends OsdObject implements IBootImage {
  /** A reference to a boot image that exists on the server (its tools, if any, are unknown at synth). */
  static fromPackageId(scope: Construct, id: string, packageId: string): IBootImage {
    return importPackage<IBootImage>(scope, id, 'bootImage', 'boot image', packageId, { bootImageId: packageId });
  }

  /** The boot image package ID, a token until it exists. */
  readonly bootImageId: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: BootImageProps,
  ) {
    super(scope, id, 'bootImage');
    this.bootImageId = this.objectId;
    this.assertWellFormed();
  }

  modelInput(ids: IdWriter): Record<string, unknown> {
    return modelFromProps(BootImageSchema, this.props, ids);
  }
}
