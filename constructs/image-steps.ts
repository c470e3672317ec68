/**
 * Image steps: Apply Operating System, Apply Data Image, Setup Windows and ConfigMgr, Install
 * Deployment Tools, Prepare ConfigMgr Client for Capture, Prepare Windows for Capture, Capture
 * Operating System Image.
 */
import type { IdWriter, Simplify } from './model-props';
import type { IClientPackage, IOsImage, IOsInstallPackage, IPackage } from './references';
import { ActionStep, type StepProps } from './steps';

/**
 * Apply Operating System (Windows PE): a captured image (`imagePackage`), or an edition of setup
 * files (`installPackage`), optionally with an answer file from `configFilePackage`.
 */
export class ApplyOperatingSystem extends ActionStep<'applyOperatingSystem'> {
  constructor(props: StepProps<'applyOperatingSystem', { imagePackageId: IOsImage; installPackageId: IOsInstallPackage; configFilePackageId: IPackage }>) {
    super('applyOperatingSystem', props);
  }
}

/** Apply Data Image (Windows PE): copies an image of `imagePackage` to a partition, as data. */
export class ApplyDataImage extends ActionStep<'applyDataImage'> {
  constructor(props: StepProps<'applyDataImage', { imagePackageId: IOsImage }>) {
    super('applyDataImage', props);
  }
}

/**
 * Setup Windows and ConfigMgr (Windows PE): runs Windows setup and installs the ConfigMgr client
 * from `clientPackage` (R3), with its installation properties (`SMSSITECODE=… FSP=… DNSSUFFIX=…`);
 * the sequence goes on in the new Windows.
 */
export class SetupWindowsAndConfigMgr extends ActionStep<'setupWindowsAndConfigMgr'> {
  constructor(props: StepProps<'setupWindowsAndConfigMgr', { clientPackageId: IClientPackage; preProductionClientPackageId: IClientPackage }>) {
    super('setupWindowsAndConfigMgr', props);
  }
}

/** Install Deployment Tools (full OS): Sysprep and the deployment tools from `sysprepPackage`, before Prepare Windows for Capture. */
export class InstallDeploymentTools extends ActionStep<'installDeploymentTools'> {
  constructor(props: StepProps<'installDeploymentTools', { sysprepPackageId: IPackage }>) {
    super('installDeploymentTools', props);
  }
}

/** Prepare ConfigMgr Client for Capture (full OS): removes the ConfigMgr client from the reference computer. */
export class PrepareConfigMgrClientForCapture extends ActionStep<'prepareConfigMgrClientForCapture'> {
  constructor(props: StepProps<'prepareConfigMgrClientForCapture'> = {}) {
    super('prepareConfigMgrClientForCapture', props);
  }
}

/** Prepare Windows for Capture (full OS): Sysprep, then a restart into the boot image for Capture Operating System Image. */
export class PrepareWindowsForCapture extends ActionStep<'prepareWindowsForCapture'> {
  constructor(props: StepProps<'prepareWindowsForCapture'> = {}) {
    super('prepareWindowsForCapture', props);
  }
}

/**
 * Props of `CaptureOperatingSystemImage`. The action's own `description` (recorded in the image)
 * is `imageDescription` here, because `description` is the step's.
 */
export type CaptureOperatingSystemImageProps = Simplify<
  StepProps<'captureOperatingSystemImage'> & {
    /** Description recorded in the captured image. */
    readonly imageDescription?: string;
  }
>;

/**
 * Capture Operating System Image (Windows PE): writes the reference computer to a `.wim` on a
 * share, the end of a build-and-capture sequence. `capturePassword` is a secret.
 */
export class CaptureOperatingSystemImage extends ActionStep<'captureOperatingSystemImage'> {
  private readonly imageDescription?: string;

  constructor(props: CaptureOperatingSystemImageProps) {
    const { imageDescription, ...rest } = props;
    super('captureOperatingSystemImage', rest);
    this.imageDescription = imageDescription;
  }

  protected override actionModel(ids: IdWriter): Record<string, unknown> {
    const { description: _stepDescription, ...value } = super.actionModel(ids);
    return this.imageDescription !== undefined ? { ...value, description: this.imageDescription } : value;
  }
}
