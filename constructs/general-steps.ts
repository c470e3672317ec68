/** General steps: Run Command Line, Restart Computer, Set Task Sequence Variable, Join Domain or Workgroup, Connect To Network Folder. */
import type { ConnectNetworkFolderProps, JoinDomainOrWorkgroupProps, RestartComputerProps, RunCommandLineProps, SetTaskSequenceVariableProps } from './generated/props';
import { ActionStep } from './steps';

/**
 * Run Command Line: a command, optionally from a package's content. `runAsUser` runs it as
 * `runAsAccount` (full OS only); `runAsPassword` is a secret: pass a sensitive TerraformVariable's value.
 */
export class RunCommandLine extends ActionStep<'runCommandLine'> {
  constructor(props: RunCommandLineProps) {
    super('runCommandLine', props);
  }
}

/**
 * Restart Computer: into the task sequence's boot image (`target: 'windowsPe'`) or the installed
 * operating system (`'installedOs'`); the sequence goes on there. R6 follows it: hardware steps
 * after a restart into Windows PE run there.
 */
export class RestartComputer extends ActionStep<'restartComputer'> {
  constructor(props: RestartComputerProps) {
    super('restartComputer', props);
  }
}

/**
 * Set Task Sequence Variable: one variable to one value. With `hideValue`, the value goes in
 * `hiddenValue`, a secret (write-only, like a password).
 */
export class SetTaskSequenceVariable extends ActionStep<'setTaskSequenceVariable'> {
  constructor(props: SetTaskSequenceVariableProps) {
    super('setTaskSequenceVariable', props);
  }
}

/** Join Domain or Workgroup (full OS): joins the running Windows to a domain or a workgroup. `joinPassword` is a secret. */
export class JoinDomainOrWorkgroup extends ActionStep<'joinDomainOrWorkgroup'> {
  constructor(props: JoinDomainOrWorkgroupProps) {
    super('joinDomainOrWorkgroup', props);
  }
}

/** Connect To Network Folder: maps `\\server\share`, optionally to a drive letter. `accountPassword` is a secret. */
export class ConnectToNetworkFolder extends ActionStep<'connectNetworkFolder'> {
  constructor(props: ConnectNetworkFolderProps) {
    super('connectNetworkFolder', props);
  }
}
