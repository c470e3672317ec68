/**
 * XML text to a plain element tree (`XmlElement`), with fast-xml-parser doing the parsing.
 *
 * fast-xml-parser is lenient where this reader must not be (it passes undefined entities, text
 * after the root element and a bare `&` in an attribute) and decodes character references only in
 * its HTML mode, so its entity handling is off and this module decodes every reference itself,
 * exactly once: `&amp;lt;` is the text `&lt;`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlAttribute, XmlElement, XmlNode } from './document';
import { ChildLocations, rootLocation, TaskSequenceXmlError, type Location } from './errors';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Keep attribute names as written; names that could reach an object's prototype make it throw.
  onDangerousProperty: (name: string) => name,
});

/** One node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type OrderedNode = Record<string, unknown>;

const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';

/** Characters XML 1.0 does not allow anywhere, not even as a reference. */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Parses one XML document and returns its root element. `context` says where the text came from
 * when it was embedded in something else; it goes into every error.
 */
export function parseXml(source: string, context?: string): XmlElement {
  // XML reads every line end as \n (XML 1.0 §2.11); a literal \r survives only as &#13;.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const start = text.search(/\S/);
  if (start < 0) throw notXml(text, 0, 'the text is empty', context);
  if (text[start] !== '<') throw notXml(text, start, `the text does not start with an element (found "${excerpt(text, start)}")`, context);
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) throw notXml(text, forbidden.index, `character U+${codeUnit(forbidden[0])} is not allowed in XML`, context);

  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const { line, col, msg } = verdict.err;
    throw new TaskSequenceXmlError({ code: 'not-xml', detail: `not XML: line ${line}${col ? `, column ${col}` : ''}: ${msg}`, line, column: col, context });
  }
  const end = text.lastIndexOf('>') + 1;
  const trailing = text.slice(end).search(/\S/);
  if (trailing >= 0) throw notXml(text, end + trailing, `text after the root element (found "${excerpt(text, end + trailing)}")`, context);

  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    throw new TaskSequenceXmlError({ code: 'not-xml', detail: `not XML: ${(error as Error).message}`, context });
  }
  const roots = nodes.filter((node) => tagName(node) !== undefined);
  if (roots.length !== 1) {
    const detail = roots.length === 0 ? 'not XML: no root element' : `not XML: ${roots.length} root elements (<${roots.map(tagName).join('>, <')}>); a document has one`;
    throw new TaskSequenceXmlError({ code: 'not-xml', detail, context });
  }
  const name = tagName(roots[0])!;
  return toElement(roots[0], name, rootLocation(name, context));
}

function tagName(node: OrderedNode): string | undefined {
  for (const key in node) if (key !== ATTRIBUTES_KEY && key !== TEXT_KEY && key !== CDATA_KEY) return key;
  return undefined;
}

function toElement(node: OrderedNode, name: string, at: Location): XmlElement {
  const rawAttributes = (node[ATTRIBUTES_KEY] ?? {}) as Record<string, string>;
  const attributes: XmlAttribute[] = [];
  for (const attributeName of Object.keys(rawAttributes)) {
    // Attribute-value normalization (XML 1.0 §3.3.3): literal tabs and line ends read as spaces.
    const raw = rawAttributes[attributeName].replace(/[\t\n]/g, ' ');
    attributes.push({ name: attributeName, value: decodeReferences(raw, at, `attribute ${attributeName}`) });
  }

  const children: XmlNode[] = [];
  const locations = new ChildLocations(at);
  let text: string | undefined;
  let hasElements = false;
  const flushText = () => {
    if (text !== undefined) children.push({ kind: 'text', text });
    text = undefined;
  };
  for (const child of node[name] as OrderedNode[]) {
    if (TEXT_KEY in child) {
      text = (text ?? '') + decodeReferences(child[TEXT_KEY] as string, at, 'the text');
    } else if (CDATA_KEY in child) {
      const section = child[CDATA_KEY] as OrderedNode[];
      text = (text ?? '') + section.map((part) => part[TEXT_KEY] as string).join('');
    } else {
      flushText();
      hasElements = true;
      const childName = tagName(child)!;
      children.push(toElement(child, childName, locations.next(childName)));
    }
  }
  flushText();
  // Between child elements, whitespace-only text is layout, not content.
  const content = hasElements && children.every((c) => c.kind === 'element' || c.text.trim() === '') ? children.filter((c) => c.kind === 'element') : children;
  return { kind: 'element', name, attributes, children: content };
}

/** Decodes the references of text that is escaped XML on its own (`&lt;sequence …`), once. */
export function decodeEntities(text: string, context: string): string {
  return decodeReferences(text, { path: '', context }, 'the escaped text');
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([A-Za-z_][\w.-]*));/y;

/** Replaces every entity and character reference once; anything else after `&` is an error. */
function decodeReferences(raw: string, at: Location, where: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    out += raw.slice(from, amp);
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(raw);
    if (!match) throw badReference(at, `${where} has an "&" that starts no reference ("${raw.slice(amp, amp + 12)}"); write & as &amp;`);
    const [reference, decimal, hex, entity] = match;
    if (entity !== undefined) {
      if (!Object.hasOwn(PREDEFINED, entity)) throw badReference(at, `${where} uses the entity ${reference}, which is not defined (only &lt; &gt; &amp; &quot; &apos; and character references are)`);
      out += PREDEFINED[entity];
    } else {
      const code = decimal !== undefined ? Number(decimal) : parseInt(hex, 16);
      if (!isXmlCharacter(code)) throw badReference(at, `${where} has the character reference ${reference}, which is not a character XML allows`);
      out += String.fromCodePoint(code);
    }
    from = amp + reference.length;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

function badReference(at: Location, detail: string): TaskSequenceXmlError {
  return new TaskSequenceXmlError({ code: 'not-xml', detail: `not XML: ${detail}`, path: at.path, context: at.context });
}

function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

function notXml(text: string, index: number, what: string, context: string | undefined): TaskSequenceXmlError {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return new TaskSequenceXmlError({ code: 'not-xml', detail: `not XML: line ${line}, column ${column}: ${what}`, line, column, context });
}

function excerpt(text: string, index: number): string {
  const line = text.slice(index).split('\n', 1)[0];
  return line.length > 20 ? `${line.slice(0, 20)}…` : line;
}

function codeUnit(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
