/**
 * The parts of `terraform show -json PLANFILE` output the review reads (Terraform's JSON output
 * format, format_version 1.x): each resource's planned change with its before and after values,
 * which of them are unknown until apply or sensitive, and the configuration's references.
 *
 * Nothing here prints values: the plan holds sensitive values in clear (and, for a secret written
 * as a literal, the configuration does too), so the review reads them only to compare.
 */

export interface ChangeJson {
  readonly actions: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
  /** `true` where a value is known only after apply, mirroring `after`'s shape. */
  readonly after_unknown?: unknown;
  /** `true` where a value is sensitive, mirroring `before`'s and `after`'s shapes. */
  readonly before_sensitive?: unknown;
  readonly after_sensitive?: unknown;
  /** The attribute paths that force a replacement. */
  readonly replace_paths?: readonly (readonly (string | number)[])[];
}

export interface ResourceChangeJson {
  readonly address: string;
  readonly previous_address?: string;
  readonly module_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly change: ChangeJson;
  readonly action_reason?: string;
}

export interface ExpressionJson {
  readonly references?: readonly string[];
}

export interface ConfigModuleJson {
  readonly resources?: readonly { readonly address: string; readonly expressions?: Readonly<Record<string, unknown>> }[];
  readonly module_calls?: Readonly<Record<string, { readonly module?: ConfigModuleJson }>>;
}

export interface StateModuleJson {
  readonly resources?: readonly { readonly address: string; readonly mode: string; readonly type: string; readonly values?: unknown }[];
  readonly child_modules?: readonly StateModuleJson[];
}

export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes: readonly ResourceChangeJson[];
  readonly configuration?: { readonly root_module?: ConfigModuleJson };
  readonly prior_state?: { readonly values?: { readonly root_module?: StateModuleJson } };
  readonly errored?: boolean;
}

/** Input that is not a plan the review can read; the message says what it is instead and what to run. */
export class PlanInputError extends Error {}

/** Parses `terraform show -json` output of a saved plan; `source` names the input in messages. */
export function parsePlan(text: string, source: string): PlanJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new PlanInputError(`${source} is not JSON (${(err as Error).message}); give the output of "terraform show -json PLANFILE", or the saved plan file itself`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PlanInputError(`${source} is not a Terraform plan: expected a JSON object, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)?.slice(0, 40)}`);
  }
  const plan = parsed as Record<string, unknown>;
  const version = plan.format_version;
  if (typeof version !== 'string') {
    throw new PlanInputError(`${source} is not "terraform show -json" output: it has no format_version`);
  }
  if (!/^1\./.test(version)) {
    throw new PlanInputError(`${source} has format_version ${JSON.stringify(version)}; this review reads Terraform's JSON format 1.x`);
  }
  if (plan.resource_changes === undefined && plan.values !== undefined) {
    throw new PlanInputError(`${source} is Terraform state, not a plan: save a plan (terraform plan -out=tfplan) and give "terraform show -json tfplan"`);
  }
  if (plan.errored === true) {
    throw new PlanInputError(`${source} is a plan that failed (errored: true); fix what terraform plan reported, then review the new plan`);
  }
  const changes = plan.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new PlanInputError(`${source}: resource_changes is not a list`);
  changes.forEach((c: unknown, i) => {
    const rc = c as Partial<ResourceChangeJson> | null;
    if (!rc || typeof rc.address !== 'string' || typeof rc.type !== 'string' || !rc.change || !Array.isArray(rc.change.actions)) {
      throw new PlanInputError(`${source}: resource_changes[${i}] lacks its address, type or change.actions`);
    }
  });
  return { ...(plan as unknown as PlanJson), resource_changes: changes as ResourceChangeJson[] };
}

/** What Terraform's action list means for the object. */
export type PlannedAction = 'create' | 'update' | 'replace' | 'delete' | 'forget' | 'none';

export function plannedAction(actions: readonly string[]): PlannedAction {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.length === 1 && ['create', 'update', 'delete', 'forget'].includes(actions[0])) return actions[0] as PlannedAction;
  return 'none'; // no-op, read
}

/** The configuration's expressions of every resource, by address (modules included). */
export function configuredExpressions(plan: PlanJson): Map<string, Readonly<Record<string, unknown>>> {
  const out = new Map<string, Readonly<Record<string, unknown>>>();
  const visit = (module: ConfigModuleJson | undefined, prefix: string) => {
    for (const r of module?.resources ?? []) out.set(prefix + r.address, r.expressions ?? {});
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) visit(call.module, `${prefix}module.${name}.`);
  };
  visit(plan.configuration?.root_module, '');
  return out;
}

/** The resource addresses a resource's configuration refers to (`osd_package.tools`, `data.osd_site.this`). */
export function referencedAddresses(expressions: Readonly<Record<string, unknown>> | undefined): string[] {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const refs = (node as ExpressionJson).references;
      if (Array.isArray(refs)) for (const ref of refs) found.add(resourceAddressOf(ref));
      for (const [key, child] of Object.entries(node)) if (key !== 'references' && key !== 'constant_value') visit(child);
    }
  };
  visit(expressions);
  return [...found];
}

/** `osd_package.tools.id` → `osd_package.tools`; `data.osd_site.this.site_code` → `data.osd_site.this`. */
function resourceAddressOf(reference: string): string {
  const parts = reference.split('.');
  const modulePrefix: string[] = [];
  while (parts[0] === 'module' && parts.length > 2) modulePrefix.push(...parts.splice(0, 2));
  const own = parts[0] === 'data' ? parts.slice(0, 3) : parts.slice(0, 2);
  return [...modulePrefix, ...own].join('.').replace(/\[[^\]]*\]$/, '');
}

/** The values of the data sources read before the plan, by address. */
export function dataSourceValues(plan: PlanJson): Map<string, { type: string; values: unknown }> {
  const out = new Map<string, { type: string; values: unknown }>();
  const visit = (module: StateModuleJson | undefined) => {
    for (const r of module?.resources ?? []) if (r.mode === 'data') out.set(r.address, { type: r.type, values: r.values });
    for (const child of module?.child_modules ?? []) visit(child);
  };
  visit(plan.prior_state?.values?.root_module);
  return out;
}
