/**
 * Which objects other objects refer to, read from the schemas' `references` and `referencesBy`
 * keywords.
 *
 * The server refuses to delete an object that something still refers to (409, R2). Terraform
 * deletes a removed or replaced object before it updates the objects that referred to it, unless
 * the object has `lifecycle { create_before_destroy = true }`: then it creates the replacement
 * (if any) and updates the referring objects first, and deletes last. The constructs set it on
 * every object of these kinds, and the reference pages tell HCL users to do the same.
 */
import type { TSchema } from '@sinclair/typebox';
import { keyword } from './annotations';
import { KIND_NAMES, KINDS, type KindName } from './kinds';
import { toTerraformName } from './terraform-names';

/** A field that refers to an object of another kind, as Terraform names it (`driver_package_ids`, `steps[].install_software (package_id + program_name)`). */
export interface Referrer {
  readonly kind: KindName;
  /** The attribute path in Terraform's names; `[]` marks a list. */
  readonly attribute: string;
}

/** Each reference in `schema`, with the attribute path that leads to it. */
function referencesIn(schema: TSchema, path: string, found: (target: KindName, attribute: string) => void): void {
  const target = keyword(schema, 'references');
  if (target) found(target as KindName, path);
  const by = keyword(schema, 'referencesBy');
  if (by) found(by.kind as KindName, `${path} (${Object.values(by.fields).map(toTerraformName).join(' + ')})`);
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) {
    referencesIn(child, path ? `${path}.${toTerraformName(name)}` : toTerraformName(name), found);
  }
  if (schema.items) referencesIn(schema.items as TSchema, schema.items.type === 'object' ? `${path}[]` : path, found);
}

function referrersByKind(): Map<KindName, Referrer[]> {
  const out = new Map<KindName, Referrer[]>();
  for (const kind of KIND_NAMES) {
    referencesIn(KINDS[kind].schema, '', (target, attribute) => {
      const list = out.get(target) ?? [];
      if (!list.some((r) => r.kind === kind && r.attribute === attribute)) list.push({ kind, attribute });
      out.set(target, list);
    });
  }
  return out;
}

let referrers: Map<KindName, Referrer[]> | undefined;

/** The fields that refer to objects of `kind`; empty for a kind nothing refers to. */
export function referrersOf(kind: KindName): readonly Referrer[] {
  referrers ??= referrersByKind();
  return referrers.get(kind) ?? [];
}

/** Whether some other object can refer to objects of `kind`. */
export function isReferenced(kind: KindName): boolean {
  return referrersOf(kind).length > 0;
}
