/**
 * A finding about an object: where (a JSON pointer into the object), which rule, and a message a
 * person can act on. The server answers 422 with errors, the provider turns them into diagnostics
 * on the attribute path, the constructs into synth errors on the construct path.
 */
export interface Issue {
  /** JSON pointer into the object, e.g. `/steps/3/runCommandLine/hardware`; `` for the whole object. */
  readonly path: string;
  /** The seed rule (`R1`…`R8`) or the constraint (`maxLength`, `required`, `unique`, …) that was broken. */
  readonly rule: string;
  /** What is wrong, naming the field and the value, and what is expected. */
  readonly message: string;
  /** `error` refuses the object; `warning` is advice (R4, R8) and refuses nothing. */
  readonly severity: 'error' | 'warning';
}

export const error = (path: string, rule: string, message: string): Issue => ({ path, rule, message, severity: 'error' });
export const warning = (path: string, rule: string, message: string): Issue => ({ path, rule, message, severity: 'warning' });

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
