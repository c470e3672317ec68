/**
 * R6 follows the environment: where each step of a task sequence runs, Windows PE or the full
 * operating system, and whether the disk has been written since the last restart into Windows PE.
 *
 * Each action has a place it can run (`STEP_ENVIRONMENTS`: Windows PE only, the full OS only, or
 * either) and may move the sequence (Restart Computer; Setup Windows and ConfigMgr finishes in the
 * new Windows; Prepare Windows for Capture restarts into the boot image). The check walks the
 * steps in order keeping every place the sequence may be in, and judges each step against all of
 * them ("conservatively"):
 *
 * - A step that does not run (disabled, or in a disabled group) is not judged and changes nothing.
 * - A condition on a step, or on a group around it, may keep it from running. A step under a
 *   condition changes the places it runs in and keeps the others as they were, so a conditional
 *   Restart Computer leaves the sequence in either place. The one condition the check reads is
 *   `_SMSTSInWinPE` (`equals "true"` or `"false"`, or `notEquals`; `Condition.inWindowsPe()`): the
 *   step then runs only in that environment, and is judged only there.
 * - A hardware step (R6) is accepted only when every place it may run in is Windows PE with no
 *   Partition Disk, Apply Operating System, Apply Data Image or Convert Disk since the last restart
 *   into Windows PE; one whose condition lets it run only in Windows PE while the sequence is in the
 *   full OS is refused too: it would never run.
 * - A step that runs in only one environment is refused in any place of the other one.
 *
 * ConfigMgr does not record where a sequence starts (PXE or boot media start it in Windows PE; a
 * deployment to a running computer in the full OS). The model infers it from the first step that
 * runs in one environment only, looking no further than the first step that moves the sequence:
 * a hardware step counts as Windows PE, a step whose condition names `_SMSTSInWinPE` does not
 * count (it is written for either start). With no such step the sequence may start in either.
 */
import { error, field, msg, step, type Issue, type MessagePart, type Path } from './issues';
import type { Condition } from './conditions';
import { actionOf, type ActionName, type Step, type TaskSequence } from './task-sequence';

export type Environment = 'windowsPe' | 'fullOs';

/** Where a step can run and what it does to the place the sequence is in. */
export interface StepEnvironment {
  /** Where the step can run, and why when it is narrower than its kind (a command run as a user). */
  runsIn(action: Record<string, unknown>): { readonly env: Environment | 'either'; readonly because?: string };
  /** Where the sequence is after the step, when the step moves it. */
  leavesIn?(action: Record<string, unknown>): Environment;
  /** The step moves the sequence into Windows PE by starting the task sequence's boot image. */
  startsBootImage?(action: Record<string, unknown>): boolean;
  /** The step writes the disk: no hardware step may follow it until a restart into Windows PE (R6). */
  writesDisk?: true;
  /** In words, when a field decides where the step runs or where it leaves the sequence (for docs). */
  readonly note?: string;
}

const anywhere: StepEnvironment = { runsIn: () => ({ env: 'either' }) };
const only = (env: Environment, rest: Omit<StepEnvironment, 'runsIn'> = {}): StepEnvironment => ({ runsIn: () => ({ env }), ...rest });

/** Where each action runs (STEP-CATALOGUE.md §4, "runs in"), and how it moves the sequence. */
export const STEP_ENVIRONMENTS: Record<Exclude<ActionName, 'group'>, StepEnvironment> = {
  runCommandLine: {
    runsIn: (a) => (a.runAsUser === true ? { env: 'fullOs', because: 'it runs as a user, which Windows PE cannot' } : { env: 'either' }),
    note: 'the full OS only with `runAsUser`; a hardware step Windows PE only',
  },
  restartComputer: {
    runsIn: () => ({ env: 'either' }),
    note: 'moves the sequence to its `target`',
    leavesIn: (a) => (a.target === 'windowsPe' ? 'windowsPe' : 'fullOs'),
    startsBootImage: (a) => a.target === 'windowsPe',
  },
  setTaskSequenceVariable: anywhere,
  joinDomainOrWorkgroup: only('fullOs'),
  connectNetworkFolder: anywhere,
  installSoftware: only('fullOs'),
  installSoftwareUpdates: only('fullOs'),
  partitionDisk: only('windowsPe', { writesDisk: true }),
  convertDiskToDynamic: { ...anywhere, writesDisk: true },
  enableBitLocker: only('fullOs'),
  disableBitLocker: only('fullOs'),
  requestStateStore: anywhere,
  captureUserState: {
    runsIn: (a) => (a.offline === true ? { env: 'windowsPe', because: 'it captures offline' } : { env: 'fullOs' }),
    note: 'Windows PE with `offline`',
  },
  restoreUserState: only('fullOs'),
  releaseStateStore: only('fullOs'),
  applyOperatingSystem: only('windowsPe', { writesDisk: true }),
  applyDataImage: only('windowsPe', { writesDisk: true }),
  setupWindowsAndConfigMgr: only('windowsPe', { leavesIn: () => 'fullOs' }),
  installDeploymentTools: only('fullOs'),
  prepareConfigMgrClientForCapture: only('fullOs'),
  prepareWindowsForCapture: only('fullOs', { leavesIn: () => 'windowsPe', startsBootImage: () => true }),
  captureOperatingSystemImage: only('windowsPe'),
  autoApplyDrivers: only('windowsPe'),
  applyDriverPackage: only('windowsPe'),
  captureNetworkSettings: only('fullOs'),
  captureWindowsSettings: anywhere,
  applyNetworkSettings: only('windowsPe'),
  applyWindowsSettings: only('windowsPe'),
};

/** A step a finding names, with its action. */
interface StepRef {
  readonly index: number;
  readonly name: string;
  readonly action: ActionName;
}

/** One place the sequence may be in at a point, and how it got there (for messages). */
interface Place {
  readonly env: Environment;
  /** The first step that wrote the disk since the last restart into Windows PE (hardware steps belong before it). */
  readonly disk?: StepRef;
  /** The step that brought the sequence here; absent: it started here. */
  readonly since?: StepRef;
  /** At the start: the step the start was inferred from; absent: the start is not known. */
  readonly startedBy?: StepRef;
  /** A later step that would have moved the sequence from here, but runs only under a condition. */
  readonly skippedBy?: StepRef;
}

const ENV_NAME: Record<Environment, string> = { windowsPe: 'Windows PE', fullOs: 'the full OS' };

/** The environment `condition` requires (`never` when it requires both), and whether it tests nothing else. */
function requiredEnvironment(condition: Condition): { env?: Environment | 'never'; alone: boolean } {
  const v = condition.variable;
  if (v && v.name.toLowerCase() === '_smstsinwinpe' && (v.operator === 'equals' || v.operator === 'notEquals')) {
    const value = (v.value ?? '').trim().toLowerCase();
    if (value === 'true' || value === 'false') {
      const inPe = (value === 'true') === (v.operator === 'equals');
      return { env: inPe ? 'windowsPe' : 'fullOs', alone: true };
    }
  }
  const members = condition.conditions ?? [];
  if (members.length === 0) return { alone: false };
  const each = members.map(requiredEnvironment);
  const alone = each.every((r) => r.alone);
  if ((condition.match ?? 'all') === 'all') return { env: combine(each.map((r) => r.env)), alone };
  if (condition.match === 'any') {
    const envs = new Set(each.map((r) => r.env));
    return envs.size === 1 && !envs.has(undefined) ? { env: each[0].env, alone } : { alone: false };
  }
  // `none` of one environment test is the other environment.
  if (members.length === 1 && each[0].alone && (each[0].env === 'windowsPe' || each[0].env === 'fullOs')) {
    return { env: each[0].env === 'windowsPe' ? 'fullOs' : 'windowsPe', alone: true };
  }
  return { alone: false };
}

/** What several conditions that must all hold require together. */
function combine(envs: (Environment | 'never' | undefined)[]): Environment | 'never' | undefined {
  const set = new Set(envs.filter((e) => e !== undefined));
  if (set.size === 0) return undefined;
  return set.size === 1 ? [...set][0] : 'never';
}

/** For each step, the indexes of the groups around it, innermost first (the list is the group tree in document order). */
function enclosingGroups(steps: readonly Step[]): number[][] {
  const open: number[] = [];
  return steps.map((s, i) => {
    if (s.inGroup === undefined) open.length = 0;
    else {
      const at = open.map((g) => steps[g].name).lastIndexOf(s.inGroup);
      open.length = at + 1;
    }
    const around = [...open].reverse();
    if (s.group) open.push(i);
    return around;
  });
}

/** The R6 environment findings for `ts` (hardware steps, steps bound to one environment, restarts into the boot image). */
export function environmentIssues(ts: TaskSequence): Issue[] {
  const steps = ts.steps;
  const groups = enclosingGroups(steps);
  const runs = (i: number) => steps[i].enabled !== false && groups[i].every((g) => steps[g].enabled !== false);
  const conditionsOf = (i: number) => [steps[i].condition, ...groups[i].map((g) => steps[g].condition)].filter((c): c is Condition => c !== undefined);
  const required = (i: number) => {
    const conditions = conditionsOf(i);
    const each = conditions.map(requiredEnvironment);
    return { env: combine(each.map((r) => r.env)), conditional: conditions.length > 0, alone: each.every((r) => r.alone) };
  };

  const issues: Issue[] = [];
  let places = startPlaces(steps, runs, required);
  steps.forEach((s, i) => {
    const action = actionOf(s);
    if (!action || action === 'group' || !runs(i)) return;
    const fields = s[action] as Record<string, unknown>;
    const env = STEP_ENVIRONMENTS[action];
    const ref: StepRef = { index: i, name: s.name, action };
    const need = required(i);
    const running = need.env === undefined ? places : places.filter((p) => p.env === need.env);

    if (action === 'runCommandLine' && s.runCommandLine?.hardware) issues.push(...hardwareIssues(ref, s.runCommandLine.hardware, places, running, need.env));
    else issues.push(...placementIssues(ref, env.runsIn(fields), running));
    if (env.startsBootImage?.(fields) && ts.bootImageId === undefined) {
      const at: Path = ['steps', i, action];
      issues.push(
        error(at, 'R6', msg`${step(i, s.name)} restarts into Windows PE, which starts the task sequence's boot image, but the sequence has none; set ${field(['bootImageId'])}`),
      );
    }

    const moved = running.map((p) => move(p, ref, env, fields));
    const changes = env.leavesIn !== undefined || env.writesDisk === true;
    if (!need.conditional) places = moved;
    else {
      // Where the condition lets the step run it may still not run (unless the condition is only the environment).
      const untouched = places.filter((p) => !running.includes(p) || !need.alone).map((p) => (changes && running.includes(p) ? { ...p, skippedBy: ref } : p));
      places = distinct([...untouched, ...moved]);
    }
  });
  return issues;
}

/** Where the sequence may start (see the file comment). */
function startPlaces(steps: readonly Step[], runs: (i: number) => boolean, required: (i: number) => { env?: Environment | 'never' }): Place[] {
  for (let i = 0; i < steps.length; i++) {
    const action = actionOf(steps[i]);
    if (!action || action === 'group' || !runs(i)) continue;
    const env = STEP_ENVIRONMENTS[action];
    const fields = steps[i][action] as Record<string, unknown>;
    if (required(i).env === undefined) {
      const bound = steps[i].runCommandLine?.hardware ? 'windowsPe' : env.runsIn(fields).env;
      if (bound !== 'either') return [{ env: bound, startedBy: { index: i, name: steps[i].name, action } }];
    }
    if (env.leavesIn) break;
  }
  return [{ env: 'windowsPe' }, { env: 'fullOs' }];
}

/** The place after `ref` ran in `p`. */
function move(p: Place, ref: StepRef, env: StepEnvironment, fields: Record<string, unknown>): Place {
  const to = env.leavesIn?.(fields);
  // Only a restart into Windows PE starts afresh: in the installed OS the disk stays written.
  if (to !== undefined) return { env: to, since: ref, ...(to === 'fullOs' && p.disk ? { disk: p.disk } : {}) };
  if (env.writesDisk) return { ...p, disk: p.disk ?? ref, skippedBy: undefined };
  return p;
}

/** Places that differ in what a check reads: the environment and the disk. */
function distinct(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.env}|${p.disk?.index ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Why the sequence is (or may be) in `p` at this point, as words. */
function where(p: Place, certain: boolean): MessagePart[] {
  const is = certain ? 'is' : 'may be';
  let text: MessagePart[];
  if (p.since) text = msg`the sequence ${is} in ${ENV_NAME[p.env]} here, after ${step(p.since.index, p.since.name)} (${p.since.action})`;
  else if (p.startedBy) {
    text = msg`the sequence starts in ${ENV_NAME[p.env]} (its first step that runs in one environment only, ${step(p.startedBy.index, p.startedBy.name)}, runs there)`;
  } else text = msg`the sequence may start in ${ENV_NAME[p.env]} (no earlier step runs in one environment only)`;
  if (p.skippedBy) text.push(...msg`, unless ${step(p.skippedBy.index, p.skippedBy.name)} runs, which has a condition`);
  return text;
}

const RESTART_INTO_PE = 'restart into Windows PE first (a Restart Computer step with target "windowsPe" before it)';

function hardwareIssues(ref: StepRef, kind: string, places: Place[], running: Place[], need: Environment | 'never' | undefined): Issue[] {
  const at: Path = ['steps', ref.index, 'runCommandLine', 'hardware'];
  const label = msg`hardware ${step(ref.index, ref.name)} (${kind})`;
  if (running.length === 0) {
    if (need === 'windowsPe' && places.length > 0) {
      return [error(at, 'R6', [...label, ...msg` runs only in Windows PE by its condition, but `, ...where(places[0], true), `, so it would never run; ${RESTART_INTO_PE}`])];
    }
    return [error(at, 'R6', [...label, ...msg` never runs in Windows PE by its condition; hardware steps run in Windows PE, before the disk is partitioned`])];
  }
  const issues: Issue[] = [];
  const fullOs = running.find((p) => p.env === 'fullOs');
  if (fullOs) {
    const certain = running.every((p) => p.env === 'fullOs');
    issues.push(error(at, 'R6', [...label, ...msg` would run in the full OS: `, ...where(fullOs, certain), `; hardware steps run in Windows PE, so ${RESTART_INTO_PE}`]));
  }
  const written = running.find((p) => p.disk);
  if (written?.disk) {
    const d = written.disk;
    issues.push(
      error(at, 'R6', [
        ...label,
        ...msg` comes after ${step(d.index, d.name)} (${d.action}); it must run before the disk is partitioned and the OS applied (or after a restart into Windows PE)`,
      ]),
    );
  }
  return issues;
}

function placementIssues(ref: StepRef, runsIn: { env: Environment | 'either'; because?: string }, running: Place[]): Issue[] {
  if (runsIn.env === 'either') return [];
  const wrong = running.find((p) => p.env !== runsIn.env);
  if (!wrong) return [];
  const certain = running.every((p) => p.env !== runsIn.env);
  const at: Path = ['steps', ref.index, ref.action];
  const why = runsIn.because ? ` (${runsIn.because})` : '';
  const fix =
    runsIn.env === 'windowsPe'
      ? RESTART_INTO_PE
      : 'put it after Setup Windows and ConfigMgr, or restart into the installed OS first (a Restart Computer step with target "installedOs" before it)';
  return [error(at, 'R6', [...msg`${step(ref.index, ref.name)} (${ref.action}) runs only in ${ENV_NAME[runsIn.env]}${why}, but `, ...where(wrong, certain), `; ${fix}`])];
}
