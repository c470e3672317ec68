/**
 * Which objects other objects refer to, read from the model.
 *
 * The server refuses to delete an object that something still refers to (409, R2). Terraform
 * deletes a removed or replaced object before it updates the objects that referred to it, unless
 * the object has `lifecycle { create_before_destroy = true }`: then it creates the replacement
 * (if any) and updates the referring objects first, and deletes last. The constructs set it on
 * every object of these kinds, and the reference pages tell HCL users to do the same.
 */
import type { TSchema } from '@sinclair/typebox';
import { KIND_NAMES, KINDS, keyword, toTerraformName, type KindName } from '../lib/model';

/** A field that refers to an object of another kind, as Terraform names it (`osd_boot_image.driver_package_ids`). */
export interface Referrer {
  readonly kind: KindName;
  /** The attribute path in Terraform's names; `[]` marks a list. */
  readonly attribute: string;
}

/** Each `references` keyword in `schema`, with the attribute path that leads to it. */
function referencesIn(schema: TSchema, path: string, found: (target: KindName, attribute: string) => void): void {
  const target = keyword(schema, 'references');
  if (target) found(target as KindName, path);
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) {
    referencesIn(child, path ? `${path}.${toTerraformName(name)}` : toTerraformName(name), found);
  }
  if (schema.items) referencesIn(schema.items as TSchema, schema.items.type === 'object' ? `${path}[]` : path, found);
}

/**
 * Programs are named by their package and their name, which no `references` keyword marks: by an
 * Install Software step, and by another program's "run another program first".
 */
const PROGRAM_REFERRERS: readonly Referrer[] = [
  { kind: 'taskSequence', attribute: 'steps[].install_software (package_id + program_name)' },
  { kind: 'program', attribute: 'run_first (package_id + program)' },
];

function referrersByKind(): Map<KindName, Referrer[]> {
  const out = new Map<KindName, Referrer[]>([['program', [...PROGRAM_REFERRERS]]]);
  for (const kind of KIND_NAMES) {
    referencesIn(KINDS[kind].schema, '', (target, attribute) => {
      const list = out.get(target) ?? [];
      if (!list.some((r) => r.kind === kind && r.attribute === attribute)) list.push({ kind, attribute });
      out.set(target, list);
    });
  }
  return out;
}

const REFERRERS = referrersByKind();

/** The fields that refer to objects of `kind`; empty for a kind nothing refers to. */
export function referrersOf(kind: KindName): readonly Referrer[] {
  return REFERRERS.get(kind) ?? [];
}

/** Every kind some other object can refer to. */
export const REFERENCED_KINDS: ReadonlySet<KindName> = new Set(REFERRERS.keys());
