/**
 * A plain element tree to XML text, always the same way: two spaces of indentation per level, `\n`
 * line ends, attributes in the order given, double quotes, `<name />` for an empty element, text
 * kept on the line of its element. An element with mixed content (text beside child elements) is
 * written without any added whitespace, because there whitespace would be content.
 */
import type { XmlAttribute, XmlElement, XmlNode } from './document';

const INDENT = '  ';

export function element(name: string, attributes: readonly XmlAttribute[], children: readonly XmlNode[]): XmlElement {
  return { kind: 'element', name, attributes, children };
}

/** An element holding `text`; empty text makes an empty element. */
export function textElement(name: string, attributes: readonly XmlAttribute[], text: string): XmlElement {
  return element(name, attributes, text === '' ? [] : [{ kind: 'text', text }]);
}

export function writeXml(root: XmlElement, options: { declaration: boolean }): string {
  const out: string[] = [];
  if (options.declaration) out.push('<?xml version="1.0" encoding="utf-8"?>\n');
  writeElement(root, 0, out);
  return out.join('');
}

function writeElement(element: XmlElement, depth: number, out: string[]): void {
  const indent = INDENT.repeat(depth);
  const { children } = element;
  if (children.length === 0) {
    out.push(indent, startTag(element), ' />\n');
  } else if (children.every((c) => c.kind === 'text')) {
    out.push(indent, startTag(element), '>', escapeText(children.map((c) => c.text).join('')), '</', element.name, '>\n');
  } else if (children.every((c) => c.kind === 'element')) {
    out.push(indent, startTag(element), '>\n');
    for (const child of children) writeElement(child, depth + 1, out);
    out.push(indent, '</', element.name, '>\n');
  } else {
    out.push(indent);
    writeInline(element, out);
    out.push('\n');
  }
}

function writeInline(node: XmlNode, out: string[]): void {
  if (node.kind === 'text') {
    out.push(escapeText(node.text));
  } else if (node.children.length === 0) {
    out.push(startTag(node), ' />');
  } else {
    out.push(startTag(node), '>');
    for (const child of node.children) writeInline(child, out);
    out.push('</', node.name, '>');
  }
}

function startTag(element: XmlElement): string {
  return `<${element.name}${element.attributes.map(writeAttribute).join('')}`;
}

function writeAttribute(attribute: XmlAttribute): string {
  return ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// Tabs and line ends are written as references: a parser turns literal ones into spaces.
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

function escapeText(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]) : text;
}

function escapeAttribute(value: string): string {
  return /[&<>"\t\n\r]/.test(value) ? value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]) : value;
}
