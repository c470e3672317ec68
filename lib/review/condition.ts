/**
 * A step's condition as one readable line: `Model LIKE '%R710%' and InstallOffice = "true"`.
 *
 * It walks whatever shape the model gives a condition instead of knowing each test type, so a
 * new test type or a nested and/or/not tree reads sensibly without a change here:
 *   - a list, or an object of lists (today's `{ match, variables: [...], wmiQueries: [...] }`),
 *     joins its tests with the object's combinator word (`match: any` → or; default and);
 *   - an object naming a combinator (`{ operator: 'or', operands: [...] }`, `{ or: [...] }`,
 *     `{ not: {...} }`) is that combinator over its operands, in parentheses when nested;
 *   - a WQL query reads as its WHERE clause (`Model LIKE '%R710%'`);
 *   - any other test reads as its subject, its operator and its value
 *     (`_SMSTSInWinPE = "true"`, `HKEY_LOCAL_MACHINE\SOFTWARE\Vendor exists`), the other fields
 *     after it in parentheses.
 */
import { isRecord } from '../model';
import { isHidden, UNKNOWN } from './values';

const COMBINATORS: Readonly<Record<string, 'and' | 'or' | 'not'>> = { and: 'and', all: 'and', or: 'or', any: 'or', not: 'not' };

const OPERATORS: Readonly<Record<string, string>> = {
  equals: '=',
  notEquals: '!=',
  greater: '>',
  greaterEqual: '>=',
  less: '<',
  lessEqual: '<=',
  exists: 'exists',
  notExists: 'does not exist',
  nonExists: 'does not exist',
};

/** The condition as text; `undefined` and an empty condition read as "always". */
export function describeCondition(condition: unknown): string {
  return describe(condition, false) || 'always';
}

function describe(node: unknown, nested: boolean): string {
  if (node === UNKNOWN) return '(known after apply)';
  if (isHidden(node)) return '(sensitive)';
  if (Array.isArray(node)) return join(node.map((n) => describe(n, true)), 'and', nested);
  if (!isRecord(node)) return node === undefined ? '' : String(node);
  const combinator = combinatorOf(node);
  if (combinator) {
    const operands = Object.entries(node)
      .filter(([key]) => key !== combinator.field)
      .flatMap(([, v]) => (Array.isArray(v) ? v : isRecord(v) ? [v] : []))
      .map((n) => describe(n, true))
      .filter((t) => t !== '');
    if (combinator.word === 'not') return operands.length ? `not ${join(operands, 'and', true)}` : '';
    return join(operands, combinator.word, nested);
  }
  return describeTest(node);
}

/** The combinator an object stands for: a key that is one (`{ or: [...] }`), or a field whose value is one (`operator: 'or'`, `match: 'any'`). */
function combinatorOf(node: Record<string, unknown>): { word: 'and' | 'or' | 'not'; field?: string } | undefined {
  const keys = Object.keys(node);
  const named = keys.find((k) => COMBINATORS[k] && (Array.isArray(node[k]) || isRecord(node[k])));
  if (named) return { word: COMBINATORS[named] };
  const hasOperands = keys.some((k) => Array.isArray(node[k]) || isRecord(node[k]));
  const field = keys.find((k) => typeof node[k] === 'string' && COMBINATORS[node[k] as string]);
  if (field && hasOperands) return { word: COMBINATORS[node[field] as string], field };
  // An object of lists only (no test fields of its own) joins them with "and".
  if (hasOperands && keys.every((k) => Array.isArray(node[k]) || isRecord(node[k]))) return { word: 'and' };
  return undefined;
}

function join(parts: string[], word: 'and' | 'or', nested: boolean): string {
  const kept = parts.filter((p) => p !== '');
  if (kept.length <= 1) return kept[0] ?? '';
  const text = kept.join(` ${word} `);
  return nested ? `(${text})` : text;
}

/** One test: a WQL query by its WHERE clause, anything else as subject, operator, value. */
function describeTest(test: Record<string, unknown>): string {
  const entries = Object.entries(test).filter(([, v]) => v !== undefined);
  const query = entries.find(([k, v]) => typeof v === 'string' && /^\s*select\s/i.test(v) && /query/i.test(k));
  if (query) {
    const where = /\swhere\s+([\s\S]+)$/i.exec(query[1] as string);
    const others = entries.filter(([k, v]) => k !== query[0] && !isDefaultNamespace(v));
    return suffix(where ? where[1].trim() : `WMI ${String(query[1]).trim()}`, others);
  }
  const operator = entries.find(([k, v]) => typeof v === 'string' && /operator$/i.test(k) && OPERATORS[v]);
  if (!operator) return suffix('', entries).trim();
  const valueEntry = entries.find(([k]) => k === 'value');
  const subject = entries.filter(([k, v]) => k !== operator[0] && k !== 'value' && (typeof v === 'string' || typeof v === 'number'));
  const rest = entries.filter(([k]) => k !== operator[0] && k !== 'value' && !subject.some(([s]) => s === k));
  const op = OPERATORS[operator[1] as string];
  const value = valueEntry && !['exists', 'does not exist'].includes(op) ? ` ${show(valueEntry[1])}` : '';
  return suffix(`${subject.map(([, v]) => String(v)).join(' ')} ${op}${value}`, rest);
}

function suffix(text: string, fields: [string, unknown][]): string {
  if (fields.length === 0) return text;
  const listed = fields.map(([k, v]) => `${k}: ${show(v)}`).join(', ');
  return text ? `${text} (${listed})` : listed;
}

function isDefaultNamespace(v: unknown): boolean {
  return typeof v === 'string' && v.toLowerCase() === 'root\\cimv2';
}

function show(v: unknown): string {
  if (isHidden(v)) return v === UNKNOWN ? '(known after apply)' : '(sensitive)';
  return typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(show).join(', ')}]` : String(v);
}
