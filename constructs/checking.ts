/**
 * Running the model's checks on a construct's value at synth, and turning their findings into
 * messages a stack author can act on.
 *
 * Two differences from the server's view of the same object:
 * - Some values are Terraform tokens (a sensitive variable holding a password, an attribute of
 *   another resource). Like Terraform at plan time, the checks treat them as unknown: nothing is
 *   reported about an unknown value, and the rest of the object is still checked.
 * - Secrets may be in the value. A message never shows one.
 */
import { Token } from 'cdktf';
import {
  checkObject,
  checkRules,
  pointerSegments,
  secretsOf,
  show,
  validateShape,
  withDefaults,
  withoutReadOnly,
  type CheckedObject,
  type Issue,
  type KindName,
  type RuleContext,
} from '../lib/model';

/** JSON pointers of every value in `value` that is (or contains) an unresolved token. */
export function unknownPointers(value: unknown, at = ''): string[] {
  if (value === null || value === undefined) return [];
  if (Token.isUnresolved(value)) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownPointers(v, `${at}/${i}`));
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      unknownPointers(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  return [];
}

const isAt = (path: string, pointers: readonly string[]) => pointers.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * `checkObject` for a value that may hold unknown values: findings about an unknown value are
 * dropped, and when the shape is wrong only because of unknown values, the rules still run.
 */
export function checkWithUnknowns(kind: KindName, input: Record<string, unknown>, ctx: RuleContext): CheckedObject {
  const unknown = unknownPointers(input);
  const result = checkObject(kind, input, ctx);
  if (unknown.length === 0) return result;
  const known = (issue: Issue) => !isAt(issue.path, unknown);
  if (result.value !== undefined || result.errors.some(known)) {
    return { value: result.value, errors: result.errors.filter(known), warnings: result.warnings.filter(known) };
  }
  const value = withDefaults(kind, withoutReadOnly(kind, input) as Record<string, unknown>);
  const issues = checkRules(kind, value, ctx).filter(known);
  return { value, errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning') };
}

/** Shape findings for `input`, leaving out those about unknown values. */
export function shapeIssues(kind: KindName, input: Record<string, unknown>): Issue[] {
  const unknown = unknownPointers(input);
  return validateShape(kind, input).filter((issue) => !isAt(issue.path, unknown));
}

/** Secrets shorter than this are hidden only where a message is about them; longer ones everywhere. */
const SHORTEST_SECRET_HIDDEN_EVERYWHERE = 6;

/** `message` with the secrets of `input` blotted out. */
export function withoutSecrets(kind: KindName, input: unknown, issue: Issue): string {
  let message = issue.message;
  for (const [pointer, value] of secretsOf(kind, input)) {
    if (typeof value !== 'string' || Token.isUnresolved(value)) continue;
    const about = issue.path === pointer || issue.path.startsWith(`${pointer}/`);
    if (!about && value.length < SHORTEST_SECRET_HIDDEN_EVERYWHERE) continue;
    message = message.split(show(value)).join('"(secret)"').split(value).join('(secret)');
  }
  return message;
}

/**
 * A finding as a synth message: rule first, then what is wrong with which value (from the model),
 * then where, with the step name when the finding is about a step. `describe` rewrites stand-in IDs.
 */
export function formatIssue(
  kind: KindName,
  input: Record<string, unknown>,
  issue: Issue,
  describe: (message: string) => string,
): string {
  let message = describe(withoutSecrets(kind, input, issue));
  if (!/^R\d:/.test(message)) message = `${issue.rule}: ${message}`;
  const where: string[] = [];
  if (issue.path && !message.includes(issue.path)) where.push(`at ${issue.path}`);
  const step = stepOf(input, issue.path);
  if (step && !message.includes(`step ${show(step)}`)) where.push(`step ${show(step)}`);
  return where.length ? `${message} (${where.join(', ')})` : message;
}

/** The name of the task sequence step a pointer leads into, if any. */
function stepOf(input: Record<string, unknown>, path: string): string | undefined {
  const [first, index] = pointerSegments(path);
  if (first !== 'steps' || typeof index !== 'number' || !Array.isArray(input.steps)) return undefined;
  const name = (input.steps[index] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}
