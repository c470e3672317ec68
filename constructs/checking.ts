/**
 * Running the model's checks on a construct's value at synth, and rendering their findings in a
 * stack author's words.
 *
 * Some values are Terraform tokens (a sensitive variable holding a password, an attribute of
 * another resource). Like Terraform at plan time, the checks treat them as unknown: the model's
 * `partlyKnown` takes them out, and nothing is reported about them while the rest of the object is
 * still checked.
 */
import { Token } from 'cdktf';
import {
  checkPartlyKnown,
  describeObject,
  formatMessage,
  KINDS,
  partlyKnown,
  touchesUnknown,
  unknownPaths,
  validateShape,
  type CheckedObject,
  type Issue,
  type KindName,
  type MessageStyle,
  type Path,
  type RuleContext,
} from '../lib/model';
import { referencePropName } from './model-props';

const isToken = (v: unknown): boolean => Token.isUnresolved(v);

/** The paths of the tokens in `value` (any value, not only a kind's). */
export function tokenPaths(value: unknown): Path[] {
  return unknownPaths(value, isToken);
}

/** The model's whole check of a construct's value, tokens treated as unknown. */
export function checkWithUnknowns(kind: KindName, input: Record<string, unknown>, ctx: RuleContext): CheckedObject {
  const { known, unknown } = partlyKnown(kind, input, isToken);
  return checkPartlyKnown(kind, known, ctx, unknown);
}

/** Shape findings for `input`, leaving out those about tokens. */
export function shapeIssues(kind: KindName, input: Record<string, unknown>): Issue[] {
  const { known, unknown } = partlyKnown(kind, input, isToken);
  return validateShape(kind, known).filter((issue) => !touchesUnknown(issue.path, unknown));
}

/**
 * How a finding reads at synth: fields by the prop names a stack author wrote (`package`, not
 * `packageId`; inside a step, the step's own props), other objects by their construct path when
 * the app creates them (`nameOf`), steps by name.
 */
export function synthStyle(nameOf: (id: string) => string | undefined): MessageStyle {
  return {
    field: propPath,
    object: (kind, id) => describeObject(kind, id, (k, i) => `${KINDS[k].title.toLowerCase()} ${nameOf(i) ?? i}`),
  };
}

/** `['steps', 3, 'runCommandLine', 'packageId']` → `package` (a step's props are flat); `['usmt', 'ruleFiles', 0]` → `usmt.ruleFiles[0]`. */
function propPath(path: Path): string {
  const inStep = path[0] === 'steps' && typeof path[1] === 'number';
  const rest = inStep ? (path.length > 3 ? path.slice(3) : path.slice(2)) : path;
  if (rest.length === 0) return inStep ? 'the step' : 'the construct';
  let text = '';
  for (const s of rest) text += typeof s === 'number' ? `[${s}]` : `${text === '' ? '' : '.'}${referencePropName(s)}`;
  return text;
}

/**
 * A finding as one synth message: the rule, the model's message in the stack author's words, and
 * the step it is about when the message does not name it already.
 */
export function synthMessage(issue: Issue, input: Record<string, unknown>, nameOf: (id: string) => string | undefined = () => undefined): string {
  const text = formatMessage(issue.message, synthStyle(nameOf));
  const named = issue.message.some((part) => typeof part === 'object' && 'step' in part);
  const step = named ? undefined : stepNameAt(input, issue.path);
  return `${issue.rule}: ${text}${step !== undefined ? ` (step ${JSON.stringify(step)})` : ''}`;
}

/** The name of the task sequence step a path leads into, if any. */
function stepNameAt(input: Record<string, unknown>, path: Path): string | undefined {
  if (path[0] !== 'steps' || typeof path[1] !== 'number' || !Array.isArray(input.steps)) return undefined;
  const name = (input.steps[path[1]] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}
