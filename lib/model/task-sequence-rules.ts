/**
 * The rules of a task sequence: the group tree, what each step needs of its own fields and of the
 * objects it names (R1, R3, R5), its conditions, and where it runs (R6, `environment.ts`).
 */
import { checkClientInstallationProperties } from './client-properties';
import { COMPARISON_OPERATORS, type Condition } from './conditions';
import { environmentIssues } from './environment';
import { error, field, msg, object, step, value, type Issue, type MessagePart, type Path } from './issues';
import { KINDS } from './kinds';
import type { Package } from './package';
import type { Program } from './program';
import { UNRESOLVED, type RuleContext } from './rule-context';
import { DESTINATION_NEEDS, hardwareMarker, type Step, type TaskSequence } from './task-sequence';

export function taskSequenceIssues(ts: TaskSequence, ctx: RuleContext): Issue[] {
  const groups = groupIssues(ts.steps);
  return [
    ...groups,
    ...ts.steps.flatMap((s, i) => [...stepIssues(s, i, ctx), ...conditionIssues(s.condition, ['steps', i, 'condition'], i, s.name)]),
    // Where steps run follows the group tree; with a broken tree the groups' findings come first.
    ...(groups.length === 0 ? environmentIssues(ts) : []),
    ...ts.steps.flatMap((s, i) => (s.runCommandLine?.hardware ? hardwareToolIssues(ts, s, i, ctx) : [])),
  ];
}

/** The list must be the group tree in document order: a step follows its group and the group's earlier members. */
function groupIssues(steps: Step[]): Issue[] {
  const issues: Issue[] = [];
  const groups = new Set<string>();
  const open: string[] = [];
  steps.forEach((s, i) => {
    if (s.inGroup !== undefined) {
      const at = open.lastIndexOf(s.inGroup);
      if (at < 0) {
        const why = groups.has(s.inGroup)
          ? msg`group ${value(s.inGroup)} was closed by a step outside it; keep a group's steps together after it`
          : msg`no group named ${value(s.inGroup)} comes before it`;
        const path = ['steps', i, 'inGroup'];
        issues.push(error(path, 'group', [...msg`${field(path)} is ${value(s.inGroup)}, but `, ...why]));
      } else open.length = at + 1;
    } else open.length = 0;
    if (s.group) {
      if (groups.has(s.name)) {
        const path = ['steps', i, 'name'];
        issues.push(error(path, 'unique', msg`${field(path)}: a group named ${value(s.name)} already exists; group names are unique so steps can name their group`));
      }
      groups.add(s.name);
      open.push(s.name);
    }
  });
  return issues;
}

/** `[field] is required <why> (step "name")`. */
function requiredIssue(path: Path, why: string, index: number, name: string): Issue {
  return error(path, 'required', msg`${field(path)} is required ${why} (${step(index, name)})`);
}

/** `[field] is only used <when>; remove it or <how> (step "name")`. */
function unusedIssue(path: Path, when: string, index: number, name: string): Issue {
  return error(path, 'unused', msg`${field(path)} is only used ${when} (${step(index, name)}); remove it, or set what it goes with`);
}

/** Each of `fields` of `action` that is missing (`want` true) or present (`want` false). */
function fieldsWhere(action: Record<string, unknown>, fields: readonly string[], want: 'missing' | 'present'): string[] {
  return fields.filter((f) => (action[f] === undefined) === (want === 'missing'));
}

function stepIssues(s: Step, i: number, ctx: RuleContext): Issue[] {
  const at = (...rest: (string | number)[]): Path => ['steps', i, ...rest];
  const issues: Issue[] = [];
  const required = (action: string, fields: readonly string[], why: string, fieldsOf: Record<string, unknown>) => {
    for (const f of fieldsWhere(fieldsOf, fields, 'missing')) issues.push(requiredIssue(at(action, f), why, i, s.name));
  };
  const unused = (action: string, fields: readonly string[], when: string, fieldsOf: Record<string, unknown>) => {
    for (const f of fieldsWhere(fieldsOf, fields, 'present')) issues.push(unusedIssue(at(action, f), when, i, s.name));
  };

  if (s.runCommandLine) {
    const run = s.runCommandLine;
    if (run.runAsUser) required('runCommandLine', ['runAsAccount', 'runAsPassword'], 'when runAsUser is true', run);
    else unused('runCommandLine', ['runAsAccount', 'runAsPassword'], 'with runAsUser', run);
    if (run.hardware && s.description !== undefined) {
      // ConfigMgr has no property for the marking: it travels at the end of the description.
      const room = 255 - hardwareMarker(run.hardware).length - 1;
      if (s.description.length > room) {
        const path = at('description');
        issues.push(
          error(path, 'maxLength', msg`${field(path)} is ${s.description.length} characters long; a hardware step keeps ${value(hardwareMarker(run.hardware))} after its description in ConfigMgr, which leaves ${room}`),
        );
      }
    }
  }
  if (s.setTaskSequenceVariable) {
    const set = s.setTaskSequenceVariable;
    if (set.hideValue) {
      required('setTaskSequenceVariable', ['hiddenValue'], 'when hideValue is true', set);
      unused('setTaskSequenceVariable', ['value'], 'when hideValue is false (a hidden value goes in hiddenValue)', set);
    } else {
      required('setTaskSequenceVariable', ['value'], 'when hideValue is false', set);
      unused('setTaskSequenceVariable', ['hiddenValue'], 'when hideValue is true', set);
    }
  }
  for (const action of ['joinDomainOrWorkgroup', 'applyNetworkSettings'] as const) {
    const join = s[action];
    if (join?.joinType === 'domain') required(action, ['domain', 'joinAccount', 'joinPassword'], 'to join a domain', join);
    if (action === 'joinDomainOrWorkgroup' && join?.joinType === 'workgroup') required(action, ['workgroup'], 'to join a workgroup', join);
  }
  if (s.installSoftware) {
    const inst = s.installSoftware;
    if (inst.packageId !== undefined && inst.programName === undefined) {
      issues.push(requiredIssue(at('installSoftware', 'programName'), 'when packageId is set', i, s.name));
    }
    if (inst.baseVariableName === undefined) unused('installSoftware', ['continueOnInstallError'], 'with baseVariableName', inst);
    if (inst.packageId !== undefined && inst.programName !== undefined) {
      const program = ctx.resolve('program', KINDS.program.id.fromFields({ packageId: inst.packageId, name: inst.programName }) ?? '');
      if (program && program !== UNRESOLVED) issues.push(...installableProgramIssues(program as Program, at('installSoftware', 'programName'), [step(i, s.name)]));
    }
  }
  if (s.partitionDisk && s.partitionDisk.gptBootDisk && s.partitionDisk.style !== 'gpt') {
    const path = at('partitionDisk', 'gptBootDisk');
    issues.push(error(path, 'gpt', msg`${field(path)} creates an EFI partition, which needs ${field(at('partitionDisk', 'style'))} ${value('gpt')} (${step(i, s.name)})`));
  }
  if (s.enableBitLocker) {
    const bl = s.enableBitLocker;
    if (bl.drive === undefined) required('enableBitLocker', ['keyManagement'], 'for the operating system drive (drive unset)', bl);
    if (bl.keyManagement === 'tpmAndPin') required('enableBitLocker', ['pin'], 'with keyManagement "tpmAndPin"', bl);
    else unused('enableBitLocker', ['pin'], 'with keyManagement "tpmAndPin"', bl);
  }
  if (s.setupWindowsAndConfigMgr?.installationProperties) {
    issues.push(...checkClientInstallationProperties(s.setupWindowsAndConfigMgr.installationProperties, at('setupWindowsAndConfigMgr', 'installationProperties')));
  }
  for (const action of ['applyOperatingSystem', 'applyDataImage'] as const) {
    const apply = s[action];
    if (!apply) continue;
    const destination = apply.destination ?? 'nextAvailablePartition';
    const needs: readonly string[] = destination === 'nextAvailablePartition' ? [] : DESTINATION_NEEDS[destination];
    required(action, needs, `when destination is ${JSON.stringify(destination)}`, apply);
    const others = Object.values(DESTINATION_NEEDS).flat().filter((f) => !needs.includes(f));
    unused(action, others, `with another destination than ${JSON.stringify(destination)}`, apply);
  }
  if (s.applyOperatingSystem) {
    const a = s.applyOperatingSystem;
    if (a.installPackageId !== undefined) required('applyOperatingSystem', ['editionIndex'], 'with installPackageId', a);
    if (a.configFilePackageId !== undefined) required('applyOperatingSystem', ['configFileName'], 'with configFilePackageId', a);
    else unused('applyOperatingSystem', ['configFileName'], 'with configFilePackageId', a);
  }
  if (s.applyDriverPackage) {
    const drivers = s.applyDriverPackage;
    const parts = ['bootCriticalContentId', 'bootCriticalInfFile', 'bootCriticalHardwareComponent', 'bootCriticalModel'];
    if (drivers.bootCriticalDriverId !== undefined) required('applyDriverPackage', parts, 'with bootCriticalDriverId', drivers);
    else unused('applyDriverPackage', parts, 'with bootCriticalDriverId', drivers);
  }
  if (s.applyWindowsSettings) {
    const w = s.applyWindowsSettings;
    if (w.randomLocalAdminPassword === false) required('applyWindowsSettings', ['localAdminPassword'], 'when randomLocalAdminPassword is false', w);
    if (w.computerName !== undefined && !w.computerName.includes('%') && w.computerName.length > 15) {
      const path = at('applyWindowsSettings', 'computerName');
      issues.push(error(path, 'maxLength', msg`${field(path)} is ${value(w.computerName)}, ${w.computerName.length} characters; a computer name has at most 15`));
    }
    if (w.serverLicensing !== 'perServer') unused('applyWindowsSettings', ['serverConnectionLimit'], 'with serverLicensing "perServer"', w);
  }
  if (s.restoreUserState?.restoreLocalAccounts) required('restoreUserState', ['localAccountPassword'], 'when restoreLocalAccounts is true', s.restoreUserState);
  const usmt = s.captureUserState ?? s.restoreUserState;
  if (usmt && usmt.mode === 'advanced' && (usmt.configFiles ?? []).length === 0) {
    const path = at(s.captureUserState ? 'captureUserState' : 'restoreUserState', 'configFiles');
    issues.push(error(path, 'R5', msg`${field(path)} must name the rule files in advanced mode (${step(i, s.name)})`));
  }
  return issues;
}

/** What a condition's tests need beyond their shape: `match` with `conditions`, a value to compare with, operators in pairs. */
function conditionIssues(c: Condition | undefined, path: Path, index: number, name: string): Issue[] {
  if (c === undefined) return [];
  const issues: Issue[] = [];
  const need = (at: Path, why: string) => issues.push(requiredIssue(at, why, index, name));
  const drop = (at: Path, when: string) => issues.push(unusedIssue(at, when, index, name));
  if (c.conditions !== undefined && c.match === undefined) need([...path, 'match'], 'with conditions (all, any or none of them)');
  if (c.conditions === undefined && c.match !== undefined) drop([...path, 'match'], 'with conditions');
  const compares = (operator: string) => (COMPARISON_OPERATORS as readonly string[]).includes(operator) || operator === 'like';
  if (c.variable) {
    const at = [...path, 'variable', 'value'];
    if (compares(c.variable.operator) && c.variable.value === undefined) need(at, `to compare with (operator ${JSON.stringify(c.variable.operator)})`);
    if (!compares(c.variable.operator) && c.variable.value !== undefined) drop(at, 'with a comparison');
  }
  if (c.registry) {
    const at = [...path, 'registry', 'data'];
    if (compares(c.registry.operator) && c.registry.data === undefined) need(at, `to compare with (operator ${JSON.stringify(c.registry.operator)})`);
    if (!compares(c.registry.operator) && c.registry.data !== undefined) drop(at, 'with a comparison');
  }
  for (const [test, pairs] of [
    ['file', [['version', 'versionOperator'], ['dateTime', 'dateTimeOperator']]],
    ['folder', [['dateTime', 'dateTimeOperator']]],
  ] as const) {
    const fields = c[test] as Record<string, unknown> | undefined;
    if (!fields) continue;
    for (const [what, operator] of pairs) {
      if ((fields[what] === undefined) !== (fields[operator] === undefined)) {
        const missing = fields[what] === undefined ? what : operator;
        need([...path, test, missing], `with ${fields[what] === undefined ? operator : what}`);
      }
    }
  }
  if (c.software && c.software.anyVersion !== false && c.software.upgradeCode === undefined) {
    need([...path, 'software', 'upgradeCode'], 'to match any version (anyVersion, the default); or set anyVersion to false to match this product code');
  }
  (c.conditions ?? []).forEach((inner, k) => issues.push(...conditionIssues(inner, [...path, 'conditions', k], index, name)));
  return issues;
}

/**
 * R1, and what an Install Software step needs of a program: it runs as Local System, without user
 * interaction, and returns 3010 rather than restarting the computer itself.
 */
export function installableProgramIssues(program: Program, path: Path, installer: readonly MessagePart[]): Issue[] {
  const issues: Issue[] = [];
  const installed = object('program', KINDS.program.id.fromFields(program) ?? program.name);
  const first = program.runFirst;
  if (first) {
    const other = first.packageId === program.packageId ? msg`program ${value(first.program)}` : msg`${object('program', `${first.packageId}/${first.program}`)}`;
    issues.push(
      error(path, 'R1', [
        ...installer,
        ...msg` installs ${installed}, which runs `,
        ...other,
        ...msg` first; operating system deployment does not support that. Remove runFirst and install ${value(first.program)} in its own step before this one`,
      ]),
    );
  }
  const unfit: string[] = [];
  if (!program.adminRights) unfit.push('adminRights must be true (runs as Local System)');
  if (program.allowUserInteraction) unfit.push('allowUserInteraction must be false');
  if (program.mayRestartComputer) unfit.push('mayRestartComputer must be false (return 3010 instead)');
  if (program.runWhen === 'userLoggedOn') unfit.push('runWhen must not be "userLoggedOn"');
  if (unfit.length > 0) issues.push(error(path, 'installSoftware', [...installer, ...msg` installs ${installed}, which cannot run in a task sequence: ${unfit.join('; ')}`]));
  return issues;
}

/** R6: a hardware step's tools come from a `tools` package, or are included in the boot image. */
function hardwareToolIssues(ts: TaskSequence, s: Step, i: number, ctx: RuleContext): Issue[] {
  const run = s.runCommandLine!;
  const at: Path = ['steps', i, 'runCommandLine', 'hardware'];
  const label: MessagePart[] = msg`hardware ${step(i, s.name)} (${run.hardware!})`;
  if (run.packageId !== undefined) {
    const pkg = ctx.resolve('package', run.packageId);
    if (pkg && pkg !== UNRESOLVED && (pkg as Package).role !== 'tools') {
      return [error(at, 'R6', [...label, ...msg` uses ${object('package', run.packageId)} whose role is ${value((pkg as Package).role)}; vendor tools come from a package with role "tools"`])];
    }
    return [];
  }
  if (ts.bootImageId === undefined) {
    return [error(at, 'R6', [...label, ...msg` names no tools package and the sequence has no boot image; give the step a "tools" package or use a boot image that includes the tools`])];
  }
  const boot = ctx.resolve('bootImage', ts.bootImageId);
  if (boot && boot !== UNRESOLVED && !((boot.includedTools as unknown[] | undefined) ?? []).length) {
    return [
      error(at, 'R6', [
        ...label,
        ...msg` names no tools package and ${object('bootImage', ts.bootImageId)} includes no tools; give the step a "tools" package or add the tools to the boot image`,
      ]),
    ];
  }
  return [];
}
