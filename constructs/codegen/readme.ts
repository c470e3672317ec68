/**
 * The props reference of constructs/README.md: one table per construct, written from the same
 * interfaces as constructs/generated/props.ts, between two marker lines (`npm run docs`; a test
 * fails when it is stale). The rest of the README is written by hand.
 */
import { ALL_PROP_SPECS } from '../props-spec';
import { interfacesOf, type InterfaceDoc, type PropDoc } from './props';

export const PROPS_BEGIN = '<!-- props reference: written by `npm run docs` from the model; do not edit by hand -->';
export const PROPS_END = '<!-- end of props reference -->';

/** The reference section, markers included. */
export function renderPropsReference(): string {
  const sections: string[] = [];
  const nested: InterfaceDoc[] = [];
  for (const spec of ALL_PROP_SPECS) {
    const [own, ...inner] = interfacesOf(spec);
    nested.push(...inner);
    const title = spec.usedBy ? `### ${spec.usedBy}: \`${spec.name}\`` : `### \`${spec.name}\``;
    sections.push([title, '', oneLine(spec.doc), '', ...heritage(own), ...table(own.props)].join('\n'));
  }
  for (const inner of nested) sections.push([`### \`${inner.name}\``, '', ...(inner.doc ? [oneLine(inner.doc), ''] : []), ...table(inner.props)].join('\n'));
  return [PROPS_BEGIN, '', ...sections.flatMap((s) => [s, '']), PROPS_END].join('\n');
}

/** `readme` with its props reference replaced by the current one. */
export function withPropsReference(readme: string): string {
  const begin = readme.indexOf(PROPS_BEGIN);
  const end = readme.indexOf(PROPS_END);
  if (begin < 0 || end < begin) throw new Error(`constructs/README.md: the props reference markers are missing; put ${PROPS_BEGIN} and ${PROPS_END} where it goes`);
  return readme.slice(0, begin) + renderPropsReference() + readme.slice(end + PROPS_END.length);
}

function heritage(own: InterfaceDoc): string[] {
  return own.extends.length ? [`Also every prop of ${own.extends.map((e) => `\`${e}\``).join(', ')}.`, ''] : [];
}

function table(props: readonly PropDoc[]): string[] {
  if (props.length === 0) return ['No props of its own.'];
  return [
    '| prop | type | | meaning |',
    '|---|---|---|---|',
    ...props.map((p) => `| \`${p.name}\` | ${code(p.type)} | ${p.optional ? (p.default !== undefined ? `default ${cell(p.default)}` : 'optional') : 'required'} | ${cell(oneLine(p.doc))} |`),
  ];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${cell(text)}\``;
