/**
 * The words of a review, once: headings, sentences and lists built from a `Review`, as a small
 * document of blocks whose inline parts (names, code, emphasis) each renderer writes its own way
 * (Markdown for a pull request, plain text for a terminal). No renderer writes a sentence of its own.
 */
import type { Advice } from './advice';
import type { Impact, Usage, UsingField } from './blast-radius';
import type { FieldChange } from './field-diff';
import type { ObjectAction, ObjectReview, Review } from './review';
import type { StepChange, StepChangeKind } from './steps';

export type Inline =
  | string
  | { readonly code: string }
  | { readonly strong: readonly Inline[] }
  | { readonly em: string }
  /** A name people gave (a step, an object): quoted, never read as markup. */
  | { readonly name: string };

export interface ListItem {
  readonly text: readonly Inline[];
  readonly items?: readonly ListItem[];
}

export type Block =
  | { readonly heading: readonly Inline[]; readonly level: number }
  | { readonly paragraph: readonly Inline[] }
  | { readonly warning: readonly Inline[] }
  | { readonly list: readonly ListItem[] }
  /** A diagram and the words that explain its marks (left out where it cannot be drawn). */
  | { readonly diagram: string; readonly language: 'mermaid'; readonly legend?: readonly Inline[] }
  /** Blocks a reader may fold away (a new sequence's every step). */
  | { readonly details: readonly Inline[]; readonly blocks: readonly Block[] };

export interface DocumentOptions {
  /** Level of the review's own heading (its sections are one deeper). Default 2. */
  readonly headingLevel?: number;
}

const ACTION_WORDS: Readonly<Record<ObjectAction, string>> = {
  create: 'to create',
  update: 'to update',
  replace: 'to replace',
  delete: 'to delete',
  forget: 'to forget',
};

const STEP_CHANGE_ORDER: readonly StepChangeKind[] = ['inserted', 'removed', 'moved', 'renamed', 'changed'];

export function reviewDocument(review: Review, options: DocumentOptions = {}): Block[] {
  const level = options.headingLevel ?? 2;
  const blocks: Block[] = [{ heading: review.title ? ['Review of ', { name: review.title }] : ['Review of the plan'], level }];
  blocks.push(...headline(review));
  if (review.objects.length === 0) return blocks;
  if (review.blastRadius.length > 0) blocks.push({ heading: ['Blast radius'], level: level + 1 }, ...blastRadiusBlocks(review));
  if (review.advice.length > 0) blocks.push({ heading: ['Advice'], level: level + 1 }, { list: review.advice.map(adviceItem) });
  const sequences = review.objects.filter((o) => o.kind === 'taskSequence');
  const others = review.objects.filter((o) => o.kind !== 'taskSequence');
  if (sequences.length > 0) {
    blocks.push({ heading: ['Task sequences'], level: level + 1 });
    for (const sequence of sequences) blocks.push(...sequenceBlocks(sequence, level + 2));
  }
  if (others.length > 0) {
    blocks.push({ heading: ['Other objects'], level: level + 1 });
    for (const object of others) blocks.push(...objectBlocks(object, level + 2));
  }
  return blocks;
}

// ---- headline -------------------------------------------------------------------------------------

function headline(review: Review): Block[] {
  const s = review.summary;
  if (review.objects.length === 0) return [{ paragraph: [{ strong: ['No changes.'] }, ' The plan changes nothing on the deployment server.'] }];
  const actions = (['create', 'update', 'replace', 'delete', 'forget'] as const).filter((a) => a !== 'forget' || s.forget > 0);
  const blocks: Block[] = [
    { paragraph: [{ strong: [`Plan: ${actions.map((a) => `${s[a]} ${ACTION_WORDS[a]}`).join(', ')}.`] }] },
    {
      paragraph: [
        s.byKind
          .map((k) => `${k.title}: ${actions.filter((a) => k[a] > 0).map((a) => `${k[a]} ${ACTION_WORDS[a]}`).join(', ')}`)
          .join(' · '),
      ],
    },
  ];
  const risky = review.blastRadius.filter((i) => (i.action === 'replace' || i.action === 'delete') && i.usedBy.length > 0);
  if (risky.length > 0) {
    const parts: Inline[] = ['This plan replaces or deletes objects that task sequences use: '];
    risky.forEach((impact, i) => {
      if (i > 0) parts.push('; ');
      parts.push(...objectName(impact), ' (', { code: impact.address }, `, ${impact.action}) is used by ${count(impact.usedBy.length, 'task sequence')}`);
    });
    parts.push('. See the blast radius below.');
    blocks.push({ warning: parts });
  }
  return blocks;
}

// ---- blast radius ---------------------------------------------------------------------------------

function blastRadiusBlocks(review: Review): Block[] {
  const blocks: Block[] = [{ list: review.blastRadius.map((impact) => impactItem(impact, review.serverChecked)) }];
  if (!review.serverChecked) {
    blocks.push({ paragraph: [{ em: 'Task sequences on the server that this plan does not manage were not searched; run the review with --server to include them.' }] });
  }
  return blocks;
}

function impactItem(impact: Impact, serverChecked: boolean): ListItem {
  const head: Inline[] = [...objectName(impact), ' (', { code: impact.address }, `, ${impact.id}) `, { strong: [impact.action] }];
  if (impact.usedBy.length === 0) {
    return { text: [...head, `: not used by any task sequence in this plan${serverChecked ? ' or on the server' : ''}`] };
  }
  return { text: [...head, `: used by ${count(impact.usedBy.length, 'task sequence')}`], items: impact.usedBy.map(usageItem) };
}

function usageItem(usage: Usage): ListItem {
  const where: Inline[] = usage.source === 'plan' ? [' (', { code: usage.address ?? '' }, ')'] : [` (${usage.id}, on the server)`];
  return { text: ['task sequence ', { name: usage.taskSequence }, ...where], items: usage.uses.map(useItem) };
}

function useItem(use: UsingField): ListItem {
  const field: Inline[] = [' (', { code: use.field }, ')'];
  if (!use.step) return { text: ['the sequence itself', ...field] };
  return { text: ['step ', { name: use.step.name }, ...inGroup(use.step.group), ...field] };
}

// ---- advice ---------------------------------------------------------------------------------------

function adviceItem(advice: Advice): ListItem {
  return { text: [{ code: advice.address }, ': ', advice.message] };
}

// ---- task sequences -------------------------------------------------------------------------------

function sequenceBlocks(sequence: ObjectReview, level: number): Block[] {
  const blocks: Block[] = [{ heading: heading(sequence), level }, { paragraph: meta(sequence) }];
  const created = sequence.action === 'create';
  if (sequence.changes.length > 0) blocks.push({ list: sequence.changes.map((c) => fieldItem(c, created)) });
  const steps = sequence.steps ?? [];
  if (created) {
    const list: Block = { list: steps.map(stepItem) };
    blocks.push({ details: [`${count(steps.length, 'step')}, all new`], blocks: [list] });
  } else if (steps.length === 0) {
    blocks.push({ paragraph: ['Steps: no changes.'] });
  } else {
    const counts = STEP_CHANGE_ORDER.map((kind) => [kind, steps.filter((s) => s.change === kind).length] as const).filter(([, n]) => n > 0);
    blocks.push({ paragraph: [`Steps: ${counts.map(([kind, n]) => `${n} ${kind}`).join(', ')}.`] }, { list: steps.map(stepItem) });
  }
  if (sequence.mermaid) {
    blocks.push({
      diagram: sequence.mermaid,
      language: 'mermaid',
      legend: [{ em: `${created ? '' : 'Highlighted: inserted (green), changed (yellow), renamed (purple), moved (blue). '}Hexagons are hardware steps.` }],
    });
  }
  return blocks;
}

function stepItem(step: StepChange): ListItem {
  const what: Inline[] = [step.kind === 'group' ? 'group ' : 'step ', { name: step.name }, ...(step.kind === 'step' ? [` (${step.actionTitle})`] : [])];
  const verb = { strong: [step.change] };
  switch (step.change) {
    case 'inserted':
      return {
        text: [verb, ' ', ...what, ...inGroup(step.group), ` at position ${step.position}`],
        ...(step.fields?.length ? { items: step.fields.map((f) => fieldItem(f, true)) } : {}),
      };
    case 'removed':
      return { text: [verb, ' ', ...what, ...inGroup(step.group), ` from position ${step.position}`] };
    case 'renamed':
      return { text: [verb, ' ', step.kind === 'group' ? 'group ' : 'step ', { name: step.previousName ?? '' }, ' → ', { name: step.name }, ...inGroup(step.group)] };
    case 'moved':
      return { text: [verb, ' ', ...what, ...movedWhere(step), `: position ${step.previousPosition} → ${step.position}`] };
    case 'changed':
      return { text: [verb, ' ', ...what, ...inGroup(step.group)], items: (step.fields ?? []).map((f) => fieldItem(f, false)) };
  }
}

function movedWhere(step: StepChange): Inline[] {
  const from = step.previousGroup ?? step.group;
  if (sameGroup(from, step.group)) return inGroup(step.group);
  if (from.length === 0) return [' from the top level into group ', { name: groupText(step.group) }];
  if (step.group.length === 0) return [' out of group ', { name: groupText(from) }, ' to the top level'];
  return [' from group ', { name: groupText(from) }, ' into group ', { name: groupText(step.group) }];
}

function sameGroup(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

function inGroup(group: readonly string[]): Inline[] {
  return group.length === 0 ? [] : [' in group ', { name: groupText(group) }];
}

/** Nested groups, outermost first: `Hardware › Dell`. */
function groupText(group: readonly string[]): string {
  return group.join(' › ');
}

// ---- other objects --------------------------------------------------------------------------------

function objectBlocks(object: ObjectReview, level: number): Block[] {
  const blocks: Block[] = [{ heading: heading(object), level }, { paragraph: meta(object) }];
  if (object.changes.length > 0) blocks.push({ list: object.changes.map((c) => fieldItem(c, object.action === 'create')) });
  return blocks;
}

function heading(object: ObjectReview): Inline[] {
  return [...objectName(object), ` — ${object.action}`];
}

function objectName(object: { title: string; name?: string }): Inline[] {
  return object.name !== undefined ? [`${object.title} `, { name: object.name }] : [object.title];
}

function meta(object: ObjectReview): Inline[] {
  const parts: Inline[] = [{ code: object.address }];
  if (object.id) parts.push(` · ${object.id}`);
  if (object.previousAddress) parts.push(' · moved from ', { code: object.previousAddress });
  if (object.replaceBecause?.length) {
    parts.push(' · replaced because ');
    object.replaceBecause.forEach((path, i) => parts.push(...(i > 0 ? [', '] : []), { code: path }));
    parts.push(' cannot change in place');
  }
  if (object.action === 'replace') parts.push(' · the new object gets a new ID');
  return parts;
}

// ---- field changes --------------------------------------------------------------------------------

/** One field's change; `created` for a new object or step (its values only, no "before"). */
function fieldItem(change: FieldChange, created: boolean): ListItem {
  const field = { code: change.field };
  if (change.secret) {
    const said = { rotated: 'rotated', set: 'set', removed: 'no longer given' }[change.secret];
    return { text: ['secret ', field, ` ${said}`] };
  }
  if (change.sensitive) return { text: [field, created ? ': sensitive value' : ': sensitive value changed'] };
  const after: Inline = change.afterUnknown ? { em: 'known after apply' } : 'after' in change ? shown(change, change.after) : { em: 'not set' };
  if (created) return { text: [field, ' = ', after] };
  const before: Inline = 'before' in change ? shown(change, change.before) : { em: 'not set' };
  return { text: [field, ': ', before, ' → ', after] };
}

/** A value as people read it: a string in quotes as written (a Windows path keeps single backslashes), anything else as JSON. */
function shown(change: FieldChange, value: unknown): Inline {
  if (typeof value !== 'string') return { code: JSON.stringify(value) };
  return { code: change.readable ? value : `"${value}"` };
}

/** A nested bullet list, two spaces per level (Markdown's and the terminal's layout alike). */
export function bulletList(items: readonly ListItem[], inline: (parts: readonly Inline[]) => string, depth = 0): string {
  return items
    .map((item) => {
      const line = `${'  '.repeat(depth)}- ${inline(item.text)}`;
      return item.items?.length ? `${line}\n${bulletList(item.items, inline, depth + 1)}` : line;
    })
    .join('\n');
}

/** Inline parts as plain words, without markup. */
export function plainText(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : 'code' in p ? p.code : 'strong' in p ? plainText(p.strong) : 'em' in p ? p.em : `"${p.name}"`)).join('');
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
