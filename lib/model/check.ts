/**
 * The whole check of an object: its shape first, then (if the shape holds) defaults and the
 * rules. The server checks objects whose every value is known; the provider at plan time and the
 * constructs at synth check objects some of whose values are not known yet (a Terraform unknown,
 * a cdktf token). Each of those turns its own marker into paths (`partlyKnown`), and the model
 * checks what is known, never reporting anything about what is not (`checkPartlyKnown`).
 */
import type { TSchema } from '@sinclair/typebox';
import { keyword } from './annotations';
import { withDefaults } from './defaults';
import { isWithin, type Issue, type Path } from './issues';
import { KINDS, type KindName } from './kinds';
import { checkRules, type RuleContext } from './rules';
import { validateShape, withoutReadOnly } from './validate';
import { DESCEND, isRecord, mapFields } from './walk';

export interface CheckedObject {
  /** The object as it would be stored: read-only fields removed, defaults and derived fields set. Undefined when the shape is wrong. */
  readonly value?: Record<string, unknown>;
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

/** Checks an object about to be written, every value known. Read-only fields in `input` are ignored. */
export function checkObject(kind: KindName, input: unknown, ctx: RuleContext): CheckedObject {
  return checkPartlyKnown(kind, input, ctx, []);
}

/**
 * Stands in for a reference whose target is not known yet: the rules see that there is a
 * reference (a check that needs one is satisfied) but cannot resolve it (checks that need the
 * object are skipped).
 */
export const PENDING_REFERENCE = '(known after apply)';

/** A value with its unknown parts taken out, and where they were. */
export interface PartlyKnown {
  /** The value without the unknown parts (a reference that is unknown reads `PENDING_REFERENCE`). */
  readonly known: Record<string, unknown>;
  /** Where the unknown values were. */
  readonly unknown: Path[];
}

/**
 * Splits `value` (an object of `kind`'s shape, in the model's field names) into what is known and
 * where the unknown values are; `isUnknown` recognises the caller's marker.
 */
export function partlyKnown(kind: KindName, value: Record<string, unknown>, isUnknown: (v: unknown) => boolean): PartlyKnown {
  const unknown: Path[] = [];
  const known = mapFields(KINDS[kind].schema, value, {
    node: (schema: TSchema, v, path) => {
      if (!isUnknown(v)) return DESCEND;
      unknown.push([...path]);
      return keyword(schema, 'references') ? PENDING_REFERENCE : undefined;
    },
  });
  return { known: isRecord(known) ? known : {}, unknown };
}

/** Whether a finding at `path` is about an unknown value: at it, inside it, around it, or about the whole object. */
export function touchesUnknown(path: Path, unknown: readonly Path[]): boolean {
  if (unknown.length === 0) return false;
  return path.length === 0 || unknown.some((u) => isWithin(path, u) || isWithin(u, path));
}

/**
 * `checkObject` for a value with unknown parts (`partlyKnown(...).known` and its `unknown`
 * paths): findings about unknown values are left out, and the rest of the object is still checked.
 */
export function checkPartlyKnown(kind: KindName, input: unknown, ctx: RuleContext, unknown: readonly Path[]): CheckedObject {
  const known = (issue: Issue) => !touchesUnknown(issue.path, unknown);
  const shape = validateShape(kind, input).filter(known);
  if (shape.length > 0) return { errors: shape, warnings: [] };
  const value = withDefaults(kind, withoutReadOnly(kind, input) as Record<string, unknown>);
  const issues = checkRules(kind, value, ctx).filter(known);
  return {
    value,
    errors: issues.filter((i) => i.severity === 'error'),
    warnings: issues.filter((i) => i.severity === 'warning'),
  };
}

/** The paths in `value` where `isUnknown` holds (nothing inside those is visited). */
export function unknownPaths(value: unknown, isUnknown: (v: unknown) => boolean, path: (string | number)[] = [], found: Path[] = []): Path[] {
  if (value === null || value === undefined) return found;
  if (isUnknown(value)) {
    found.push([...path]);
    return found;
  }
  if (Array.isArray(value)) value.forEach((v, i) => unknownPaths(v, isUnknown, [...path, i], found));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) unknownPaths(v, isUnknown, [...path, k], found);
  return found;
}
