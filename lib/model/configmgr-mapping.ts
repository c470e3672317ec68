/**
 * Reading the ConfigMgr mapping the model declares beside each action, condition test and field
 * (`configMgrClass`, `configMgr`: annotations.ts), and checking that it is complete: every field
 * says how ConfigMgr stores it, or that it is the model's own.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import { keyword, type ConfigMgrClass, type ConfigMgrField, type ConfigMgrProperty } from './annotations';
import { CONDITION_TESTS, ConditionSchema } from './conditions';
import { ACTIONS, StepSchema } from './task-sequence';
import { fieldsOf } from './walk';

/** The ConfigMgr class declared on an action or condition test schema. */
export function configMgrClassOf(schema: TSchema): ConfigMgrClass | undefined {
  return keyword(schema, 'configMgrClass');
}

/** The ConfigMgr mapping declared on a field. */
export function configMgrFieldOf(schema: TSchema): ConfigMgrField | undefined {
  return keyword(schema, 'configMgr');
}

/** Whether a field's mapping is a ConfigMgr property (not a model-only field). */
export function isConfigMgrProperty(mapping: ConfigMgrField | undefined): mapping is ConfigMgrProperty {
  return mapping !== undefined && 'property' in mapping;
}

/** The object schema a field holds (itself, or its list's items), if any. */
function objectOf(schema: TSchema): TObject | undefined {
  if (schema.type === 'object' && schema.properties) return schema as TObject;
  if (schema.type === 'array' && schema.items?.type === 'object') return schema.items as TObject;
  return undefined;
}

/**
 * What the declarations lack, as one line per gap (`runCommandLine.hardware: no ConfigMgr mapping`);
 * empty when every action, condition test and step setting is declared in full.
 */
export function configMgrMappingGaps(): string[] {
  const gaps: string[] = [];
  for (const [name, schema] of Object.entries(ACTIONS)) gaps.push(...objectGaps(name, schema as TObject, name === 'group' ? 'group' : 'action'));
  for (const [name, schema] of Object.entries(CONDITION_TESTS)) gaps.push(...objectGaps(`condition.${name}`, schema as TObject, 'test'));
  gaps.push(...fieldGaps('condition', ConditionSchema, new Set(Object.keys(CONDITION_TESTS))));
  gaps.push(...fieldGaps('step', StepSchema, new Set(Object.keys(ACTIONS))));
  return gaps;
}

/** Gaps of an action, group or test: its class, then its fields. */
export function objectGaps(name: string, schema: TObject, what: 'action' | 'group' | 'test'): string[] {
  const gaps: string[] = [];
  const cls = configMgrClassOf(schema);
  if (!cls) return [`${name}: no configMgrClass`];
  if (!/^SMS_TaskSequence_\w+$/.test(cls.type)) gaps.push(`${name}: class ${JSON.stringify(cls.type)} is not a task sequence class`);
  if (what === 'action') {
    if (!cls.action) gaps.push(`${name}: no action text (the class's CommandLine)`);
    if (!cls.runIn) gaps.push(`${name}: no runIn`);
  }
  gaps.push(...fieldGaps(name, schema));
  if (what === 'action' && cls.action) gaps.push(...actionTextGaps(name, schema, cls.action));
  return gaps;
}

/** Gaps among the fields of `schema`, at any depth; `classed` names fields that are ConfigMgr objects of their own. */
function fieldGaps(name: string, schema: TObject, classed: ReadonlySet<string> = new Set()): string[] {
  const gaps: string[] = [];
  for (const [field, child] of fieldsOf(schema)) {
    const at = `${name}.${field}`;
    if (classed.has(field)) continue;
    const mapping = configMgrFieldOf(child);
    const nested = objectOf(child);
    if (!mapping && !(nested && configMgrClassOf(nested))) {
      gaps.push(`${at}: no ConfigMgr mapping (configMgr: a property, or modelOnly with how it survives a round trip)`);
      continue;
    }
    if (isConfigMgrProperty(mapping)) {
      if (child.writeOnly && mapping.variable === undefined) gaps.push(`${at}: a secret with no variable to export blank`);
      if (child.type === 'boolean' && mapping.values && !(mapping.values.true && mapping.values.false)) gaps.push(`${at}: values name true and false both`);
      if (child.type === 'array' && !nested && mapping.list === undefined && mapping.property !== 'Operands') gaps.push(`${at}: a list with no separator (list)`);
    }
    // A nested object of its own class (an operating system platform) or a deeper condition level is checked where it is declared.
    if (nested && !keyword(nested, 'sameAs')) gaps.push(...fieldGaps(at, nested));
  }
  return gaps;
}

/**
 * Every `%n` of the action text has the field whose argument is n, every argument is in the text
 * (as `%n`, or as the condition of a `<?n: …>` segment), and every `%%NAME%%` is a variable of the step.
 */
function actionTextGaps(name: string, schema: TObject, text: string): string[] {
  const mappings = fieldsOf(schema).map(([, s]) => configMgrFieldOf(s)).filter(isConfigMgrProperty);
  const args = new Set(mappings.flatMap((m) => (m.argument !== undefined ? [m.argument] : [])));
  const variables = new Set(mappings.flatMap((m) => (m.variable !== undefined ? [m.variable] : [])));
  const gaps: string[] = [];
  for (const m of text.matchAll(/(?<!%)%(\d+)/g)) if (!args.has(Number(m[1]))) gaps.push(`${name}: the action text uses %${m[1]}, but no field is argument ${m[1]}`);
  for (const m of text.matchAll(/%%?([A-Za-z_]\w*)%%?/g)) if (!variables.has(m[1])) gaps.push(`${name}: the action text uses variable ${m[1]}, which no field declares`);
  for (const m of mappings) {
    const used = text.includes(`%${m.argument}`) || text.includes(`<?${m.argument}:`);
    if (m.argument !== undefined && !used && m.attribute === undefined) gaps.push(`${name}.${m.property}: argument ${m.argument} is not in the action text`);
  }
  return gaps;
}
