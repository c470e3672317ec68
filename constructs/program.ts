/**
 * A program of a package: the command line that installs it (`SMS_Program`).
 */
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import type { Static } from '@sinclair/typebox';
import { ProgramSchema } from '../lib/model';
import { modelFromProps, type IdWriter, type Simplify, type WithReferences } from './model-props';
import { OsdObject } from './osd-object';
import { expectReference, importedObject, type IPackage, type IProgram } from './references';

type ProgramModel = Static<typeof ProgramSchema>;

/** "Run another program first", with the other program as a reference. Operating system deployment refuses it (R1). */
export type ProgramDependency = Simplify<Omit<NonNullable<ProgramModel['runFirst']>, 'packageId' | 'program'> & { readonly program: IProgram }>;

/**
 * A program's settings, as `Package.addProgram` takes them: the model's program fields, minus the
 * package (implied) and the read-only flags word.
 */
export type ProgramOptions = Simplify<
  Omit<ProgramModel, 'packageId' | 'name' | 'flags' | 'runFirst'> & {
    /**
     * Program name (`ProgramName`, ≤ 50 characters). It cannot change once created.
     * @default the construct id
     */
    readonly name?: string;
    /** Run another program first. Not supported by operating system deployment: a step may not install such a program (R1). */
    readonly runFirst?: ProgramDependency;
  }
>;

/** Props of a `Program`: its settings and the package it belongs to (which may be imported). */
export type ProgramProps = Simplify<ProgramOptions & WithReferences<Pick<ProgramModel, 'packageId'>, { packageId: IPackage }>>;

/**
 * A program of a package. Defaults differ from the ConfigMgr console's on purpose: a program made
 * here is meant to be installed by a task sequence, so it runs with administrative rights whether
 * or not a user is logged on (for the client package: only when no user is logged on, R4).
 */
export class Program extends OsdObject implements IProgram {
  /**
   * A reference to program `name` of `pkg`. When `pkg` is created in this app and has a program of
   * that name, that program is returned; otherwise the program is taken to exist on the server
   * (for a package created in this app that is an error at synth: R2).
   */
  static fromProgram(pkg: IPackage, name: string): IProgram {
    const existing = pkg.node.children.find((c): c is Program => c instanceof Program && c.programName === name);
    if (existing) return existing;
    const childId = `Program-${name.replace(/\//g, '_')}`;
    const imported = pkg.node.tryFindChild(childId);
    if (imported) return imported as unknown as IProgram;
    return importedObject<IProgram>(pkg as unknown as Construct, childId, 'program', `${pkg.packageId}/${name}`, {
      package: pkg,
      programName: name,
      programId: `${pkg.packageId}/${name}`,
    });
  }

  /** The package the program belongs to. */
  readonly package: IPackage;
  /** The program name. */
  readonly programName: string;
  /** The program's ID (`<packageId>/<name>`), a token until it exists. */
  readonly programId: string;
  private readonly props: ProgramProps;

  constructor(scope: Construct, id: string, props: ProgramProps) {
    super(scope, id, 'program');
    expectReference(props.package, 'package', 'package');
    const clientProgram = props.package.role === 'client';
    this.props = {
      ...props,
      // R4 recommends no logged-on user for the client; any other program installed by a task
      // sequence must not need one (installSoftware rule).
      runWhen: props.runWhen ?? (clientProgram ? 'noUserLoggedOn' : 'whetherOrNotUserLoggedOn'),
      adminRights: props.adminRights ?? true,
    };
    this.package = props.package;
    this.programName = props.name ?? id;
    this.programId = this.objectId;
    if (props.runFirst) expectReference(props.runFirst.program, 'program', 'runFirst.program');
    this.assertWellFormed();
  }

  modelInput(ids: IdWriter): Record<string, unknown> {
    const value = modelFromProps(ProgramSchema, this.props, ids);
    value.name = this.programName;
    const dependency = this.props.runFirst;
    if (dependency) {
      value.runFirst = {
        packageId: ids(dependency.program.package, 'package', 'runFirst.program.package'),
        program: dependency.program.programName,
        ...(dependency.always !== undefined ? { always: dependency.always } : {}),
      };
    }
    return value;
  }

  /** The program to run first must exist before this one names it. */
  protected override creationDependencies(): ITerraformDependable[] {
    const first = this.props.runFirst?.program;
    return first instanceof Program ? [first.resource] : [];
  }
}
