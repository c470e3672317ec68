/**
 * The seed's rules R1–R8 and the other checks that look beyond one field: across fields, across
 * steps, and at the objects a value references. One implementation serves the server (422), the
 * provider (plan-time diagnostics) and the constructs (synth errors).
 *
 * The checks never fetch anything. A caller first asks `lookupsFor` which objects a value needs,
 * resolves them its own way (SQLite, HTTP, the construct tree), and passes a `resolve` function.
 * `resolve` answers `UNRESOLVED` for what cannot be known yet (an ID Terraform will only learn at
 * apply time); checks that need such an object are skipped, never failed.
 */
import { keyword } from './annotations';
import { error, pointer, show, warning, type Issue } from './issues';
import { KINDS, type KindName } from './kinds';
import { OS_IMAGE_CONTENT_FIELDS, type OsImage } from './os-image';
import type { Package, PackageRole } from './package';
import type { Program } from './program';
import { allowedUsmtVersions, type Site } from './site';
import { checkClientInstallationProperties } from './client-properties';
import { actionOf, type Step, type TaskSequence } from './task-sequence';
import { isRecord, walk } from './walk';

export const UNRESOLVED = Symbol('unresolved');
export type Resolved = Record<string, unknown> | undefined | typeof UNRESOLVED;

/** An object a value refers to, and where. */
export interface Lookup {
  readonly kind: KindName;
  readonly id: string;
  readonly path: string;
}

export interface RuleContext {
  /** The site, when known: decides the USMT versions allowed (R5). */
  readonly site?: Site;
  /** The stored object `kind`/`id`, `undefined` when it does not exist, `UNRESOLVED` when it cannot be known yet. */
  readonly resolve: (kind: KindName, id: string) => Resolved;
  /** The object as stored before this write, for updates (R7 compares contents and version). */
  readonly prior?: Record<string, unknown>;
}

/** Every object `value` references, including programs named by package + program name. */
export function lookupsFor(kind: KindName, value: unknown): Lookup[] {
  const out: Lookup[] = [];
  walk(KINDS[kind].schema, value, (schema, v, path) => {
    const target = keyword(schema, 'references');
    if (target && typeof v === 'string') out.push({ kind: target as KindName, id: v, path: pointer(...path) });
  });
  if (kind === 'program' && isRecord(value) && isRecord(value.runFirst)) {
    const d = value.runFirst;
    if (typeof d.packageId === 'string' && typeof d.program === 'string') {
      out.push({ kind: 'program', id: `${d.packageId}/${d.program}`, path: '/runFirst/program' });
    }
  }
  if (kind === 'taskSequence' && isRecord(value) && Array.isArray(value.steps)) {
    value.steps.forEach((step: Step, i) => {
      const s = step?.installSoftware;
      if (s && typeof s.packageId === 'string' && typeof s.programName === 'string') {
        out.push({ kind: 'program', id: `${s.packageId}/${s.programName}`, path: pointer('steps', i, 'installSoftware', 'programName') });
      }
    });
  }
  return out;
}

/** The rules of each kind beyond references (R2), which every kind has. */
const KIND_RULES: Partial<Record<KindName, (value: never, ctx: RuleContext) => Issue[]>> = {
  package: (v: Package, ctx) => packageIssues(v, ctx),
  program: (v: Program, ctx) => programIssues(v, ctx),
  osImage: (v: OsImage, ctx) => osImageIssues(v, ctx),
  taskSequence: (v: TaskSequence, ctx) => taskSequenceIssues(v, ctx),
};

/** All rule findings for `value` (already shape-valid and with defaults applied). */
export function checkRules(kind: KindName, value: Record<string, unknown>, ctx: RuleContext): Issue[] {
  const own = KIND_RULES[kind];
  return [...referenceIssues(kind, value, ctx), ...(own ? own(value as never, ctx) : [])];
}

// ---- R2: references exist, and are of the right kind and role -------------------------------------

/** The package role a reference at a step's field must have (R2, and R5 for USMT). */
const REQUIRED_ROLE: Record<string, PackageRole> = {
  clientPackageId: 'client',
  usmtPackageId: 'usmt',
};

function referenceIssues(kind: KindName, value: unknown, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const ref of lookupsFor(kind, value)) {
    const found = ctx.resolve(ref.kind, ref.id);
    if (found === UNRESOLVED) continue;
    const title = KINDS[ref.kind].title.toLowerCase();
    if (found === undefined) {
      issues.push(error(ref.path, 'R2', `R2: ${ref.path} references ${title} ${show(ref.id)}, which does not exist on the server; create it first`));
      continue;
    }
    const field = ref.path.split('/').pop() ?? '';
    const role = REQUIRED_ROLE[field];
    if (ref.kind === 'package' && role && (found as Package).role !== role) {
      issues.push(
        error(
          ref.path,
          'R2',
          `R2: ${ref.path} references package ${show(ref.id)} ("${String(found.name)}") whose role is ${show((found as Package).role)}; a package with role "${role}" is required here`,
        ),
      );
    }
  }
  return issues;
}

// ---- packages and programs ------------------------------------------------------------------------

function packageIssues(pkg: Package, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  if (pkg.role === 'usmt' && !pkg.usmt) {
    issues.push(error('/usmt', 'R5', 'R5: a package with role "usmt" needs usmt settings (usmtVersion, architecture, ruleFiles)'));
  }
  if (pkg.role !== 'usmt' && pkg.usmt) {
    issues.push(error('/usmt', 'R5', `R5: usmt settings are only for a package with role "usmt"; this package's role is ${show(pkg.role)}`));
  }
  if (pkg.usmt && ctx.site) {
    const allowed = allowedUsmtVersions(ctx.site.configMgrVersion);
    if (!allowed.includes(pkg.usmt.usmtVersion)) {
      issues.push(
        error(
          '/usmt/usmtVersion',
          'R5',
          `R5: /usmt/usmtVersion is ${show(pkg.usmt.usmtVersion)}, but ConfigMgr ${ctx.site.configMgrVersion} accepts USMT ${allowed.join(' or ')}`,
        ),
      );
    }
  }
  return issues;
}

function programIssues(program: Program, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const d = program.runFirst;
  if (d && d.packageId === program.packageId && d.program === program.name) {
    issues.push(error('/runFirst', 'runFirst', `/runFirst names the program itself (${show(program.name)}); a program cannot run itself first`));
  }
  const pkg = ctx.resolve('package', program.packageId);
  if (pkg && pkg !== UNRESOLVED && (pkg as Package).role === 'client') {
    // R4 is advice: the client package works without it, but installs less reliably.
    if (program.runWhen !== 'noUserLoggedOn') {
      issues.push(
        warning('/runWhen', 'R4', `R4: the client package's program should run only when no user is logged on; runWhen is ${show(program.runWhen)}`),
      );
    }
    if (program.runFrom !== 'networkShare') {
      issues.push(warning('/runFrom', 'R4', `R4: the client package's program should run from the network share; runFrom is ${show(program.runFrom)}`));
    }
  }
  return issues;
}

// ---- R7: OS images ---------------------------------------------------------------------------------

function osImageIssues(image: OsImage, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  (image.preinstalledApplications ?? []).forEach((app, i) => {
    if (!app.sysprepCapable) {
      issues.push(
        error(
          pointer('preinstalledApplications', i, 'sysprepCapable'),
          'R7',
          `R7: preinstalled application ${show(app.name)} cannot be generalised by Sysprep, so it cannot be in an image; install it with an Install Software step instead`,
        ),
      );
    }
  });
  const prior = ctx.prior as OsImage | undefined;
  if (prior) {
    const changed = OS_IMAGE_CONTENT_FIELDS.filter((f) => JSON.stringify(prior[f] ?? null) !== JSON.stringify(image[f] ?? null));
    if (changed.length > 0 && (prior.version ?? '') === (image.version ?? '')) {
      issues.push(
        error(
          '/version',
          'R7',
          `R7: ${changed.map((f) => '/' + f).join(', ')} changed but /version is still ${show(image.version ?? '')}; changing what an image contains means capturing a new image: give it a new version`,
        ),
      );
    }
  }
  return issues;
}

// ---- task sequences ----------------------------------------------------------------------------------

function taskSequenceIssues(ts: TaskSequence, ctx: RuleContext): Issue[] {
  return [...groupIssues(ts.steps), ...ts.steps.flatMap((step, i) => stepIssues(ts, step, i, ctx)), ...hardwareOrderIssues(ts, ctx)];
}

/** The list must be the group tree in document order: a step follows its group and the group's earlier members. */
function groupIssues(steps: Step[]): Issue[] {
  const issues: Issue[] = [];
  const groups = new Set<string>();
  const open: string[] = [];
  steps.forEach((step, i) => {
    if (step.inGroup !== undefined) {
      const at = open.lastIndexOf(step.inGroup);
      if (at < 0) {
        const why = groups.has(step.inGroup)
          ? `group ${show(step.inGroup)} was closed by a step outside it; keep a group's steps together after it`
          : `no group named ${show(step.inGroup)} comes before it`;
        issues.push(error(pointer('steps', i, 'inGroup'), 'group', `/steps/${i}/inGroup is ${show(step.inGroup)}, but ${why}`));
      } else open.length = at + 1;
    } else open.length = 0;
    if (step.group) {
      if (groups.has(step.name)) {
        issues.push(error(pointer('steps', i, 'name'), 'unique', `/steps/${i}/name: a group named ${show(step.name)} already exists; group names are unique so steps can name their group`));
      }
      groups.add(step.name);
      open.push(step.name);
    }
  });
  return issues;
}

function stepIssues(ts: TaskSequence, step: Step, i: number, ctx: RuleContext): Issue[] {
  const at = (...rest: (string | number)[]) => pointer('steps', i, ...rest);
  const issues: Issue[] = [];
  const label = `step ${show(step.name)}`;
  const s = step;
  if (s.installSoftware) {
    const inst = s.installSoftware;
    if (inst.packageId !== undefined && inst.programName === undefined) {
      issues.push(error(at('installSoftware', 'programName'), 'required', `${at('installSoftware', 'programName')} is required when packageId is set (${label})`));
    }
    if (inst.packageId !== undefined && inst.programName !== undefined) {
      const program = ctx.resolve('program', `${inst.packageId}/${inst.programName}`) as Program | undefined | typeof UNRESOLVED;
      if (program && program !== UNRESOLVED) issues.push(...installableProgramIssues(program, at('installSoftware', 'programName'), label));
    }
  }
  if (s.setupWindowsAndConfigMgr?.installationProperties) {
    issues.push(...checkClientInstallationProperties(s.setupWindowsAndConfigMgr.installationProperties, at('setupWindowsAndConfigMgr', 'installationProperties')));
  }
  if (s.applyOperatingSystem) {
    const a = s.applyOperatingSystem;
    const needs: Record<string, string[]> = { diskAndPartition: ['diskIndex', 'partitionIndex'], logicalDrive: ['logicalDrive'], variable: ['variable'] };
    for (const f of needs[a.destination ?? 'nextAvailablePartition'] ?? []) {
      if ((a as Record<string, unknown>)[f] === undefined) {
        issues.push(error(at('applyOperatingSystem', f), 'required', `${at('applyOperatingSystem', f)} is required when destination is ${show(a.destination)} (${label})`));
      }
    }
    if (a.installPackageId !== undefined && a.editionIndex === undefined) {
      issues.push(error(at('applyOperatingSystem', 'editionIndex'), 'required', `${at('applyOperatingSystem', 'editionIndex')} is required with installPackageId (${label})`));
    }
  }
  if (s.applyNetworkSettings?.joinType === 'domain') {
    for (const f of ['domain', 'joinAccount', 'joinPassword'] as const) {
      if (s.applyNetworkSettings[f] === undefined) {
        issues.push(error(at('applyNetworkSettings', f), 'required', `${at('applyNetworkSettings', f)} is required to join a domain (${label})`));
      }
    }
  }
  if (s.applyWindowsSettings && s.applyWindowsSettings.randomLocalAdminPassword === false && s.applyWindowsSettings.localAdminPassword === undefined) {
    issues.push(
      error(at('applyWindowsSettings', 'localAdminPassword'), 'required', `${at('applyWindowsSettings', 'localAdminPassword')} is required when randomLocalAdminPassword is false (${label})`),
    );
  }
  if (s.restoreUserState?.restoreLocalAccounts && s.restoreUserState.localAccountPassword === undefined) {
    issues.push(
      error(at('restoreUserState', 'localAccountPassword'), 'required', `${at('restoreUserState', 'localAccountPassword')} is required when restoreLocalAccounts is true (${label})`),
    );
  }
  const usmt = s.captureUserState ?? s.restoreUserState;
  if (usmt && usmt.mode === 'advanced' && (usmt.configFiles ?? []).length === 0) {
    const field = s.captureUserState ? 'captureUserState' : 'restoreUserState';
    issues.push(error(at(field, 'configFiles'), 'R5', `R5: ${at(field, 'configFiles')} must name the rule files in advanced mode (${label})`));
  }
  void ts;
  return issues;
}

/**
 * R1, and what an Install Software step needs of a program: it runs as Local System, without user
 * interaction, and returns 3010 rather than restarting the computer itself.
 */
export function installableProgramIssues(program: Program, path: string, label: string): Issue[] {
  const issues: Issue[] = [];
  const name = `program ${show(program.name)} of package ${program.packageId}`;
  if (program.runFirst) {
    const dep = `${program.runFirst.packageId === program.packageId ? '' : program.runFirst.packageId};;${program.runFirst.program}`;
    issues.push(
      error(
        path,
        'R1',
        `R1: ${label} installs ${name}, which runs another program first (${show(dep)}); operating system deployment does not support that. Remove runFirst and install ${show(program.runFirst.program)} in its own step before this one`,
      ),
    );
  }
  const unfit: string[] = [];
  if (!program.adminRights) unfit.push('adminRights must be true (runs as Local System)');
  if (program.allowUserInteraction) unfit.push('allowUserInteraction must be false');
  if (program.mayRestartComputer) unfit.push('mayRestartComputer must be false (return 3010 instead)');
  if (program.runWhen === 'userLoggedOn') unfit.push('runWhen must not be "userLoggedOn"');
  if (unfit.length > 0) issues.push(error(path, 'installSoftware', `${label} installs ${name}, which cannot run in a task sequence: ${unfit.join('; ')}`));
  return issues;
}

/**
 * R6: hardware steps run in Windows PE before the disk is partitioned and the OS applied (a RAID
 * change destroys partitions), with tools from a `tools` package or included in the boot image.
 */
function hardwareOrderIssues(ts: TaskSequence, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  let diskTouchedBy: string | undefined;
  let fullOsSince: string | undefined;
  ts.steps.forEach((step, i) => {
    const action = actionOf(step);
    const run = step.runCommandLine;
    if (run?.hardware) {
      const at = pointer('steps', i, 'runCommandLine', 'hardware');
      const label = `hardware step ${show(step.name)} (${run.hardware})`;
      if (diskTouchedBy) {
        issues.push(error(at, 'R6', `R6: ${label} comes after ${diskTouchedBy}; it must run before the disk is partitioned and the OS applied`));
      }
      if (fullOsSince) {
        issues.push(error(at, 'R6', `R6: ${label} comes after ${fullOsSince}, which runs in the full OS; hardware steps run in Windows PE`));
      }
      issues.push(...hardwareToolIssues(ts, run.packageId, at, label, ctx));
    }
    if (step.enabled === false || !action) return;
    if ((action === 'partitionDisk' || action === 'applyOperatingSystem') && !diskTouchedBy) diskTouchedBy = `step ${show(step.name)} (${action})`;
    if (['installSoftware', 'captureUserState', 'restoreUserState', 'prepareWindowsForCapture'].includes(action) && !fullOsSince) {
      fullOsSince = `step ${show(step.name)} (${action})`;
    }
  });
  return issues;
}

function hardwareToolIssues(ts: TaskSequence, packageId: string | undefined, at: string, label: string, ctx: RuleContext): Issue[] {
  if (packageId !== undefined) {
    const pkg = ctx.resolve('package', packageId);
    if (pkg && pkg !== UNRESOLVED && (pkg as Package).role !== 'tools') {
      return [error(at, 'R6', `R6: ${label} uses package ${packageId} whose role is ${show((pkg as Package).role)}; vendor tools come from a package with role "tools"`)];
    }
    return [];
  }
  if (ts.bootImageId === undefined) {
    return [error(at, 'R6', `R6: ${label} names no tools package and the sequence has no boot image; give the step a "tools" package or use a boot image that includes the tools`)];
  }
  const boot = ctx.resolve('bootImage', ts.bootImageId);
  if (boot && boot !== UNRESOLVED && !((boot.includedTools as unknown[] | undefined) ?? []).length) {
    return [
      error(at, 'R6', `R6: ${label} names no tools package and boot image ${ts.bootImageId} includes no tools; give the step a "tools" package or add the tools to the boot image`),
    ];
  }
  return [];
}
