/**
 * Fixture access for the XML tests, and a reference reading of XML that shares no code with
 * `lib/xml`: fast-xml-parser in its own entity mode, turned into a plain tree to compare what a
 * file says with what an export says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const FIXTURES = path.resolve(__dirname, '../fixtures/xml');

export function fixture(relative: string): Buffer {
  return readFileSync(path.join(FIXTURES, relative));
}

export function fixtureText(relative: string): string {
  return fixture(relative).toString('utf8');
}

/** Fixture paths (relative to FIXTURES) in a folder, sorted. */
export function fixturesIn(folder: string): string[] {
  return readdirSync(path.join(FIXTURES, folder))
    .filter((name) => !name.endsWith('.md'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** What an element says, order of attributes aside: the reference the exports are compared with. */
export interface Infoset {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (Infoset | string)[];
}

const reference = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function infoset(xml: string): Infoset {
  const nodes = reference.parse(xml) as Record<string, unknown>[];
  const roots = nodes.filter((n) => !('#text' in n));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return toInfoset(roots[0]);
}

function toInfoset(node: Record<string, unknown>): Infoset {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const attributes = Object.fromEntries(Object.entries((node[':@'] ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)));
  const children: (Infoset | string)[] = [];
  for (const child of node[name] as Record<string, unknown>[]) {
    const text = '#text' in child ? (child['#text'] as string) : undefined;
    if (text === undefined) children.push(toInfoset(child));
    else if (typeof children[children.length - 1] === 'string') children[children.length - 1] += text;
    else children.push(text);
  }
  const hasElements = children.some((c) => typeof c !== 'string');
  const layoutOnly = hasElements && children.every((c) => typeof c !== 'string' || c.trim() === '');
  return { name, attributes, children: layoutOnly ? children.filter((c) => typeof c !== 'string') : children };
}

/** Every element of a tree with its path, in document order. */
export function* elementsOf(tree: Infoset, at = `/${tree.name}`): Generator<[string, Infoset]> {
  yield [at, tree];
  const seen = new Map<string, number>();
  for (const child of tree.children) {
    if (typeof child === 'string') continue;
    const n = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, n);
    yield* elementsOf(child, `${at}/${child.name}[${n}]`);
  }
}
