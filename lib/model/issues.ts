/**
 * A finding about an object: where it is (a path into the object), which rule it breaks, and what
 * is wrong, as a message made of parts. The model states the message once; each consumer renders
 * the parts in its user's words (see `format.ts`): the API as JSON pointers (`/steps/3/runCommandLine`),
 * the provider as Terraform attribute paths (`steps[3].run_command_line`), the constructs with
 * construct paths and prop names. Nothing rewrites a rendered message afterwards.
 *
 * Secrets never enter a message: a check that finds something wrong with a secret says so in
 * words, without a `value` part for it.
 */

/** A path into an object: field names as the model spells them, list positions as numbers (from 0). */
export type Path = readonly (string | number)[];

/** Another object a message names, by kind and ID. */
export interface ObjectMention {
  readonly kind: string;
  readonly id: string;
}

/** A step of a task sequence a message names: by its position in `steps` and its name. */
export interface StepMention {
  readonly index: number;
  readonly name: string;
}

/**
 * One part of a message: words, or something each consumer shows its own way: a field of the
 * object (`field`), a value (`value`, shown as JSON and shortened), another object (`object`),
 * a step (`step`).
 */
export type MessagePart =
  | string
  | { readonly field: Path }
  | { readonly value: unknown }
  | { readonly object: ObjectMention }
  | { readonly step: StepMention };

export interface Issue {
  /** Where: the field the finding is about; `[]` for the whole object. */
  readonly path: Path;
  /** The seed rule (`R1`…`R8`) or the constraint (`maxLength`, `required`, `unique`, …) that was broken. */
  readonly rule: string;
  /** `error` refuses the object; `warning` is advice (R4, R8) and refuses nothing. */
  readonly severity: 'error' | 'warning';
  /** What is wrong, naming the field and the value, and what is expected. */
  readonly message: readonly MessagePart[];
}

export const error = (path: Path, rule: string, message: readonly MessagePart[]): Issue => ({ path, rule, message, severity: 'error' });
export const warning = (path: Path, rule: string, message: readonly MessagePart[]): Issue => ({ path, rule, message, severity: 'warning' });

/** A field of the object, as a message part. */
export const field = (path: Path): MessagePart => ({ field: path });
/** A value, as a message part (never a secret's). */
export const value = (v: unknown): MessagePart => ({ value: v });
/** Another object, as a message part. */
export const object = (kind: string, id: string): MessagePart => ({ object: { kind, id } });
/** A task sequence step, as a message part. */
export const step = (index: number, name: string): MessagePart => ({ step: { index, name } });

/**
 * Builds a message from a template: the literal text becomes words, each interpolation must be a
 * part made with `field`, `value`, `object` or `step` (or plain words, a string or number).
 *
 *   msg`${field(at)} references ${object('package', id)}, which does not exist on the server`
 */
export function msg(strings: TemplateStringsArray, ...parts: (MessagePart | number)[]): MessagePart[] {
  const out: MessagePart[] = [];
  strings.forEach((text, i) => {
    if (text !== '') out.push(text);
    if (i < parts.length) out.push(typeof parts[i] === 'number' ? String(parts[i]) : (parts[i] as MessagePart));
  });
  return out;
}

/** Whether `path` is `prefix` or lies inside it. */
export function isWithin(path: Path, prefix: Path): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/** Splits a JSON pointer into its segments (array indexes as numbers). */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Joins segments into a JSON pointer. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A value as a message shows it: JSON, shortened when long. */
export function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
