/**
 * A task sequence: the ordered steps that deploy an operating system.
 *
 * Authors build a tree: `addStep` appends a step, `addGroup` a group whose own `addStep` and
 * `addGroup` fill it, to any depth, in any order of calls. The model stores the tree as one list
 * in document order, each member naming its group in `inGroup`; the sequence flattens the tree
 * into that list when it is validated or rendered, so a step added to a group late still lands
 * inside the group.
 */
import type { Construct } from 'constructs';
import { Token, type ITerraformDependable } from 'cdktf';
import { KINDS, TaskSequenceSchema, type Step as StepModel } from '../lib/model';
import { shapeIssues, synthMessage } from './checking';
import type { StepCommonProps, TaskSequenceProps } from './generated/props';
import type { IdWriter, Simplify } from './model-props';
import { OsdObject, constructPath, shapeCheckIds } from './osd-object';
import { TASK_SEQUENCE_PROPS } from './props-spec';
import { referenceOf, type ITaskSequence } from './references';
import { importPackage } from './imported-package';
import { withSecretVersions } from './secret-versions';
import { commonStepModel, type TaskSequenceStep } from './steps';

/** Settings of a group: those of any step, except the name, which `addGroup` takes first. */
export type GroupOptions = Simplify<Omit<StepCommonProps, 'name'>>;

/** Something steps and groups can be added to: a task sequence or a group. */
export interface IStepContainer {
  /** Appends steps, in order. Returns the container, so calls can be chained. */
  addStep(...steps: TaskSequenceStep[]): this;
  /** Appends a group (names are unique within the sequence) and returns it, to add steps to. */
  addGroup(name: string, options?: GroupOptions): StepGroup;
}

type Entry = { readonly step: TaskSequenceStep } | { readonly group: StepGroup };

/** The ordered entries of a task sequence or a group, flattened into the model's list on demand. */
class EntryList {
  private readonly entries: Entry[] = [];

  add(entry: Entry): void {
    this.entries.push(entry);
  }

  /** The entries in document order, members of a group right after it, each naming `inGroup`. */
  flatten(ids: IdWriter, inGroup: string | undefined, out: StepModel[]): StepModel[] {
    for (const entry of this.entries) {
      if ('step' in entry) {
        out.push(withGroup(entry.step.toModel(ids), inGroup));
      } else {
        out.push(withGroup(entry.group.toModel(ids), inGroup));
        entry.group.entries.flatten(ids, entry.group.name, out);
      }
    }
    return out;
  }

  /** Every step, at any depth. */
  steps(): TaskSequenceStep[] {
    return this.entries.flatMap((entry) => ('step' in entry ? [entry.step] : entry.group.entries.steps()));
  }
}

const withGroup = (step: StepModel, inGroup: string | undefined): StepModel => (inGroup === undefined ? step : { ...step, inGroup });

/** A group of steps inside a task sequence (or another group). Create it with `addGroup`. */
export class StepGroup implements IStepContainer {
  /** @internal the group's members */
  readonly entries = new EntryList();

  /** @internal use `TaskSequence.addGroup` or `StepGroup.addGroup` */
  constructor(
    private readonly sequence: TaskSequence,
    /** The group name, unique within the task sequence. */
    readonly name: string,
    private readonly options: GroupOptions,
  ) {}

  /** Appends steps to the group, in order; each is checked at once. Returns the group, for chaining. */
  addStep(...steps: TaskSequenceStep[]): this {
    for (const step of steps) {
      this.sequence.acceptStep(step);
      this.entries.add({ step });
    }
    return this;
  }

  /** Appends a group inside this one (names are unique within the sequence) and returns it. */
  addGroup(name: string, options: GroupOptions = {}): StepGroup {
    const group = this.sequence.acceptGroup(name, options);
    this.entries.add({ group });
    return group;
  }

  /** The group's own entry in the model's shape (`group: {}`), without `inGroup`. */
  toModel(ids: IdWriter): StepModel {
    return { ...commonStepModel(this.name, this.options, ids), group: {} };
  }
}

/**
 * A task sequence (`SMS_TaskSequencePackage`). The objects its steps use are created before it
 * (R2: Terraform orders them by the references); a step that installs a program that runs another
 * program first (R1), a capture without a USMT package (R5) or a hardware step after partitioning
 * (R6) is refused at synth.
 */
export class TaskSequence extends OsdObject implements ITaskSequence, IStepContainer {
  static readonly tfResourceType: string = KINDS.taskSequence.terraformType;

  /** A reference to a task sequence that exists on the server. */
  static fromPackageId(scope: Construct, id: string, packageId: string): ITaskSequence {
    return importPackage<ITaskSequence>(scope, id, 'taskSequence', 'task sequence', packageId, { taskSequenceId: packageId });
  }

  /** The task sequence package ID, a token until it exists. */
  readonly taskSequenceId: string;
  private readonly secretsVersion?: number;
  private readonly root: EntryList;
  private readonly groupNames = new Set<string>();

  constructor(scope: Construct, id: string, props: TaskSequenceProps) {
    const version = props.secretsVersion;
    if (version !== undefined && !Token.isUnresolved(version) && !(Number.isInteger(version) && version >= 0)) {
      throw new Error(`${constructPath(scope, id)}: secretsVersion is ${version}; expected a whole number, 0 or more`);
    }
    const root = new EntryList();
    super(scope, id, { kind: 'taskSequence', props, specs: [TASK_SEQUENCE_PROPS], more: (ids) => ({ steps: root.flatten(ids, undefined, []) }) });
    this.root = root;
    this.secretsVersion = version;
    this.taskSequenceId = this.objectId;
  }

  /** Appends steps at the top level, in order; each is checked at once. Returns the sequence, for chaining. */
  addStep(...steps: TaskSequenceStep[]): this {
    for (const step of steps) {
      this.acceptStep(step);
      this.root.add({ step });
    }
    return this;
  }

  /** Appends a group at the top level (names are unique within the sequence) and returns it, to add steps to. */
  addGroup(name: string, options: GroupOptions = {}): StepGroup {
    const group = this.acceptGroup(name, options);
    this.root.add({ group });
    return group;
  }

  /** Every step of the sequence, at any depth, in order (groups left out). */
  get steps(): readonly TaskSequenceStep[] {
    return this.root.steps();
  }

  /** `<secret>_wo_version` beside every secret, when `secretsVersion` is given. */
  protected override terraformOnlyAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
    const version = this.secretsVersion;
    return version === undefined ? attributes : (withSecretVersions(TaskSequenceSchema, attributes, version) as Record<string, unknown>);
  }

  /** Programs that steps install are named by package and name, so Terraform must be told to create them first. */
  protected override creationDependencies(): ITerraformDependable[] {
    const resources = new Set<ITerraformDependable>();
    for (const step of this.root.steps()) {
      for (const dependency of step.dependencies()) {
        const local = referenceOf(dependency)?.local;
        if (local instanceof OsdObject) resources.add(local.resource);
      }
    }
    return [...resources];
  }

  /** @internal Checks a step's shape at once (with the sequence's path), and notes the change. */
  acceptStep(step: TaskSequenceStep): void {
    this.assertStepWellFormed(step.toModel(shapeCheckIds(`${this.node.path}: step ${JSON.stringify(step.name)}`)));
    this.valueChanged();
  }

  /** @internal Checks a new group (its name must be unique) and creates it. */
  acceptGroup(name: string, options: GroupOptions): StepGroup {
    if (this.groupNames.has(name)) {
      throw new Error(
        `${this.node.path}: a group named ${JSON.stringify(name)} exists already in this task sequence; group names are unique, because steps name their group`,
      );
    }
    const group = new StepGroup(this, name, options);
    this.assertStepWellFormed(group.toModel(shapeCheckIds(`${this.node.path}: group ${JSON.stringify(name)}`)));
    this.groupNames.add(name);
    this.valueChanged();
    return group;
  }

  private assertStepWellFormed(step: StepModel): void {
    const probe = { name: 'shape check', steps: [step] };
    const issues = shapeIssues('taskSequence', probe);
    if (issues.length === 0) return;
    // The probe holds the one step, so the message's own step naming is left out: the line names it first.
    const lines = issues.map((issue) => `${this.node.path}: step ${JSON.stringify(step.name)}: ${synthMessage(issue, { steps: [] })}`);
    throw new Error(lines.join('\n'));
  }
}
