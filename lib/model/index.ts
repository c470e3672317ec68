/**
 * The resource model: one definition of every object kind, and the checks that apply to it.
 * Server, provider, constructs and docs import from here and nowhere else.
 */
import type { Issue } from './issues';
import type { KindName } from './kinds';
import { checkRules, type RuleContext } from './rules';
import { withDefaults } from './defaults';
import { validateShape, withoutReadOnly } from './validate';

export * from './annotations';
export * from './issues';
export * from './kinds';
export * from './site';
export * from './package';
export * from './program';
export * from './os-image';
export * from './os-install-package';
export * from './boot-image';
export * from './driver-package';
export * from './task-sequence';
export * from './rules';
export * from './defaults';
export * from './secrets';
export * from './validate';
export { walk, mapValue, isRecord } from './walk';

export interface CheckedObject {
  /** The object as it would be stored: read-only fields removed, defaults and derived fields set. Undefined when the shape is wrong. */
  readonly value?: Record<string, unknown>;
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

/**
 * The whole check of an object about to be written: its shape first, then (if the shape holds)
 * defaults and the rules. Read-only fields in `input` are ignored.
 */
export function checkObject(kind: KindName, input: unknown, ctx: RuleContext): CheckedObject {
  const shape = validateShape(kind, input);
  if (shape.length > 0) return { errors: shape, warnings: [] };
  const value = withDefaults(kind, withoutReadOnly(kind, input) as Record<string, unknown>);
  const issues = checkRules(kind, value, ctx);
  return {
    value,
    errors: issues.filter((i) => i.severity === 'error'),
    warnings: issues.filter((i) => i.severity === 'warning'),
  };
}
export * from './terraform-names';
export * from './provider-config';
