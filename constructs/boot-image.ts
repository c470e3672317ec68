/**
 * A Windows PE boot image: what a task sequence starts in. For server hardware steps (R6) it
 * carries the storage and network drivers, and may include the vendor tools themselves: simpler
 * to reference than a tools package, but every tool update then means rebuilding the boot image.
 */
import type { Construct } from 'constructs';
import { KINDS } from '../lib/model';
import type { BootImageProps } from './generated/props';
import { OsdObject } from './osd-object';
import { BOOT_IMAGE_PROPS } from './props-spec';
import type { IBootImage } from './references';
import { importPackage } from './imported-package';

/** A Windows PE boot image (x86 or x64). */
export class BootImage extends OsdObject implements IBootImage {
  static readonly tfResourceType: string = KINDS.bootImage.terraformType;

  /** A reference to a boot image that exists on the server (its tools, if any, are unknown at synth). */
  static fromPackageId(scope: Construct, id: string, packageId: string): IBootImage {
    return importPackage<IBootImage>(scope, id, 'bootImage', 'boot image', packageId, { bootImageId: packageId });
  }

  /** The boot image package ID, a token until it exists. */
  readonly bootImageId: string;

  constructor(scope: Construct, id: string, props: BootImageProps) {
    super(scope, id, { kind: 'bootImage', props, specs: [BOOT_IMAGE_PROPS] });
    this.bootImageId = this.objectId;
  }
}
