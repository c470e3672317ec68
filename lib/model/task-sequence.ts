/**
 * A task sequence (`SMS_TaskSequencePackage`, PackageType 4): the ordered steps that deploy an
 * operating system.
 *
 * ConfigMgr stores the steps as a tree of groups. Here they are one ordered list in which a group
 * is a step of its own and every step may name the group it belongs to (`inGroup`). The list is the
 * tree in document order, so the same shape serves the API, Terraform (where a plan then names the
 * one step that changed, `steps[4].run_command_line.command_line`) and the constructs.
 *
 * The actions are declared in `steps/`, the conditions in `conditions.ts`, each with how ConfigMgr
 * stores it; the settings every step has are declared here.
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { cm, displayName, reference } from './annotations';
import { ConditionSchema, type Condition } from './conditions';
import { packageIdentityFields } from './package-common';
import { ACTION_NAMES, ACTIONS, type ActionName } from './steps';

export * from './steps';

/** The settings every step and group has (`SMS_TaskSequence_Step`), and where ConfigMgr writes them. */
const STEP_COMMON = {
  name: cm(displayName(100, 'Step or group name (1–100 characters; the console editor takes 50).'), { property: 'Name', attribute: 'name' }),
  description: Type.Optional(
    cm(Type.String({ maxLength: 255, description: 'Description (≤ 255 characters).' }), { property: 'Description', attribute: 'description' }),
  ),
  enabled: Type.Optional(
    cm(Type.Boolean({ default: true, description: 'A disabled step is skipped.' }), { property: 'Enabled', attribute: 'disable', values: { true: 'false', false: 'true' } }),
  ),
  continueOnError: Type.Optional(
    cm(Type.Boolean({ default: false, description: 'Go on with the sequence when the step fails (otherwise the failure goes to its group).' }), {
      property: 'ContinueOnError',
      attribute: 'continueOnError',
    }),
  ),
  inGroup: Type.Optional(
    cm(Type.String({ minLength: 1, maxLength: 100, description: 'Name of the group the step belongs to; the group must come earlier in the list.' }), {
      modelOnly: 'implied',
      how: 'by the <group> element the step is in',
    }),
  ),
  condition: Type.Optional(cm(ConditionSchema, { property: 'Condition', implicitMatch: 'all' })),
};

export const StepSchema = Type.Object(
  {
    ...STEP_COMMON,
    ...Object.fromEntries(ACTION_NAMES.map((name) => [name, Type.Optional(ACTIONS[name])])),
  } as TProperties,
  {
    additionalProperties: false,
    exactlyOneOf: ACTION_NAMES,
    description: 'A step: common settings plus exactly one action (or `group`).',
  },
);

type ActionFields = { [K in ActionName]?: Static<(typeof ACTIONS)[K]> };
export type Step = {
  name: string;
  description?: string;
  enabled?: boolean;
  continueOnError?: boolean;
  inGroup?: string;
  condition?: Condition;
} & ActionFields;

export const TaskSequenceSchema = Type.Object(
  {
    id: packageIdentityFields.id,
    name: packageIdentityFields.name,
    version: packageIdentityFields.version,
    description: packageIdentityFields.description,
    bootImageId: Type.Optional(reference('bootImage', 'The boot image (Windows PE) the sequence starts in, and restarts into.')),
    steps: Type.Array(StepSchema, { maxItems: 1000, description: 'Steps and groups in order; a step names its group in `inGroup`.' }),
  },
  { additionalProperties: false, description: 'An ordered list of deployment steps.' },
);
export type TaskSequence = Omit<Static<typeof TaskSequenceSchema>, 'steps'> & { steps: Step[] };

/** The action a step performs: the one action property it sets. */
export function actionOf(step: Step): ActionName | undefined {
  return ACTION_NAMES.find((name) => step[name] !== undefined);
}
