/**
 * Every task sequence action of ConfigMgr 2007, by the model's name for it, in the order of the
 * console's categories (General, Software, Disks, User State, Images, Drivers, Settings), and
 * `group`. Each is declared in its category's file with its ConfigMgr class and field mapping.
 */
import { Type } from '@sinclair/typebox';
import { applyDriverPackage, autoApplyDrivers } from './drivers';
import { convertDiskToDynamic, disableBitLocker, enableBitLocker, partitionDisk } from './disks';
import { connectNetworkFolder, joinDomainOrWorkgroup, restartComputer, runCommandLine, setTaskSequenceVariable } from './general';
import {
  applyDataImage,
  applyOperatingSystem,
  captureOperatingSystemImage,
  installDeploymentTools,
  prepareConfigMgrClientForCapture,
  prepareWindowsForCapture,
  setupWindowsAndConfigMgr,
} from './images';
import { applyNetworkSettings, applyWindowsSettings, captureNetworkSettings, captureWindowsSettings } from './settings';
import { installSoftware, installSoftwareUpdates } from './software';
import { captureUserState, releaseStateStore, requestStateStore, restoreUserState } from './user-state';

export { HARDWARE_KINDS, hardwareMarker, type HardwareKind } from './general';
export { DESTINATION_NEEDS } from './images';

/** A group: ConfigMgr's `<group>` (`SMS_TaskSequence_Group`); the steps that name it in `inGroup` follow it. */
const group = Type.Object({}, {
  additionalProperties: false,
  description: 'A group of steps: the steps that name it in `inGroup` follow it.',
  configMgrClass: { type: 'SMS_TaskSequence_Group' },
});

export const ACTIONS = {
  group,
  runCommandLine,
  restartComputer,
  setTaskSequenceVariable,
  joinDomainOrWorkgroup,
  connectNetworkFolder,
  installSoftware,
  installSoftwareUpdates,
  partitionDisk,
  convertDiskToDynamic,
  enableBitLocker,
  disableBitLocker,
  requestStateStore,
  captureUserState,
  restoreUserState,
  releaseStateStore,
  applyOperatingSystem,
  applyDataImage,
  setupWindowsAndConfigMgr,
  installDeploymentTools,
  prepareConfigMgrClientForCapture,
  prepareWindowsForCapture,
  captureOperatingSystemImage,
  autoApplyDrivers,
  applyDriverPackage,
  captureNetworkSettings,
  captureWindowsSettings,
  applyNetworkSettings,
  applyWindowsSettings,
};
export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** An action's name as the console shows it, read from its description ("Partition Disk (Windows PE): …" → "Partition Disk"). */
export function actionTitle(action: ActionName): string {
  return String(ACTIONS[action].description).split(/[(:.]/)[0].trim();
}
