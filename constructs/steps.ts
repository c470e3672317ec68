/**
 * Task sequence steps: one typed class per action of the model (`ACTIONS`).
 *
 * A step is a plain value, not a construct: it becomes one entry of its task sequence's `steps`
 * list, not a Terraform resource of its own. Each class takes the step's common settings (name,
 * description, enabled, continueOnError, condition) and its action's fields, flat, with typed
 * references in place of ID fields (`usmtPackage: IUsmtPackage` for `usmtPackageId`).
 */
import { ACTIONS, type ActionName, type Step as StepModel } from '../lib/model';
import type {
  ApplyDriverPackageProps,
  ApplyNetworkSettingsProps,
  ApplyOperatingSystemProps,
  ApplyWindowsSettingsProps,
  CaptureOperatingSystemImageProps,
  CaptureUserStateProps,
  InstallSoftwareProps,
  PartitionDiskProps,
  PrepareWindowsForCaptureProps,
  ReleaseStateStoreProps,
  RequestStateStoreProps,
  RestoreUserStateProps,
  RunCommandLineProps,
  SetupWindowsAndConfigMgrProps,
  StepCommonProps,
} from './generated/props';
import { modelFromProps, type IdWriter } from './model-props';
import { STEP_COMMON_PROPS, STEP_PROPS } from './props-spec';
import { expectReference, type IOsdObject, type IProgram } from './references';

/** An action a step class performs (a group is not a step class: `addGroup` makes groups). */
export type StepAction = Exclude<ActionName, 'group'>;

/** The action's name as the console shows it, read from the model's description ("Partition Disk (Windows PE)." → "Partition Disk"). */
export function actionTitle(action: ActionName): string {
  return String(ACTIONS[action].description).split(/[(:.]/)[0].trim();
}

/** Anything a task sequence or group can hold. */
export abstract class TaskSequenceStep {
  /** The step name. */
  readonly name: string;

  protected constructor(protected readonly common: StepCommonProps, defaultName: string) {
    this.name = common.name ?? defaultName;
  }

  /** The step in the model's shape, without `inGroup` (the sequence sets it), references written by `ids`. */
  abstract toModel(ids: IdWriter): StepModel;

  /** Objects the step needs to exist although it names them only indirectly (a program, by package and name). */
  dependencies(): IOsdObject[] {
    return [];
  }

  /** The common settings in the model's shape. */
  protected commonModel(ids: IdWriter): StepModel {
    return commonStepModel(this.name, this.common, ids);
  }
}

/** The settings every step and group has, in the model's shape (unset ones left out). */
export function commonStepModel(name: string, settings: StepCommonProps, ids: IdWriter): StepModel {
  const { condition } = settings;
  return {
    ...modelFromProps(STEP_COMMON_PROPS, settings, ids),
    name,
    ...(condition !== undefined ? { condition: condition.toModel() } : {}),
  } as StepModel;
}

/** A step performing action `A`, its fields read from the props by the action's props spec. */
export abstract class ActionStep<A extends StepAction> extends TaskSequenceStep {
  protected constructor(
    /** The model action this step performs. */
    readonly action: A,
    protected readonly props: StepCommonProps,
  ) {
    super(props, actionTitle(action));
  }

  toModel(ids: IdWriter): StepModel {
    return { ...this.commonModel(ids), [this.action]: this.actionModel(ids) };
  }

  /** The action's fields in the model's shape. */
  protected actionModel(ids: IdWriter): Record<string, unknown> {
    return modelFromProps(STEP_PROPS[this.action], this.props, ids);
  }
}

/** Apply Operating System (Windows PE): a captured image (`imagePackage`), or an edition of setup files (`installPackage`). */
export class ApplyOperatingSystem extends ActionStep<'applyOperatingSystem'> {
  constructor(props: ApplyOperatingSystemProps) {
    super('applyOperatingSystem', props);
  }
}

/**
 * Setup Windows and ConfigMgr (Windows PE): runs Windows setup and installs the ConfigMgr client
 * from `clientPackage` (R3), with its installation properties (`SMSSITECODE=… FSP=… DNSSUFFIX=…`).
 */
export class SetupWindowsAndConfigMgr extends ActionStep<'setupWindowsAndConfigMgr'> {
  constructor(props: SetupWindowsAndConfigMgrProps) {
    super('setupWindowsAndConfigMgr', props);
  }
}

/** Run Command Line: a command, optionally from a package's content. */
export class RunCommandLine extends ActionStep<'runCommandLine'> {
  constructor(props: RunCommandLineProps) {
    super('runCommandLine', props);
  }
}

/**
 * Install Software (full OS): one program, or a list of programs given by variables. The program
 * must run without a user, with administrative rights, and not run another program first (R1).
 */
export class InstallSoftware extends ActionStep<'installSoftware'> {
  private readonly program?: IProgram;

  constructor(props: InstallSoftwareProps) {
    super('installSoftware', props);
    if (props.program !== undefined) expectReference(props.program, 'program', 'program');
    this.program = props.program;
  }

  protected override actionModel(ids: IdWriter): Record<string, unknown> {
    const value = super.actionModel(ids);
    if (this.program) {
      value.packageId = ids(this.program.package, 'package', 'program.package');
      value.programName = this.program.programName;
    }
    return value;
  }

  /** The task sequence names the program by package and name only, so it must be created first. */
  override dependencies(): IOsdObject[] {
    return this.program ? [this.program] : [];
  }
}

/** Capture User State (full OS): USMT `scanstate` into the state store, with the tools of `usmtPackage` (R5). */
export class CaptureUserState extends ActionStep<'captureUserState'> {
  constructor(props: CaptureUserStateProps) {
    super('captureUserState', props);
  }
}

/**
 * Restore User State (full OS): USMT `loadstate` from the state store (R5). `localAccountPassword`
 * is a secret: pass a sensitive TerraformVariable's value.
 */
export class RestoreUserState extends ActionStep<'restoreUserState'> {
  constructor(props: RestoreUserStateProps) {
    super('restoreUserState', props);
  }
}

/** Request State Store: a state migration point to capture user state to, or restore it from. */
export class RequestStateStore extends ActionStep<'requestStateStore'> {
  constructor(props: RequestStateStoreProps) {
    super('requestStateStore', props);
  }
}

/** Release State Store: tells the state migration point the stored state may go. */
export class ReleaseStateStore extends ActionStep<'releaseStateStore'> {
  constructor(props: ReleaseStateStoreProps = {}) {
    super('releaseStateStore', props);
  }
}

/** Partition Disk (Windows PE): the partitions of one disk, in order. */
export class PartitionDisk extends ActionStep<'partitionDisk'> {
  constructor(props: PartitionDiskProps) {
    super('partitionDisk', props);
  }
}

/** Apply Driver Package (Windows PE): installs the drivers of `driverPackage`. */
export class ApplyDriverPackage extends ActionStep<'applyDriverPackage'> {
  constructor(props: ApplyDriverPackageProps) {
    super('applyDriverPackage', props);
  }
}

/**
 * Apply Windows Settings: registered user and organisation, time zone, computer name, local
 * administrator password. `productKey` and `localAdminPassword` are secrets: pass a sensitive
 * TerraformVariable's value.
 */
export class ApplyWindowsSettings extends ActionStep<'applyWindowsSettings'> {
  constructor(props: ApplyWindowsSettingsProps) {
    super('applyWindowsSettings', props);
  }
}

/** Apply Network Settings: join a workgroup or a domain. `joinPassword` is a secret. */
export class ApplyNetworkSettings extends ActionStep<'applyNetworkSettings'> {
  constructor(props: ApplyNetworkSettingsProps = {}) {
    super('applyNetworkSettings', props);
  }
}

/** Prepare Windows for Capture (full OS): Sysprep, before Capture Operating System Image. */
export class PrepareWindowsForCapture extends ActionStep<'prepareWindowsForCapture'> {
  constructor(props: PrepareWindowsForCaptureProps = {}) {
    super('prepareWindowsForCapture', props);
  }
}

/**
 * Capture Operating System Image: writes the reference computer to a `.wim` on a share, the end
 * of a build-and-capture sequence. `capturePassword` is a secret.
 */
export class CaptureOperatingSystemImage extends ActionStep<'captureOperatingSystemImage'> {
  constructor(props: CaptureOperatingSystemImageProps) {
    super('captureOperatingSystemImage', props);
  }
}
