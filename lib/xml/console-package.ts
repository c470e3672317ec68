/**
 * The 2007 console export: `<SmsTaskSequencePackage>` with the package's properties as child
 * elements and the `<sequence>` inside `<SequenceData>`. Every property element is kept as read;
 * writing puts the known ones in their usual order and the others after them.
 */
import { childrenOf, plainText } from './content';
import type { ConsolePackage, PackageSummary, Sequence, XmlAttribute, XmlElement } from './document';
import { invalid, type Location } from './errors';
import { packageSummary } from './package-summary';
import { CONSOLE_PACKAGE, CONSOLE_PACKAGE_ELEMENTS, ELEMENT, SEQUENCE_DATA } from './grammar';
import { readSequence } from './read-sequence';
import { readSequenceText } from './sequence-text';
import { sequenceElement } from './write-sequence';
import { element, textElement, writeXml } from './write-xml';

/** A property element of the wrapper that this layer knows by name. */
export type ConsolePackageProperty = Exclude<(typeof CONSOLE_PACKAGE_ELEMENTS)[number], typeof SEQUENCE_DATA>;

export interface ReadConsolePackage {
  readonly sequence: Sequence;
  readonly consolePackage: ConsolePackage;
  readonly summary: PackageSummary;
}

/** `root` must be the `<SmsTaskSequencePackage>` element; `at` is its location. */
export function readConsolePackage(root: XmlElement, at: Location): ReadConsolePackage {
  const { one, rest } = childrenOf(root, at, 'a console export', [SEQUENCE_DATA]);
  const sequenceData = one[SEQUENCE_DATA];
  if (!sequenceData) throw invalid(at, `a console export holds its task sequence in <${SEQUENCE_DATA}>; this one has no <${SEQUENCE_DATA}>`);
  const [attribute] = sequenceData.element.attributes;
  if (attribute) throw invalid(sequenceData.at, `<${SEQUENCE_DATA}> has no attributes (found ${attribute.name}="${attribute.value}")`);
  const sequence = readSequenceData(sequenceData.element, sequenceData.at);
  const properties = rest.map((p) => p.element);
  const summary = packageSummary((name) => {
    const element = properties.find((p) => p.name === name);
    return element && plainText(element);
  });
  return { sequence, consolePackage: { attributes: root.attributes.slice(), properties }, summary };
}

/** `<SequenceData>` holds the `<sequence>` element, or the sequence as escaped text (read the same; written as an element). */
function readSequenceData(element: XmlElement, at: Location): Sequence {
  const text = plainText(element);
  if (text !== undefined && text.trim() !== '') return readSequenceText(text, `in the text of ${at.path}`);
  const [first, second] = childrenOf(element, at, `<${SEQUENCE_DATA}>`).rest;
  if (!first || first.element.name !== ELEMENT.sequence) throw invalid(at, `<${SEQUENCE_DATA}> holds no <sequence>${first ? ` (found <${first.element.name}>)` : ''}`);
  if (second) throw invalid(at, `<${SEQUENCE_DATA}> holds one <sequence> and nothing else (found <${second.element.name}> after it)`);
  return readSequence(first.element, first.at);
}

/** The 2007 console export of `sequence` with the properties of `pkg`, as XML text (UTF-8 when stored). */
export function writeConsolePackage(sequence: Sequence, pkg: ConsolePackage): string {
  const known = new Set<string>(CONSOLE_PACKAGE_ELEMENTS);
  const children: XmlElement[] = [];
  for (const name of CONSOLE_PACKAGE_ELEMENTS) {
    if (name === SEQUENCE_DATA) children.push(element(name, [], [sequenceElement(sequence)]));
    else children.push(...pkg.properties.filter((p) => p.name === name));
  }
  children.push(...pkg.properties.filter((p) => !known.has(p.name)));
  return writeXml(element(CONSOLE_PACKAGE, pkg.attributes, children), { declaration: true });
}

/**
 * A wrapper from plain values, e.g. when exporting a task sequence made elsewhere; properties come
 * in their usual order. One given as `''` is written as an empty element, one left out is not written.
 */
export function consolePackage(properties: Partial<Record<ConsolePackageProperty, string>>, attributes: readonly XmlAttribute[] = []): ConsolePackage {
  const elements: XmlElement[] = [];
  for (const name of CONSOLE_PACKAGE_ELEMENTS) {
    const value = name === SEQUENCE_DATA ? undefined : properties[name];
    if (value !== undefined) elements.push(textElement(name, [], value));
  }
  return { attributes, properties: elements };
}
