/**
 * Image steps: Apply Operating System, Apply Data Image, Setup Windows and ConfigMgr, Install
 * Deployment Tools, Prepare ConfigMgr Client for Capture, Prepare Windows for Capture, Capture
 * Operating System Image.
 */
import type { ApplyDataImageProps, ApplyOperatingSystemProps, CaptureOperatingSystemImageProps, InstallDeploymentToolsProps, PrepareConfigMgrClientForCaptureProps, PrepareWindowsForCaptureProps, SetupWindowsAndConfigMgrProps } from './generated/props';
import { ActionStep } from './steps';

/**
 * Apply Operating System (Windows PE): a captured image (`imagePackage`), or an edition of setup
 * files (`installPackage`), optionally with an answer file from `configFilePackage`.
 */
export class ApplyOperatingSystem extends ActionStep<'applyOperatingSystem'> {
  constructor(props: ApplyOperatingSystemProps) {
    super('applyOperatingSystem', props);
  }
}

/** Apply Data Image (Windows PE): copies an image of `imagePackage` to a partition, as data. */
export class ApplyDataImage extends ActionStep<'applyDataImage'> {
  constructor(props: ApplyDataImageProps) {
    super('applyDataImage', props);
  }
}

/**
 * Setup Windows and ConfigMgr (Windows PE): runs Windows setup and installs the ConfigMgr client
 * from `clientPackage` (R3), with its installation properties (`SMSSITECODE=… FSP=… DNSSUFFIX=…`);
 * the sequence goes on in the new Windows.
 */
export class SetupWindowsAndConfigMgr extends ActionStep<'setupWindowsAndConfigMgr'> {
  constructor(props: SetupWindowsAndConfigMgrProps) {
    super('setupWindowsAndConfigMgr', props);
  }
}

/** Install Deployment Tools (full OS): Sysprep and the deployment tools from `sysprepPackage`, before Prepare Windows for Capture. */
export class InstallDeploymentTools extends ActionStep<'installDeploymentTools'> {
  constructor(props: InstallDeploymentToolsProps) {
    super('installDeploymentTools', props);
  }
}

/** Prepare ConfigMgr Client for Capture (full OS): removes the ConfigMgr client from the reference computer. */
export class PrepareConfigMgrClientForCapture extends ActionStep<'prepareConfigMgrClientForCapture'> {
  constructor(props: PrepareConfigMgrClientForCaptureProps = {}) {
    super('prepareConfigMgrClientForCapture', props);
  }
}

/** Prepare Windows for Capture (full OS): Sysprep, then a restart into the boot image for Capture Operating System Image. */
export class PrepareWindowsForCapture extends ActionStep<'prepareWindowsForCapture'> {
  constructor(props: PrepareWindowsForCaptureProps = {}) {
    super('prepareWindowsForCapture', props);
  }
}

/**
 * Capture Operating System Image (Windows PE): writes the reference computer to a `.wim` on a
 * share, the end of a build-and-capture sequence. `capturePassword` is a secret.
 */
export class CaptureOperatingSystemImage extends ActionStep<'captureOperatingSystemImage'> {
  constructor(props: CaptureOperatingSystemImageProps) {
    super('captureOperatingSystemImage', props);
  }
}
