/**
 * Between Terraform values (snake_case, every attribute present, null for absent, `Unknown` for
 * values only apply will know) and model values (camelCase, absent fields left out).
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import { toTerraformName, toTerraformValue } from '../model/terraform-names';
import { pointer, pointerSegments } from '../model/issues';
import { isRecord } from '../model/walk';
import { versionAttributeName } from '../model/provider-config';
import { Unknown, type TfObject, type TfValue } from '../tfplugin';

/** A Terraform object of `schema`'s shape as a model value (nulls dropped, unknowns kept). */
export function toModel(schema: TObject, value: TfObject): Record<string, unknown> {
  return modelValue(schema, value) as Record<string, unknown>;
}

function modelValue(schema: TSchema, value: TfValue | undefined): unknown {
  if (value === null || value === undefined || value === Unknown) return value ?? undefined;
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [field, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      const v = modelValue(child, (value as TfObject)[toTerraformName(field)]);
      if (v !== undefined) out[field] = v;
    }
    return out;
  }
  if (schema.type === 'array' && Array.isArray(value)) return value.map((v) => modelValue(schema.items as TSchema, v));
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * A model value as a Terraform object of `schema`'s shape: every attribute present, nested ones
 * too, `null` where the model has nothing. Secrets are null (write-only); the `_wo_version`
 * beside each secret exists only in Terraform, so it is carried over from `carry` (the
 * configuration when planning, the prior state when reading).
 */
export function toTerraform(schema: TObject, value: Record<string, unknown>, carry?: TfObject | null): TfObject {
  return fill(schema, toTerraformValue(schema, value), [], carry ?? null) as TfObject;
}

function fill(schema: TSchema, value: unknown, path: (string | number)[], carry: TfObject | null): TfValue {
  if (value === Unknown) return Unknown;
  if (value === undefined || value === null) return null;
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    const out: TfObject = {};
    for (const [field, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      const name = toTerraformName(field);
      if (child.writeOnly) {
        out[name] = null;
        out[versionAttributeName(name)] = valueAt(carry, [...path, versionAttributeName(name)]);
      } else out[name] = fill(child, value[name], [...path, name], carry);
    }
    return out;
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    return value.map((item, i) => fill(schema.items as TSchema, item, [...path, i], carry));
  }
  return value as TfValue;
}

/** Reads the value at a Terraform attribute path (`['steps', 2, 'join_password']`). */
export function valueAt(root: TfValue | undefined, path: (string | number)[]): TfValue {
  let cur: TfValue | undefined = root;
  for (const step of path) {
    if (cur === null || cur === undefined || cur === Unknown || typeof cur !== 'object') return null;
    cur = (cur as Record<string | number, TfValue>)[step as never];
  }
  return cur ?? null;
}

/** Stands for a referenced object's ID that only apply will know; rules skip such references. */
export const PENDING_ID = '(known after apply)';

/**
 * Takes the unknown values out of a model value, so the model's defaults and rules see only what
 * is known: an unknown reference becomes `PENDING_ID` (a check that needs the object is skipped;
 * one that needs to know whether there is a reference still sees one), anything else is left out.
 * `restoreUnknowns` puts them back at the same places afterwards.
 */
export function withoutUnknowns(schema: TObject, value: Record<string, unknown>): { known: Record<string, unknown>; unknown: string[] } {
  const unknown: string[] = [];
  const strip = (s: TSchema, v: unknown, path: (string | number)[]): unknown => {
    if (v === Unknown) {
      unknown.push(pointer(...path));
      return s.references ? PENDING_ID : undefined;
    }
    if (s.type === 'array' && Array.isArray(v)) return v.map((item, i) => strip(s.items as TSchema, item, [...path, i]));
    if (s.type === 'object' && s.properties && isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) {
        const childSchema = (s.properties as Record<string, TSchema>)[k];
        const stripped = childSchema ? strip(childSchema, child, [...path, k]) : child;
        if (stripped !== undefined) out[k] = stripped;
      }
      return out;
    }
    return v;
  };
  return { known: strip(schema, value, []) as Record<string, unknown>, unknown };
}

/** Puts `Unknown` back at each JSON pointer in a model value. */
export function restoreUnknowns(value: Record<string, unknown>, pointers: readonly string[]): Record<string, unknown> {
  for (const p of pointers) {
    const segments = pointerSegments(p);
    let cur: Record<string | number, unknown> = value;
    for (const seg of segments.slice(0, -1)) {
      if (!isRecord(cur[seg]) && !Array.isArray(cur[seg])) cur[seg] = typeof seg === 'number' ? [] : {};
      cur = cur[seg] as Record<string | number, unknown>;
    }
    if (segments.length > 0) cur[segments[segments.length - 1]] = Unknown;
  }
  return value;
}

/** Whether an issue at `path` touches a value that is not known yet (at, inside or around it). */
export function touchesUnknown(path: string, unknown: readonly string[]): boolean {
  return unknown.some((u) => u === path || u.startsWith(path + '/') || path.startsWith(u + '/') || path === '');
}

/** A JSON pointer into a model value as a Terraform attribute path (`/steps/3/runCommandLine` → ['steps', 3, 'run_command_line']). */
export function terraformPath(p: string): (string | number)[] {
  return pointerSegments(p).map((s) => (typeof s === 'number' ? s : toTerraformName(s)));
}

/** Rewrites the JSON pointers in a message as Terraform paths (`/steps/3/runCommandLine` → `steps[3].run_command_line`). */
export function terraformMessage(message: string): string {
  return message.replace(/(^|[\s(,])((?:\/[A-Za-z0-9]+)+)/g, (_all, lead: string, p: string) => {
    const text = terraformPath(p)
      .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
      .join('');
    return lead + text;
  });
}
