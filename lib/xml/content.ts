/**
 * What an element holds, for elements of a known grammar: either child elements (with layout
 * whitespace between them) or text only.
 */
import type { XmlElement } from './document';
import { ChildLocations, invalid, type Location } from './errors';

/** A child element and where it is. */
export interface Placed {
  readonly element: XmlElement;
  readonly at: Location;
}

/**
 * The child elements of a structural element with their locations. Those named in `single` are
 * taken out (a second one is an error); the rest stay in document order. `owner` names the
 * element in errors ("a step").
 */
export function childrenOf<S extends string>(element: XmlElement, at: Location, owner: string, single: readonly S[] = []): { one: Partial<Record<S, Placed>>; rest: Placed[] } {
  const one: Partial<Record<S, Placed>> = {};
  const rest: Placed[] = [];
  const locations = new ChildLocations(at);
  for (const child of elementsOf(element, at, owner)) {
    const placed = { element: child, at: locations.next(child.name) };
    const name = child.name as S;
    if (!single.includes(name)) rest.push(placed);
    else if (one[name]) throw invalid(placed.at, `a second <${name}>; ${owner} has at most one`);
    else one[name] = placed;
  }
  return { one, rest };
}

/** The child elements of an element that may hold no text but layout whitespace; `what` names it in the error. */
function elementsOf(element: XmlElement, at: Location, what: string): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const child of element.children) {
    if (child.kind === 'element') elements.push(child);
    else if (child.text.trim() !== '') throw invalid(at, `${what} holds elements, not text (found "${excerpt(child.text)}")`);
  }
  return elements;
}

/** The text of an element that holds only text; `what` names it in the error. */
export function textOf(element: XmlElement, at: Location, what: string): string {
  const text = plainText(element);
  if (text !== undefined) return text;
  const nested = element.children.find((c) => c.kind === 'element') as XmlElement;
  throw invalid(at, `${what} holds only text (found the element <${nested.name}>)`);
}

/** The text of an element that holds only text, or undefined when it holds elements. */
export function plainText(element: XmlElement): string | undefined {
  let text = '';
  for (const child of element.children) {
    if (child.kind === 'element') return undefined;
    text += child.text;
  }
  return text;
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 30 ? `${trimmed.slice(0, 30)}…` : trimmed;
}
