/** Software steps: Install Software and Install Software Updates. */
import type { IdWriter } from './model-props';
import { expectReference, type IOsdObject, type IProgram } from './references';
import type { InstallSoftwareProps, InstallSoftwareUpdatesProps } from './generated/props';
import { ActionStep } from './steps';

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

/** Install Software Updates (full OS): the software updates deployed to the computer, mandatory ones or all. */
export class InstallSoftwareUpdates extends ActionStep<'installSoftwareUpdates'> {
  constructor(props: InstallSoftwareUpdatesProps = {}) {
    super('installSoftwareUpdates', props);
  }
}
