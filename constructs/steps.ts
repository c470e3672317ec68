/**
 * Task sequence steps: what every step class has. The classes, one per action of the model
 * (`ACTIONS`), are in one file per ConfigMgr category: general-steps.ts, software-steps.ts,
 * disk-steps.ts, user-state-steps.ts, image-steps.ts, driver-steps.ts, settings-steps.ts (and the
 * hardware steps, hardware-steps.ts).
 *
 * A step is a plain value, not a construct: it becomes one entry of its task sequence's `steps`
 * list, not a Terraform resource of its own. Each class takes the step's common settings (name,
 * description, enabled, continueOnError, condition) and its action's fields, flat, with typed
 * references in place of ID fields (`usmtPackage: IUsmtPackage` for `usmtPackageId`).
 */
import { ACTIONS, actionTitle, type ActionName, type Step as StepModel } from '../lib/model';
import type { Condition } from './conditions';
import { modelFromProps, type ActionModel, type IdWriter, type Simplify, type WithReferences } from './model-props';
import type { IOsdObject } from './references';

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

export { actionTitle };

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
