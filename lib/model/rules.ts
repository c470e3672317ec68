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
import { error, field, msg, object, value, warning, type Issue, type Path } from './issues';
import { KINDS, type KindName } from './kinds';
import { OS_IMAGE_CONTENT_FIELDS, type OsImage } from './os-image';
import type { Package } from './package';
import type { Program } from './program';
import { allowedUsmtVersions } from './site';
import { UNRESOLVED, type RuleContext } from './rule-context';
import { taskSequenceIssues } from './task-sequence-rules';
import type { TaskSequence } from './task-sequence';
import { isRecord, walk } from './walk';

export { UNRESOLVED, type Resolved, type RuleContext } from './rule-context';

/** An object a value refers to, and where. */
export interface Lookup {
  readonly kind: KindName;
  readonly id: string;
  readonly path: Path;
  /** The package role the reference needs (`requiredRole`), if any. */
  readonly role?: string;
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
