/**
 * How the review names a step and its action, read from the model so that every step type the
 * model defines is named without a list here: the action's title is its schema's `title`, or the
 * words of its description up to the first `:`, `.` or ` (` ("Run Command Line.", "Apply
 * Operating System (Windows PE): …").
 */
import type { TSchema } from '@sinclair/typebox';
import { ACTIONS, actionOf, isRecord, toTerraformName, type ActionName, type Step } from '../model';
import { fieldsOf } from '../model/walk';
import { isHidden } from './values';

/** The action a group step has; a group is a step whose action is `group`. */
export const GROUP_ACTION = 'group';

export function isGroup(step: Step): boolean {
  return actionOf(step) === GROUP_ACTION;
}

/** The step's name as shown (a name given through a sensitive value is not shown). */
export function stepName(step: Step): string {
  return typeof step.name === 'string' ? step.name : '(sensitive)';
}

const titles = new Map<string, string>();

/** `Run Command Line` for `runCommandLine`; `Group` for a group. */
export function actionTitle(action: ActionName | undefined): string {
  if (action === undefined) return 'Step';
  if (action === GROUP_ACTION) return 'Group';
  let title = titles.get(action);
  if (title === undefined) {
    const schema = ACTIONS[action] as TSchema | undefined;
    title = typeof schema?.title === 'string' ? schema.title : String(schema?.description ?? action).split(/[:.]| \(/)[0].trim() || action;
    titles.set(action, title);
  }
  return title;
}

/** The Terraform attribute of the action (`run_command_line`), as a plan names it. */
export function actionAttribute(action: ActionName | undefined): string | undefined {
  return action === undefined ? undefined : toTerraformName(action);
}

/**
 * The hardware a step configures (`bios`, `raid`, …), if it is a hardware step: an action field
 * that the model ties to R6 (hardware steps run in Windows PE before the disk is touched) and the
 * step sets.
 */
export function hardwareOf(step: Step): string | undefined {
  const action = actionOf(step);
  if (action === undefined) return undefined;
  const settings = (step as Record<string, unknown>)[action];
  if (!isRecord(settings)) return undefined;
  for (const [field, schema] of fieldsOf(ACTIONS[action] as TSchema)) {
    const value = settings[field];
    if ((schema as TSchema & { rule?: string }).rule === 'R6' && value !== undefined && !isHidden(value)) return String(value);
  }
  return undefined;
}
