/**
 * The seed's rules R1–R8 (R4, R8 and an image without a version are advice: warnings) and the other checks that look beyond one field: across fields, across
 * steps, and at the objects a value references. One implementation serves the server (422), the
 * provider (plan-time diagnostics) and the constructs (synth errors).
 *
 * The checks never fetch anything. A caller first asks `lookupsFor` which objects a value needs,
 * resolves them its own way (SQLite, HTTP, the construct tree), and passes a `resolve` function.
 * `resolve` answers `UNRESOLVED` for what cannot be known yet (an ID Terraform will only learn at
 * apply time); checks that need such an object are skipped, never failed.
 */
import { keyword } from './annotations';
import { error, field, msg, object, step, value, warning, type Issue, type MessagePart, type Path } from './issues';
import { KINDS, type KindName } from './kinds';
import { OS_IMAGE_CONTENT_FIELDS, type OsImage } from './os-image';
import type { Package } from './package';
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
  readonly path: Path;
  /** The package role the reference needs (`requiredRole`), if any. */
  readonly role?: string;
}

export interface RuleContext {
  /** The site, when known: decides the USMT versions allowed (R5). */
  readonly site?: Site;
  /** The stored object `kind`/`id`, `undefined` when it does not exist, `UNRESOLVED` when it cannot be known yet. */
  readonly resolve: (kind: KindName, id: string) => Resolved;
  /**
   * For a reference whose target `resolve` did not find: the kind of the object that has that ID
   * (package kinds share one ID space), so the message can say it is of the wrong kind.
   */
  readonly kindOf?: (id: string) => KindName | undefined;
  /**
   * What a reference to an object that does not exist is: an `error` (the server, at write), or a
   * `warning` (the provider at plan time: the object may be created in the same apply, and the
   * server refuses the write if it is not).
   * @default 'error'
   */
  readonly missingReference?: 'error' | 'warning';
  /** The object as stored before this write, for updates (R7 compares contents and version). */
  readonly prior?: Record<string, unknown>;
}

/** Every object `value` references: ID fields (`references`) and objects named by several fields (`referencesBy`). */
export function lookupsFor(kind: KindName, input: unknown): Lookup[] {
  const out: Lookup[] = [];
  walk(KINDS[kind].schema, input, (schema, v, path) => {
    const target = keyword(schema, 'references');
    if (target && typeof v === 'string') {
      const role = keyword(schema, 'requiredRole');
      out.push({ kind: target as KindName, id: v, path: [...path], ...(role ? { role } : {}) });
    }
    const by = keyword(schema, 'referencesBy');
    if (by && isRecord(v)) {
      const fields: Record<string, unknown> = {};
      for (const [idField, own] of Object.entries(by.fields)) fields[idField] = v[own];
      const id = KINDS[by.kind as KindName].id.fromFields(fields);
      if (id !== undefined) out.push({ kind: by.kind as KindName, id, path: [...path, by.at] });
    }
  });
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
export function checkRules(kind: KindName, input: Record<string, unknown>, ctx: RuleContext): Issue[] {
  const own = KIND_RULES[kind];
  return [...referenceIssues(kind, input, ctx), ...(own ? own(input as never, ctx) : [])];
}

// ---- R2: references exist, and are of the right kind and role -------------------------------------

function referenceIssues(kind: KindName, input: unknown, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const ref of lookupsFor(kind, input)) {
    const found = ctx.resolve(ref.kind, ref.id);
    if (found === UNRESOLVED) continue;
    const title = KINDS[ref.kind].title.toLowerCase();
    if (found === undefined) {
      const actual = ctx.kindOf?.(ref.id);
      if (actual !== undefined && actual !== ref.kind) {
        issues.push(
          error(ref.path, 'R2', msg`${field(ref.path)} references ${object(actual, ref.id)}, which is a ${KINDS[actual].title.toLowerCase()}; a ${title} is needed here`),
        );
      } else if (ctx.missingReference === 'warning') {
        issues.push(
          warning(
            ref.path,
            'R2',
            msg`${field(ref.path)} references ${object(ref.kind, ref.id)}, which is not on the server yet; that is fine if this apply creates it, otherwise the apply fails`,
          ),
        );
      } else {
        issues.push(error(ref.path, 'R2', msg`${field(ref.path)} references ${object(ref.kind, ref.id)}, which does not exist on the server; create it first`));
      }
      continue;
    }
    if (ref.role !== undefined && (found as Package).role !== ref.role) {
      issues.push(
        error(
          ref.path,
          'R2',
          msg`${field(ref.path)} references ${object(ref.kind, ref.id)} (${value(found.name)}) whose role is ${value((found as Package).role)}; a package with role ${value(ref.role)} is required here`,
        ),
      );
    }
  }
  return issues;
}

// ---- packages and programs ------------------------------------------------------------------------

function packageIssues(pkg: Package, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const usmt = ['usmt'];
  if (pkg.role === 'usmt' && !pkg.usmt) {
    issues.push(error(usmt, 'R5', msg`a package with role "usmt" needs ${field(usmt)} settings (usmtVersion, architecture, ruleFiles)`));
  }
  if (pkg.role !== 'usmt' && pkg.usmt) {
    issues.push(error(usmt, 'R5', msg`${field(usmt)} settings are only for a package with role "usmt"; this package's role is ${value(pkg.role)}`));
  }
  if (pkg.usmt && ctx.site) {
    const allowed = allowedUsmtVersions(ctx.site.configMgrVersion);
    if (!allowed.includes(pkg.usmt.usmtVersion)) {
      const at = ['usmt', 'usmtVersion'];
      issues.push(
        error(at, 'R5', msg`${field(at)} is ${value(pkg.usmt.usmtVersion)}, but ConfigMgr ${ctx.site.configMgrVersion} accepts USMT ${allowed.join(' or ')}`),
      );
    }
  }
  return issues;
}

function programIssues(program: Program, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const d = program.runFirst;
  if (d && d.packageId === program.packageId && d.program === program.name) {
    issues.push(error(['runFirst'], 'runFirst', msg`${field(['runFirst'])} names the program itself (${value(program.name)}); a program cannot run itself first`));
  }
  const pkg = ctx.resolve('package', program.packageId);
  if (pkg && pkg !== UNRESOLVED && (pkg as Package).role === 'client') {
    // R4 is advice: the client package works without it, but installs less reliably.
    if (program.runWhen !== 'noUserLoggedOn') {
      issues.push(
        warning(['runWhen'], 'R4', msg`the client package's program should run only when no user is logged on; ${field(['runWhen'])} is ${value(program.runWhen)}`),
      );
    }
    if (program.runFrom !== 'networkShare') {
      issues.push(warning(['runFrom'], 'R4', msg`the client package's program should run from the network share; ${field(['runFrom'])} is ${value(program.runFrom)}`));
    }
  }
  return issues;
}

// ---- R7: OS images ---------------------------------------------------------------------------------

function osImageIssues(image: OsImage, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  if (image.version === undefined) {
    issues.push(
      warning(['version'], 'R7', msg`the image has no ${field(['version'])}. Changing what an image contains means capturing a new image with a new version; give this one a version so the next capture can be told apart`),
    );
  }
  if (image.bakedProperties !== undefined) {
    issues.push(
      warning(
        ['bakedProperties'],
        'R8',
        msg`the image has installation or setup properties baked in (${field(['bakedProperties'])}). Each distinct set of properties needs its own image; giving them on the Setup Windows and ConfigMgr step instead means fewer images, at the cost of longer deployments`,
      ),
    );
  }
  (image.preinstalledApplications ?? []).forEach((app, i) => {
    if (!app.sysprepCapable) {
      issues.push(
        error(
          ['preinstalledApplications', i, 'sysprepCapable'],
          'R7',
          msg`preinstalled application ${value(app.name)} cannot be generalised by Sysprep, so it cannot be in an image; install it with an Install Software step instead`,
        ),
      );
    }
  });
  const prior = ctx.prior as OsImage | undefined;
  if (prior) {
    const changed = OS_IMAGE_CONTENT_FIELDS.filter((f) => JSON.stringify(prior[f] ?? null) !== JSON.stringify(image[f] ?? null));
    if (changed.length > 0 && (prior.version ?? '') === (image.version ?? '')) {
      const fields = changed.flatMap((f, i) => (i === 0 ? [field([f])] : [', ', field([f])]));
      issues.push(
        error(['version'], 'R7', [
          ...fields,
          ...msg` changed but ${field(['version'])} is still ${value(image.version ?? '')}; changing what an image contains means capturing a new image: give it a new version`,
        ]),
      );
    }
  }
  return issues;
}

// ---- task sequences ----------------------------------------------------------------------------------

function taskSequenceIssues(ts: TaskSequence, ctx: RuleContext): Issue[] {
  return [...groupIssues(ts.steps), ...ts.steps.flatMap((s, i) => stepIssues(s, i, ctx)), ...hardwareOrderIssues(ts, ctx)];
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

function stepIssues(s: Step, i: number, ctx: RuleContext): Issue[] {
  const at = (...rest: (string | number)[]): Path => ['steps', i, ...rest];
  const issues: Issue[] = [];
  if (s.installSoftware) {
    const inst = s.installSoftware;
    if (inst.packageId !== undefined && inst.programName === undefined) {
      issues.push(requiredIssue(at('installSoftware', 'programName'), 'when packageId is set', i, s.name));
    }
    if (inst.packageId !== undefined && inst.programName !== undefined) {
      const program = ctx.resolve('program', KINDS.program.id.fromFields({ packageId: inst.packageId, name: inst.programName }) ?? '');
      if (program && program !== UNRESOLVED) issues.push(...installableProgramIssues(program as Program, at('installSoftware', 'programName'), [step(i, s.name)]));
    }
  }
  if (s.setupWindowsAndConfigMgr?.installationProperties) {
    issues.push(...checkClientInstallationProperties(s.setupWindowsAndConfigMgr.installationProperties, at('setupWindowsAndConfigMgr', 'installationProperties')));
  }
  if (s.applyOperatingSystem) {
    const a = s.applyOperatingSystem;
    const needs: Record<string, string[]> = { diskAndPartition: ['diskIndex', 'partitionIndex'], logicalDrive: ['logicalDrive'], variable: ['variable'] };
    for (const f of needs[a.destination ?? 'nextAvailablePartition'] ?? []) {
      if ((a as Record<string, unknown>)[f] === undefined) issues.push(requiredIssue(at('applyOperatingSystem', f), `when destination is ${JSON.stringify(a.destination)}`, i, s.name));
    }
    if (a.installPackageId !== undefined && a.editionIndex === undefined) {
      issues.push(requiredIssue(at('applyOperatingSystem', 'editionIndex'), 'with installPackageId', i, s.name));
    }
  }
  if (s.applyNetworkSettings?.joinType === 'domain') {
    for (const f of ['domain', 'joinAccount', 'joinPassword'] as const) {
      if (s.applyNetworkSettings[f] === undefined) issues.push(requiredIssue(at('applyNetworkSettings', f), 'to join a domain', i, s.name));
    }
  }
  if (s.applyWindowsSettings && s.applyWindowsSettings.randomLocalAdminPassword === false && s.applyWindowsSettings.localAdminPassword === undefined) {
    issues.push(requiredIssue(at('applyWindowsSettings', 'localAdminPassword'), 'when randomLocalAdminPassword is false', i, s.name));
  }
  if (s.restoreUserState?.restoreLocalAccounts && s.restoreUserState.localAccountPassword === undefined) {
    issues.push(requiredIssue(at('restoreUserState', 'localAccountPassword'), 'when restoreLocalAccounts is true', i, s.name));
  }
  const usmt = s.captureUserState ?? s.restoreUserState;
  if (usmt && usmt.mode === 'advanced' && (usmt.configFiles ?? []).length === 0) {
    const path = at(s.captureUserState ? 'captureUserState' : 'restoreUserState', 'configFiles');
    issues.push(error(path, 'R5', msg`${field(path)} must name the rule files in advanced mode (${step(i, s.name)})`));
  }
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

/**
 * R6: hardware steps run in Windows PE before the disk is partitioned and the OS applied (a RAID
 * change destroys partitions), with tools from a `tools` package or included in the boot image.
 */
function hardwareOrderIssues(ts: TaskSequence, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  let diskTouchedBy: { index: number; name: string; action: string } | undefined;
  let fullOsSince: { index: number; name: string; action: string } | undefined;
  ts.steps.forEach((s, i) => {
    const action = actionOf(s);
    const run = s.runCommandLine;
    if (run?.hardware) {
      const at: Path = ['steps', i, 'runCommandLine', 'hardware'];
      const label = msg`hardware ${step(i, s.name)} (${run.hardware})`;
      if (diskTouchedBy) {
        issues.push(
          error(at, 'R6', [...label, ...msg` comes after ${step(diskTouchedBy.index, diskTouchedBy.name)} (${diskTouchedBy.action}); it must run before the disk is partitioned and the OS applied`]),
        );
      }
      if (fullOsSince) {
        issues.push(error(at, 'R6', [...label, ...msg` comes after ${step(fullOsSince.index, fullOsSince.name)} (${fullOsSince.action}), which runs in the full OS; hardware steps run in Windows PE`]));
      }
      issues.push(...hardwareToolIssues(ts, run.packageId, at, label, ctx));
    }
    if (s.enabled === false || !action) return;
    if ((action === 'partitionDisk' || action === 'applyOperatingSystem') && !diskTouchedBy) diskTouchedBy = { index: i, name: s.name, action };
    if (['installSoftware', 'captureUserState', 'restoreUserState', 'prepareWindowsForCapture'].includes(action) && !fullOsSince) {
      fullOsSince = { index: i, name: s.name, action };
    }
  });
  return issues;
}

function hardwareToolIssues(ts: TaskSequence, packageId: string | undefined, at: Path, label: ReturnType<typeof msg>, ctx: RuleContext): Issue[] {
  if (packageId !== undefined) {
    const pkg = ctx.resolve('package', packageId);
    if (pkg && pkg !== UNRESOLVED && (pkg as Package).role !== 'tools') {
      return [error(at, 'R6', [...label, ...msg` uses ${object('package', packageId)} whose role is ${value((pkg as Package).role)}; vendor tools come from a package with role "tools"`])];
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
