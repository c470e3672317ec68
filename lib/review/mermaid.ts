/**
 * A task sequence as a Mermaid flowchart, which GitHub draws in a pull-request comment: the
 * steps top to bottom in the order they run, each group a subgraph around its steps, hardware
 * steps as hexagons, a step's condition under its name, and the steps this change inserts,
 * changes, renames or moves highlighted. Node IDs follow positions (`s3` is `steps[3]`), so the
 * same sequence gives the same text.
 */
import type { Step } from '../model';
import { describeCondition } from './condition';
import type { StepMark } from './steps';
import { actionOf } from '../model';
import { actionTitle, hardwareOf, isGroup, stepName } from './step-labels';

/** Colours of the highlights, readable in GitHub's light and dark themes. */
const CLASSES: Readonly<Record<StepMark | 'disabled', string>> = {
  inserted: 'fill:#dafbe1,stroke:#1a7f37,color:#0d1117',
  changed: 'fill:#fff8c5,stroke:#9a6700,color:#0d1117',
  renamed: 'fill:#fbefff,stroke:#8250df,color:#0d1117',
  moved: 'fill:#ddf4ff,stroke:#0969da,color:#0d1117',
  disabled: 'stroke-dasharray:4 3,color:#6e7781',
};

/** Longest condition text shown in a node; the review lists it in full. */
const CONDITION_LENGTH = 70;

export function flowchart(steps: readonly Step[], marks: readonly (StepMark | undefined)[] = []): string {
  const lines = ['flowchart TD'];
  const groups = new Map<string, number>(); // group name → position
  const children = new Map<number, number[]>(); // group position (-1: top level) → member positions
  steps.forEach((step, i) => {
    const parent = typeof step.inGroup === 'string' && groups.has(step.inGroup) ? groups.get(step.inGroup)! : -1;
    children.set(parent, [...(children.get(parent) ?? []), i]);
    if (isGroup(step)) groups.set(stepName(step), i);
  });
  const emit = (parent: number, depth: number) => {
    const pad = '  '.repeat(depth);
    for (const i of children.get(parent) ?? []) {
      const step = steps[i];
      if (!isGroup(step)) {
        lines.push(`${pad}${nodeId(i)}${shape(step, label(step))}`);
      } else if ((children.get(i) ?? []).length === 0) {
        lines.push(`${pad}${nodeId(i)}[["${text(label(step))}"]]`); // an empty group: a node of its own
      } else {
        lines.push(`${pad}subgraph ${nodeId(i)} ["${text(label(step))}"]`);
        lines.push(`${pad}  direction TB`);
        emit(i, depth + 1);
        lines.push(`${pad}end`);
      }
    }
  };
  emit(-1, 1);
  // The order steps run in: every step that is not a group (or is an empty one), one after the other.
  const flow = steps.map((s, i) => i).filter((i) => !isGroup(steps[i]) || (children.get(i) ?? []).length === 0);
  for (let k = 1; k < flow.length; k++) lines.push(`  ${nodeId(flow[k - 1])} --> ${nodeId(flow[k])}`);
  const byClass = new Map<string, number[]>();
  steps.forEach((step, i) => {
    const mark = marks[i] ?? (step.enabled === false ? 'disabled' : undefined);
    if (mark) byClass.set(mark, [...(byClass.get(mark) ?? []), i]);
  });
  for (const [name, members] of [...byClass].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  classDef ${name} ${CLASSES[name as keyof typeof CLASSES]}`);
    lines.push(`  class ${members.map(nodeId).join(',')} ${name}`);
  }
  return lines.join('\n');
}

function nodeId(position: number): string {
  return `s${position}`;
}

/** The step's name; its action when the name does not say it; its hardware; its condition; disabled. */
function label(step: Step): string[] {
  const lines = [stepName(step)];
  const action = actionOf(step);
  const title = actionTitle(action);
  const hardware = hardwareOf(step);
  if (!isGroup(step) && title.toLowerCase() !== stepName(step).toLowerCase()) lines.push(hardware ? `${title}, hardware: ${hardware}` : title);
  else if (hardware) lines.push(`hardware: ${hardware}`);
  if (step.condition !== undefined) {
    const condition = describeCondition(step.condition);
    lines.push(`if ${condition.length > CONDITION_LENGTH ? `${condition.slice(0, CONDITION_LENGTH - 1)}…` : condition}`);
  }
  if (step.enabled === false) lines.push('(disabled)');
  return lines;
}

function shape(step: Step, lines: string[]): string {
  return hardwareOf(step) ? `{{"${text(lines)}"}}` : `["${text(lines)}"]`;
}

/**
 * Label text inside `"…"`: Mermaid reads `#name;` as an entity, so the characters that would end
 * the label or be read as markup are written that way, and lines are joined with `<br/>`.
 */
function text(lines: string[]): string {
  const escape = (s: string) =>
    s.replace(/[#"<>&`]/g, (c) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;' })[c]!).replace(/[\r\n]+/g, ' ');
  return lines.map(escape).join('<br/>');
}
