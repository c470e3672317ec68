/**
 * Rendering a finding's message for one audience. The parts of a message (`issues.ts`) that are
 * not plain words — fields, values, other objects, steps — are rendered by a `MessageStyle`: the
 * API's style writes fields as JSON pointers, the provider's as Terraform attribute paths
 * (`terraform-names.ts`), the constructs' as construct paths and prop names.
 *
 * Steps are named in messages (`step "Partition Disk"`), not numbered: the field path beside the
 * message gives the position.
 */
import { pointer, show, type Issue, type MessagePart, type Path, type StepMention } from './issues';
import { KINDS, type KindName } from './kinds';

export interface MessageStyle {
  /** A field of the object the message is about. */
  field(path: Path): string;
  /** Another object; by default `package CM100012`, `program "Install" of package CM100012`. */
  object?(kind: KindName, id: string): string;
  /** A step; by default `step "Partition Disk"`. */
  step?(step: StepMention): string;
}

/** Fields as JSON pointers into the object (`/steps/3/runCommandLine`): the API's way, and the model's. */
export const POINTER_STYLE: MessageStyle = { field: (path) => (path.length === 0 ? 'the object' : pointer(...path)) };

/**
 * How messages name an object of `kind` with ID `id`: `boot image CM100003`, `program "Install" of
 * package CM100012`. `name` names a top-level object (a style may show a construct path there).
 */
export function describeObject(kind: KindName, id: string, name: (kind: KindName, id: string) => string = byId): string {
  const def = KINDS[kind];
  if (!def.parentField) return name(kind, id);
  const fields = def.id.parse(id);
  const parentKind = def.schema.properties[def.parentField]?.references as KindName | undefined;
  if (!fields || !parentKind) return `${def.title.toLowerCase()} ${show(id)}`;
  return `${def.title.toLowerCase()} ${show(fields.name)} of ${describeObject(parentKind, fields[def.parentField], name)}`;
}

const byId = (kind: KindName, id: string) => `${KINDS[kind].title.toLowerCase()} ${id}`;

/** The message alone, its parts rendered in `style`. */
export function formatMessage(message: readonly MessagePart[], style: MessageStyle): string {
  let text = '';
  for (const part of message) {
    if (typeof part === 'string') text += part;
    else if ('field' in part) text += style.field(part.field);
    else if ('value' in part) text += show(part.value);
    else if ('object' in part) text += (style.object ?? describeObject)(part.object.kind as KindName, part.object.id);
    else text += style.step ? style.step(part.step) : `step ${show(part.step.name)}`;
  }
  return text;
}

/** The finding as one line: the seed rule first when it is one (`R6: …`), then the message. */
export function formatIssue(issue: Issue, style: MessageStyle): string {
  const text = formatMessage(issue.message, style);
  return /^R\d$/.test(issue.rule) ? `${issue.rule}: ${text}` : text;
}
