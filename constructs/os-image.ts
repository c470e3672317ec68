/**
 * An operating system image (`SMS_ImagePackage`): a captured `.wim`.
 *
 * What an image contains is fixed when it is captured (R7): every preinstalled application must
 * survive Sysprep generalisation, and changing the contents means capturing a new image with a
 * new version. Properties baked into an image multiply images (R8): each distinct set needs its
 * own. Both are checked or advised at synth.
 */
import type { Construct } from 'constructs';
import { KINDS } from '../lib/model';
import type { OsImageProps } from './generated/props';
import { OsdObject } from './osd-object';
import { OS_IMAGE_PROPS } from './props-spec';
import type { IOsImage } from './references';
import { importPackage } from './imported-package';
import { ModelRegistry } from './registry';

/** Fields that tell people which image it is, not what it contains. */
const IDENTITY_FIELDS = new Set(['name', 'version', 'description', 'sourcePath', 'bakedProperties']);

/** A captured operating system image (`.wim`), applied by Apply Operating System steps. */
export class OsImage extends OsdObject implements IOsImage {
  static readonly tfResourceType: string = KINDS.osImage.terraformType;

  /** A reference to an OS image that exists on the server (e.g. `'CM100020'`). */
  static fromPackageId(scope: Construct, id: string, packageId: string): IOsImage {
    return importPackage<IOsImage>(scope, id, 'osImage', 'OS image', packageId, { osImageId: packageId });
  }

  /** The image package ID, a token until the image exists. */
  readonly osImageId: string;
  private readonly props: OsImageProps;

  constructor(scope: Construct, id: string, props: OsImageProps) {
    super(scope, id, { kind: 'osImage', props, specs: [OS_IMAGE_PROPS] });
    this.props = props;
    this.osImageId = this.objectId;
  }

  /** R8 across images: images that differ only by their baked-in properties (the model advises on each image alone). */
  protected override advice(): string[] {
    const twin = this.props.bakedProperties !== undefined ? this.earlierImageDifferingOnlyByBakedProperties() : undefined;
    return twin
      ? [
          `R8: this image and ${twin.node.path} differ only by their baked-in properties. Consider one image without them, and the properties on each deployment's Setup Windows and ConfigMgr step: one image to capture and maintain, slightly longer deployments`,
        ]
      : [];
  }

  /** An image constructed before this one whose content is the same apart from bakedProperties. */
  private earlierImageDifferingOnlyByBakedProperties(): OsImage | undefined {
    const content = contentKey(this.props);
    const images = ModelRegistry.of(this).localsOf('osImage') as OsImage[];
    return images
      .slice(0, images.indexOf(this))
      .find((other) => other.props.bakedProperties !== undefined && other.props.bakedProperties !== this.props.bakedProperties && contentKey(other.props) === content);
  }
}

/** What an image contains, as a canonical string: every field except those that only identify it. */
function contentKey(props: OsImageProps): string {
  const entries = Object.entries(props)
    .filter(([field, value]) => !IDENTITY_FIELDS.has(field) && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
