/**
 * Task sequence steps: the base classes. One typed class per action of the model (`ACTIONS`)
 * lives in a file per console category (`general-steps.ts`, `disk-steps.ts`, …).
 *
 * A step is a plain value, not a construct: it becomes one entry of its task sequence's `steps`
 * list, not a Terraform resource of its own. Each class takes the step's common settings (name,
 * description, enabled, continueOnError, condition) and its action's fields, flat, with typed
 * references in place of ID fields (`usmtPackage: IUsmtPackage` for `usmtPackageId`).
 */
import { ACTIONS, type ActionName, type Step as StepModel } from '../lib/model';
import type { StepCommonProps } from './generated/props';
import { modelFromProps, type IdWriter } from './model-props';
import { STEP_COMMON_PROPS, STEP_PROPS } from './props-spec';
import type { IOsdObject } from './references';

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
