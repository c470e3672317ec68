/** Settings steps: Capture Network Settings, Capture Windows Settings, Apply Network Settings, Apply Windows Settings. */
import type { ApplyNetworkSettingsProps, ApplyWindowsSettingsProps, CaptureNetworkSettingsProps, CaptureWindowsSettingsProps } from './generated/props';
import { ActionStep } from './steps';

/** Capture Network Settings (full OS): keeps adapter settings and membership for Apply Network Settings. */
export class CaptureNetworkSettings extends ActionStep<'captureNetworkSettings'> {
  constructor(props: CaptureNetworkSettingsProps = {}) {
    super('captureNetworkSettings', props);
  }
}

/** Capture Windows Settings: keeps the computer name, registration and time zone for Apply Windows Settings. */
export class CaptureWindowsSettings extends ActionStep<'captureWindowsSettings'> {
  constructor(props: CaptureWindowsSettingsProps = {}) {
    super('captureWindowsSettings', props);
  }
}

/** Apply Network Settings (Windows PE): domain or workgroup, DNS and per-adapter settings for the new Windows. `joinPassword` is a secret. */
export class ApplyNetworkSettings extends ActionStep<'applyNetworkSettings'> {
  constructor(props: ApplyNetworkSettingsProps = {}) {
    super('applyNetworkSettings', props);
  }
}

/**
 * Apply Windows Settings (Windows PE): registered user and organisation, time zone, languages,
 * computer name, local administrator password. `productKey` and `localAdminPassword` are secrets:
 * pass a sensitive TerraformVariable's value.
 */
export class ApplyWindowsSettings extends ActionStep<'applyWindowsSettings'> {
  constructor(props: ApplyWindowsSettingsProps) {
    super('applyWindowsSettings', props);
  }
}
