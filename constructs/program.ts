/**
 * A program of a package: the command line that installs it (`SMS_Program`).
 */
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { KINDS, installableProgramIssues, objectId, type Issue, type Program as ProgramModel } from '../lib/model';
import type { ProgramDependency, ProgramProps } from './generated/props';
import { modelFromProps, type IdWriter } from './model-props';
import { OsdObject, constructPath } from './osd-object';
import { PROGRAM_DEPENDENCY_PROPS, PROGRAM_OPTIONS, PROGRAM_PROPS } from './props-spec';
import { OSD_REFERENCE, expectReference, referenceOf, type IPackage, type IProgram, type ObjectReference } from './references';
import { ModelRegistry } from './registry';

/**
 * A program of a package. Unless `forTaskSequence` is false, its defaults are those an Install
 * Software step needs (run whether or not a user is logged on, with administrative rights), not
 * the ConfigMgr console's; a program of the client package runs only when no user is logged on (R4).
 */
export class Program extends OsdObject implements IProgram {
  static readonly tfResourceType: string = KINDS.program.terraformType;

  /**
   * A reference, made under `scope` as `id`, to program `name` of `pkg`. When this app gives `pkg`
   * a program of that name (before or after this call), the reference is to that program;
   * otherwise the program is taken to exist on the server (for a package created in this app,
   * that is an error at synth: R2).
   */
  static fromProgram(scope: Construct, id: string, pkg: IPackage, name: string): IProgram {
    expectReference(pkg, 'package', 'pkg', constructPath(scope, id));
    return new ProgramReference(scope, id, pkg, name);
  }

  /** The package the program belongs to. */
  readonly package: IPackage;
  /** The program name. */
  readonly programName: string;
  /** The program's ID (`<packageId>/<name>`), a token until it exists. */
  readonly programId: string;
  /** `forTaskSequence` as the stack gave it: when true, settings a step would refuse are an error. */
  private readonly forTaskSequence?: boolean;
  private readonly runFirstProgram?: IProgram;

  constructor(scope: Construct, id: string, props: ProgramProps) {
    const name = props.name ?? id;
    const where = constructPath(scope, id);
    super(scope, id, {
      kind: 'program',
      props: withIntendedDefaults(props),
      specs: [PROGRAM_OPTIONS, PROGRAM_PROPS],
      more: (ids) => ({ name, ...runFirstModel(props.runFirst, ids, where) }),
    });
    this.package = props.package;
    this.programName = name;
    this.programId = this.objectId;
    this.forTaskSequence = props.forTaskSequence;
    this.runFirstProgram = props.runFirst?.program;
  }

  /** With `forTaskSequence: true` given, what an Install Software step would refuse is an error here already. */
  protected override intentIssues(value: Record<string, unknown>): Issue[] {
    return this.forTaskSequence === true ? installableProgramIssues(value as ProgramModel, [], ['with forTaskSequence set, an Install Software step']) : [];
  }

  /** The program to run first must exist before this one names it. */
  protected override creationDependencies(): ITerraformDependable[] {
    const local = referenceOf(this.runFirstProgram)?.local;
    return local instanceof OsdObject ? [local.resource] : [];
  }
}

/** The props with the defaults of the program's intent: for a task sequence, or for the client package (R4). */
function withIntendedDefaults(props: ProgramProps): ProgramProps {
  const clientProgram = (props.package as Partial<IPackage> | undefined)?.role === 'client';
  if (!clientProgram && props.forTaskSequence === false) return props;
  return {
    ...props,
    runWhen: props.runWhen ?? (clientProgram ? 'noUserLoggedOn' : 'whetherOrNotUserLoggedOn'),
    adminRights: props.adminRights ?? true,
  };
}

/** "Run another program first" in the model's shape: the other program by its package and name. */
function runFirstModel(dependency: ProgramDependency | undefined, ids: IdWriter, where: string): Record<string, unknown> {
  if (!dependency) return {};
  expectReference(dependency.program, 'program', 'runFirst.program', where);
  return {
    runFirst: {
      packageId: ids(dependency.program.package, 'package', 'runFirst.program.package'),
      program: dependency.program.programName,
      ...modelFromProps(PROGRAM_DEPENDENCY_PROPS, dependency, ids),
    },
  };
}

/**
 * A reference to a program by its package and name. It stands for the program of this app with
 * that package and name if there is one (looked up when used, so the order of calls does not
 * matter), else for a program on the server.
 */
class ProgramReference extends Construct implements IProgram {
  readonly package: IPackage;
  readonly programName: string;

  constructor(scope: Construct, id: string, pkg: IPackage, name: string) {
    super(scope, id);
    this.package = pkg;
    this.programName = name;
  }

  get [OSD_REFERENCE](): ObjectReference {
    return this.local()?.[OSD_REFERENCE] ?? { kind: 'program', id: this.serverId() };
  }

  get programId(): string {
    return this.local()?.programId ?? this.serverId();
  }

  private serverId(): string {
    return objectId('program', { packageId: this.package.packageId, name: this.programName });
  }

  private local(): Program | undefined {
    return ModelRegistry.of(this)
      .localsOf('program')
      .find((p): p is Program => p instanceof Program && p.package === this.package && p.programName === this.programName);
  }
}
