/**
 * A strict reader of Mermaid flowchart text, for the tests: `@mermaid-js/parser` (1.2.1, the
 * parser on npm) has grammars for info, packet, pie, architecture, gitGraph, radar, treemap and a
 * few more, but none for flowcharts, and the `mermaid` package itself is not a dependency. This
 * reads the flowchart statements of Mermaid's documented syntax (header, nodes with a shape and a
 * quoted label, `-->` edges, `subgraph … end`, `direction`, `classDef`, `class`, `%%` comments)
 * and refuses anything else, with the line: a label that would end early (a raw `"`), a `#` that
 * is not an entity code, an unbalanced subgraph, a node ID Mermaid reserves, an edge to or a class
 * on a node never defined.
 */

export interface FlowNode {
  readonly id: string;
  readonly shape: 'rectangle' | 'hexagon' | 'subroutine' | 'subgraph';
  /** The label with entity codes decoded and `<br/>` as line breaks. */
  readonly label: string;
  /** The subgraph the node is in, if any. */
  readonly parent?: string;
}

export interface Flowchart {
  readonly direction: string;
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly edges: readonly (readonly [string, string])[];
  /** Class name → node IDs. */
  readonly classes: ReadonlyMap<string, readonly string[]>;
}

const ID = '[A-Za-z0-9_]+';
const DIRECTIONS = new Set(['TB', 'TD', 'BT', 'RL', 'LR']);
const RESERVED_IDS = new Set(['end', 'subgraph', 'graph', 'flowchart', 'class', 'classDef', 'style', 'click', 'direction']);
const ENTITIES: Readonly<Record<string, string>> = { quot: '"', lt: '<', gt: '>', amp: '&' };
const SHAPES: readonly [RegExp, FlowNode['shape']][] = [
  [new RegExp(`^(${ID})\\[\\["([^"]*)"\\]\\]$`), 'subroutine'],
  [new RegExp(`^(${ID})\\{\\{"([^"]*)"\\}\\}$`), 'hexagon'],
  [new RegExp(`^(${ID})\\["([^"]*)"\\]$`), 'rectangle'],
];

export class FlowchartSyntaxError extends Error {}

export function parseFlowchart(text: string): Flowchart {
  const lines = text.split('\n');
  const nodes = new Map<string, FlowNode>();
  const edges: [string, string][] = [];
  const classDefs = new Set<string>();
  const classUses: { name: string; ids: string[]; line: number }[] = [];
  const open: string[] = [];
  let direction: string | undefined;
  const fail = (line: number, why: string): never => {
    throw new FlowchartSyntaxError(`line ${line + 1}: ${why}: ${JSON.stringify(lines[line])}`);
  };
  const define = (line: number, node: FlowNode) => {
    if (RESERVED_IDS.has(node.id)) fail(line, `"${node.id}" cannot be a node ID`);
    if (nodes.has(node.id)) fail(line, `node ${node.id} is defined twice`);
    nodes.set(node.id, node);
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('%%')) return;
    if (direction === undefined) {
      const header = /^(flowchart|graph) (\w+)$/.exec(line);
      if (!header || !DIRECTIONS.has(header[2])) fail(i, 'expected "flowchart TD" (or another direction) first');
      direction = header![2];
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^subgraph (${ID}) \\["([^"]*)"\\]$`).exec(line))) {
      define(i, { id: m[1], shape: 'subgraph', label: label(m[2], i, fail), ...(open.length ? { parent: open[open.length - 1] } : {}) });
      open.push(m[1]);
      return;
    }
    if (line === 'end') {
      if (open.length === 0) fail(i, '"end" without a subgraph');
      open.pop();
      return;
    }
    if ((m = /^direction (\w+)$/.exec(line))) {
      if (open.length === 0 || !DIRECTIONS.has(m[1])) fail(i, 'a direction belongs in a subgraph and is one of TB, TD, BT, RL, LR');
      return;
    }
    if ((m = new RegExp(`^(${ID}) --> (${ID})$`).exec(line))) {
      edges.push([m[1], m[2]]);
      return;
    }
    if ((m = new RegExp(`^classDef (${ID}) ([a-z-]+:[^,;\\s]+(,[a-z-]+:[^,;\\s]+)*|[a-z-]+:[^;]+)$`).exec(line))) {
      for (const prop of m[2].split(',')) if (!/^[a-z-]+:[#\w. -]+$/.test(prop)) fail(i, `style property ${JSON.stringify(prop)} is not name:value`);
      classDefs.add(m[1]);
      return;
    }
    if ((m = new RegExp(`^class (${ID}(,${ID})*) (${ID})$`).exec(line))) {
      classUses.push({ name: m[3], ids: m[1].split(','), line: i });
      return;
    }
    for (const [pattern, shape] of SHAPES) {
      if ((m = pattern.exec(line))) {
        define(i, { id: m[1], shape, label: label(m[2], i, fail), ...(open.length ? { parent: open[open.length - 1] } : {}) });
        return;
      }
    }
    fail(i, 'not a flowchart statement');
  });
  if (direction === undefined) throw new FlowchartSyntaxError('empty flowchart');
  if (open.length > 0) throw new FlowchartSyntaxError(`subgraph ${open[open.length - 1]} has no "end"`);
  for (const [from, to] of edges) {
    for (const id of [from, to]) if (!nodes.has(id)) throw new FlowchartSyntaxError(`the edge ${from} --> ${to} names ${id}, which is not defined`);
  }
  const classes = new Map<string, string[]>();
  for (const use of classUses) {
    if (!classDefs.has(use.name)) fail(use.line, `class ${use.name} has no classDef`);
    for (const id of use.ids) if (!nodes.has(id)) fail(use.line, `node ${id} is not defined`);
    classes.set(use.name, [...(classes.get(use.name) ?? []), ...use.ids]);
  }
  return { direction, nodes, edges, classes };
}

/** A quoted label: entity codes (`#quot;`, `#35;`) decoded, `<br/>` as a line break; a stray `#`, `<` or `>` refused. */
function label(text: string, line: number, fail: (line: number, why: string) => never): string {
  const withBreaks = text.replace(/<br\/>/g, '\n');
  if (/[<>]/.test(withBreaks)) fail(line, 'a label holds < or > that is not <br/>; write #lt; / #gt;');
  return withBreaks.replace(/#([a-z]+|\d+);|#/g, (whole, code: string | undefined) => {
    if (code === undefined) return fail(line, 'a "#" in a label must start an entity code such as #35;');
    if (/^\d+$/.test(code)) return String.fromCodePoint(Number(code));
    return ENTITIES[code] ?? fail(line, `unknown entity #${code};`);
  });
}
