/**
 * A task sequence's steps before and after a change, matched by name within their group rather
 * than by position, so that inserting one step at the top reads as one step inserted (Terraform
 * itself compares `steps[i]` with `steps[i]` and shows every later step as changed).
 *
 * Identity: a step is its name within its group (groups nest: the group path). Two steps of the
 * same name in the same group are told apart by their order: the first "Restart Computer" of a
 * group before is the first one after. Groups are matched the same way, first, so their steps
 * are matched within the matched group.
 *
 * Then, in this order:
 *   1. in each matched group, steps with the same identity are the same step;
 *   2. a step left over before and one left over after in the same group, with the same action
 *      and everything but the name equal, are one step renamed (a group also needs a step in
 *      common, or no steps at all);
 *   3. a step left over before and one left over after in different groups, with the same name
 *      and action, are one step moved to another group;
 *   4. what is still left over was removed (before) or inserted (after);
 *   5. within a group, the matched steps keep the longest run of their old order; each other
 *      matched step moved.
 * A matched step whose settings differ (apart from its name and group) also changed. One step can
 * so be in two entries: moved and changed.
 */
import { actionOf, StepSchema, type ActionName, type Step } from '../model';
import { describeCondition } from './condition';
import { diffFields, type DiffOptions, type FieldChange } from './field-diff';
import { actionAttribute, actionTitle, isGroup, stepName } from './step-labels';
import { sameValue } from './values';

export type StepChangeKind = 'inserted' | 'removed' | 'moved' | 'renamed' | 'changed';

export interface StepChange {
  readonly change: StepChangeKind;
  /** A step, or a group of steps. */
  readonly kind: 'step' | 'group';
  /** The step's name (after the change; before it for a removed step). */
  readonly name: string;
  /** The names of the groups it is in, outermost first; empty at the top level. */
  readonly group: readonly string[];
  /** The action's Terraform attribute (`run_command_line`; `group` for a group). */
  readonly action?: string;
  /** The action's title (`Run Command Line`). */
  readonly actionTitle: string;
  /** Position in the list of steps (0-based, as Terraform's `steps[i]`): after the change; before it for a removed step. */
  readonly position: number;
  /** `moved`: where it was. */
  readonly previousGroup?: readonly string[];
  readonly previousPosition?: number;
  /** `renamed`: its name before. */
  readonly previousName?: string;
  /** `changed`: the settings that changed; `inserted`: the settings it has (defaults left out). */
  readonly fields?: readonly FieldChange[];
}

/** How each step after the change came out of the comparison (for highlighting it). */
export type StepMark = 'inserted' | 'changed' | 'renamed' | 'moved';

export interface StepComparison {
  readonly changes: StepChange[];
  /** By position after the change: the step's most telling change, if any. */
  readonly marks: (StepMark | undefined)[];
}

interface StepNode {
  readonly step: Step;
  readonly position: number;
  readonly group: boolean;
  readonly action: ActionName | undefined;
  readonly parent: StepNode | undefined;
  readonly children: StepNode[];
}

/** The steps as a tree: each step under the group its `inGroup` names (a group earlier in the list). */
function tree(steps: readonly Step[]): { root: StepNode; nodes: StepNode[] } {
  const root: StepNode = { step: { name: '' }, position: -1, group: true, action: undefined, parent: undefined, children: [] };
  const groups = new Map<string, StepNode>();
  const nodes = steps.map((step, position) => {
    const parent = (typeof step.inGroup === 'string' && groups.get(step.inGroup)) || root;
    const node: StepNode = { step, position, group: isGroup(step), action: actionOf(step), parent, children: [] };
    parent.children.push(node);
    if (node.group) groups.set(stepName(step), node);
    return node;
  });
  return { root, nodes };
}

/** Each step's name and group path, by position. */
export function stepLocations(steps: readonly Step[]): { name: string; group: string[] }[] {
  return tree(steps).nodes.map((n) => ({ name: stepName(n.step), group: groupPath(n) }));
}

function groupPath(node: StepNode): string[] {
  const path: string[] = [];
  for (let p = node.parent; p && p.parent; p = p.parent) path.unshift(stepName(p.step));
  return path;
}

const IDENTITY_FIELDS = new Set(['name', 'inGroup']);

const diffOptions = (omitDefaults: boolean): DiffOptions => ({
  skip: (field, path) => path.length === 1 && IDENTITY_FIELDS.has(field),
  asText: (path) => (path.length === 1 && path[0] === 'condition' ? describeCondition : undefined),
  omitDefaults,
});

/** Everything but the name and the group. */
function sameSettings(a: Step, b: Step): boolean {
  const strip = ({ name: _n, inGroup: _g, ...rest }: Step) => rest;
  return sameValue(strip(a), strip(b));
}

export function compareSteps(before: readonly Step[], after: readonly Step[]): StepComparison {
  const b = tree(before);
  const a = tree(after);
  const pairs = new Map<StepNode, StepNode>(); // before → after
  const paired = new Map<StepNode, StepNode>(); // after → before
  const pair = (x: StepNode, y: StepNode) => {
    pairs.set(x, y);
    paired.set(y, x);
  };
  pair(b.root, a.root);

  const matchChildren = (bp: StepNode, ap: StepNode): void => {
    // 1. Same identity: name and order among equals (groups and steps apart).
    const keyed = new Map<string, StepNode>();
    const keyOf = (n: StepNode, seen: Map<string, number>) => {
      const base = `${n.group ? 'g' : 's'}\u0000${stepName(n.step)}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      return `${base}\u0000${count}`;
    };
    const seenBefore = new Map<string, number>();
    for (const n of bp.children) keyed.set(keyOf(n, seenBefore), n);
    const seenAfter = new Map<string, number>();
    for (const n of ap.children) {
      const match = keyed.get(keyOf(n, seenAfter));
      if (match && !pairs.has(match)) pair(match, n);
    }
    // 2. Renamed: same group, same action, all else equal.
    for (const x of bp.children) {
      if (pairs.has(x)) continue;
      const y = ap.children.find((c) => !paired.has(c) && c.group === x.group && c.action === x.action && sameSettings(x.step, c.step) && childrenOverlap(x, c));
      if (y) pair(x, y);
    }
    for (const x of bp.children) {
      const y = pairs.get(x);
      if (y && y.parent === ap && x.group) matchChildren(x, y);
    }
  };
  matchChildren(b.root, a.root);

  // 3. Moved to another group: same name and action.
  for (const x of b.nodes) {
    if (pairs.has(x)) continue;
    const y = a.nodes.find((c) => !paired.has(c) && c.group === x.group && c.action === x.action && stepName(c.step) === stepName(x.step));
    if (!y) continue;
    pair(x, y);
    if (x.group) matchChildren(x, y);
  }

  // 5. Order within each group: the matched steps off the longest kept run moved.
  const movedInGroup = new Set<StepNode>();
  for (const ap of [a.root, ...a.nodes.filter((n) => n.group)]) {
    const bp = paired.get(ap);
    if (!bp) continue;
    const stayed = ap.children.filter((c) => paired.get(c)?.parent === bp);
    const kept = longestIncreasing(stayed.map((c) => paired.get(c)!.position));
    stayed.forEach((c, i) => {
      if (!kept.has(i)) movedInGroup.add(c);
    });
  }

  const entries: { order: number; change: StepChange }[] = [];
  const marks: (StepMark | undefined)[] = after.map(() => undefined);
  const base = (n: StepNode) => ({
    kind: n.group ? ('group' as const) : ('step' as const),
    name: stepName(n.step),
    group: groupPath(n),
    ...(n.action ? { action: actionAttribute(n.action) } : {}),
    actionTitle: actionTitle(n.action),
    position: n.position,
  });
  for (const y of a.nodes) {
    const x = paired.get(y);
    if (!x) {
      entries.push({ order: y.position, change: { change: 'inserted', ...base(y), fields: diffFields(StepSchema, undefined, y.step, diffOptions(true)) } });
      marks[y.position] = 'inserted';
      continue;
    }
    const fields = diffFields(StepSchema, x.step, y.step, diffOptions(false));
    const renamed = stepName(x.step) !== stepName(y.step);
    const moved = x.parent !== paired.get(y.parent!) || movedInGroup.has(y);
    if (renamed) entries.push({ order: y.position, change: { change: 'renamed', ...base(y), previousName: stepName(x.step) } });
    if (moved) entries.push({ order: y.position, change: { change: 'moved', ...base(y), previousGroup: groupPath(x), previousPosition: x.position } });
    if (fields.length > 0) entries.push({ order: y.position, change: { change: 'changed', ...base(y), fields } });
    marks[y.position] = fields.length > 0 ? 'changed' : renamed ? 'renamed' : moved ? 'moved' : undefined;
  }
  // A removed step is listed where it was: after the step that followed its last kept predecessor.
  let anchor = -1;
  for (const x of b.nodes) {
    const y = pairs.get(x);
    if (y) anchor = y.position;
    else entries.push({ order: anchor + 0.5, change: { change: 'removed', ...base(x) } });
  }
  entries.sort((p, q) => p.order - q.order);
  return { changes: entries.map((e) => e.change), marks };
}

/** For groups: a rename keeps at least one of the group's steps (or the group has none either side). */
function childrenOverlap(x: StepNode, y: StepNode): boolean {
  if (!x.group) return true;
  if (x.children.length === 0 && y.children.length === 0) return true;
  const names = new Set(x.children.map((c) => stepName(c.step)));
  return y.children.some((c) => names.has(stepName(c.step)));
}

/** The indexes of one longest strictly increasing subsequence of `values` (the earliest such run on ties). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of each length
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}
