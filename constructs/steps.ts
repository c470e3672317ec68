/**
 * Task sequence steps: one typed class per action of the model (`ACTIONS`).
 *
 * A step is a plain value, not a construct: it becomes one entry of its task sequence's `steps`
 * list, not a Terraform resource of its own. Each class takes the step's common settings (name,
 * description, enabled, continueOnError, condition) and its action's fields, flat, with typed
 * references in place of ID fields (`usmtPackage: IUsmtPackage` for `usmtPackageId`).
 */
import {
  ACTIONS,
  type ActionName,
  type Step as StepModel,
} from '../lib/model';
import type { Condition } from './conditions';
import { modelFromProps, type ActionModel, type IdWriter, type Simplify, type WithReferences } from './model-props';
import {
  expectReference,
  type IClientPackage,
  type IDriverPackage,
  type IOsdObject,
  type IOsImage,
  type IOsInstallPackage,
  type IPackage,
  type IProgram,
  type IUsmtPackage,
} from './references';

/** The settings every step and group has. */
export type StepCommonProps = Simplify<
  Omit<StepModel, ActionName | 'inGroup' | 'condition' | 'name'> & {
    /**
     * Step name (1–100 characters), shown in the console and the logs.
     * @default the action's name, e.g. "Apply Operating System"
     */
    readonly name?: string;
    /** When the step runs. @default always */
    readonly condition?: Condition;
  }
>;

/** The props of the step for action `A`: common settings plus the action's fields, references typed by `R`. */
export type StepProps<A extends ActionName, R extends { [K in keyof R]: unknown } = {}> = Simplify<StepCommonProps & WithReferences<ActionModel<A>, R>>;

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
  protected commonModel(): StepModel {
    return commonStepModel(this.name, this.common);
  }
}

/** The settings every step and group has, in the model's shape (unset ones left out). */
export function commonStepModel(name: string, settings: StepCommonProps): StepModel {
  const { description, enabled, continueOnError, condition } = settings;
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    ...(enabled !== undefined ? { enabled } : {}),
    ...(continueOnError !== undefined ? { continueOnError } : {}),
    ...(condition !== undefined ? { condition: condition.toModel() } : {}),
  };
}

/** A step performing action `A`, its fields read from the props by the model's schema. */
export abstract class ActionStep<A extends Exclude<ActionName, 'group'>> extends TaskSequenceStep {
  protected constructor(
    /** The model action this step performs. */
    readonly action: A,
    protected readonly props: StepCommonProps,
  ) {
    super(props, actionTitle(action));
  }

  toModel(ids: IdWriter): StepModel {
    return { ...this.commonModel(), [this.action]: this.actionModel(ids) };
  }

  /** The action's fields in the model's shape. */
  protected actionModel(ids: IdWriter): Record<string, unknown> {
    return modelFromProps(ACTIONS[this.action], this.props, ids);
  }
}

/** Apply Operating System (Windows PE): a captured image (`imagePackage`), or an edition of setup files (`installPackage`). */
export class ApplyOperatingSystem extends ActionStep<'applyOperatingSystem'> {
  constructor(props: StepProps<'applyOperatingSystem', { imagePackageId: IOsImage; installPackageId: IOsInstallPackage }>) {
    super('applyOperatingSystem', props);
  }
}

/**
 * Setup Windows and ConfigMgr (Windows PE): runs Windows setup and installs the ConfigMgr client
 * from `clientPackage` (R3), with its installation properties (`SMSSITECODE=… FSP=… DNSSUFFIX=…`).
 */
export class SetupWindowsAndConfigMgr extends ActionStep<'setupWindowsAndConfigMgr'> {
  constructor(props: StepProps<'setupWindowsAndConfigMgr', { clientPackageId: IClientPackage }>) {
    super('setupWindowsAndConfigMgr', props);
  }
}

/** Run Command Line: a command, optionally from a package's content. */
export class RunCommandLine extends ActionStep<'runCommandLine'> {
  constructor(props: StepProps<'runCommandLine', { packageId: IPackage }>) {
    super('runCommandLine', props);
  }
}

/** Props of `InstallSoftware`: one `program`, or a `baseVariableName` for a list given by variables. */
export type InstallSoftwareProps = Simplify<
  StepCommonProps &
    Omit<ActionModel<'installSoftware'>, 'packageId' | 'programName'> & {
      /** The program to install. It may not run another program first (R1). */
      readonly program?: IProgram;
    }
>;

/**
 * Install Software (full OS): one program, or a list of programs given by variables. The program
 * must run without a user, with administrative rights, and not run another program first (R1).
 */
export class InstallSoftware extends ActionStep<'installSoftware'> {
  private readonly program?: IProgram;

  constructor(props: InstallSoftwareProps) {
    super('installSoftware', props);
    if (props.program) expectReference(props.program, 'program', 'program');
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
  constructor(props: StepProps<'captureUserState', { usmtPackageId: IUsmtPackage }>) {
    super('captureUserState', props);
  }
}

/**
 * Restore User State (full OS): USMT `loadstate` from the state store (R5). `localAccountPassword`
 * is a secret: pass a sensitive TerraformVariable's value.
 */
export class RestoreUserState extends ActionStep<'restoreUserState'> {
  constructor(props: StepProps<'restoreUserState', { usmtPackageId: IUsmtPackage }>) {
    super('restoreUserState', props);
  }
}

/** Request State Store: a state migration point to capture user state to, or restore it from. */
export class RequestStateStore extends ActionStep<'requestStateStore'> {
  constructor(props: StepProps<'requestStateStore'>) {
    super('requestStateStore', props);
  }
}

/** Release State Store: tells the state migration point the stored state may go. */
export class ReleaseStateStore extends ActionStep<'releaseStateStore'> {
  constructor(props: StepProps<'releaseStateStore'> = {}) {
    super('releaseStateStore', props);
  }
}

/** Partition Disk (Windows PE): the partitions of one disk, in order. */
export class PartitionDisk extends ActionStep<'partitionDisk'> {
  constructor(props: StepProps<'partitionDisk'>) {
    super('partitionDisk', props);
  }
}

/** Apply Driver Package (Windows PE): installs the drivers of `driverPackage`. */
export class ApplyDriverPackage extends ActionStep<'applyDriverPackage'> {
  constructor(props: StepProps<'applyDriverPackage', { driverPackageId: IDriverPackage }>) {
    super('applyDriverPackage', props);
  }
}

/**
 * Apply Windows Settings: registered user and organisation, time zone, computer name, local
 * administrator password. `productKey` and `localAdminPassword` are secrets: pass a sensitive
 * TerraformVariable's value.
 */
export class ApplyWindowsSettings extends ActionStep<'applyWindowsSettings'> {
  constructor(props: StepProps<'applyWindowsSettings'>) {
    super('applyWindowsSettings', props);
  }
}

/** Apply Network Settings: join a workgroup or a domain. `joinPassword` is a secret. */
export class ApplyNetworkSettings extends ActionStep<'applyNetworkSettings'> {
  constructor(props: StepProps<'applyNetworkSettings'> = {}) {
    super('applyNetworkSettings', props);
  }
}

/** Prepare Windows for Capture (full OS): Sysprep, before Capture Operating System Image. */
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
 * Capture Operating System Image: writes the reference computer to a `.wim` on a share, the end
 * of a build-and-capture sequence. `capturePassword` is a secret.
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
