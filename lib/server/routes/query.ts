/** Query-string parameters: only the ones a route names, each at most once. */
import { badRequest } from '../errors';
import type { Query } from './context';

export function readQuery<const N extends string>(query: Query, allowed: readonly N[]): Partial<Record<N, string>> {
  const out: Partial<Record<N, string>> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name as N)) {
      throw badRequest(`unknown query parameter ${JSON.stringify(name)}; this route takes ${allowed.length ? allowed.map((a) => JSON.stringify(a)).join(', ') : 'none'}`, [
        { path: name, rule: 'unknownParameter', message: `query parameter ${JSON.stringify(name)} is not known here` },
      ]);
    }
    if (Array.isArray(value)) throw badRequest(`query parameter ${JSON.stringify(name)} is given ${value.length} times; give it once`);
    if (value !== undefined) out[name as N] = value;
  }
  return out;
}

/** A whole number from `min` to `max`, or `fallback` when the parameter is absent. */
export function integerParameter(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    const message = `query parameter ${JSON.stringify(name)} is ${JSON.stringify(raw)}; expected a whole number from ${min} to ${max}`;
    throw badRequest(message, [{ path: name, rule: 'range', message }]);
  }
  return n;
}
