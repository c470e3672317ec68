/**
 * Reading and writing an element's attributes from its declaration in `grammar.ts`: declared ones
 * become typed values (written in declaration order), the rest are kept in the order read.
 */
import type { XmlAttribute, XmlElement } from './document';
import { invalid, type Location } from './errors';
import { isProblem, type AttributeSpecs, type AttributeValues } from './grammar';

export interface ReadAttributes<S> {
  readonly values: AttributeValues<S>;
  readonly other: XmlAttribute[];
}

export function readAttributes<S extends AttributeSpecs>(element: XmlElement, specs: S, at: Location): ReadAttributes<S> {
  const known = new Map<string, string>();
  const other: XmlAttribute[] = [];
  for (const attribute of element.attributes) {
    if (Object.hasOwn(specs, attribute.name)) known.set(attribute.name, attribute.value);
    else other.push(attribute);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = known.get(name);
    if (raw === undefined || (spec.required && raw === '')) {
      if (spec.required) throw invalid(at, raw === undefined ? spec.missing! : `${spec.missing!}; this one is empty`);
      continue;
    }
    const value = spec.codec.decode(raw);
    if (isProblem(value)) throw invalid(at, `attribute ${name}="${raw}" ${value.problem}`);
    values[name] = value;
  }
  return { values: values as AttributeValues<S>, other };
}

/** The attributes to write: the declared ones that have a value, in declaration order, then `other`. */
export function writeAttributes<S extends AttributeSpecs>(values: AttributeValues<S>, specs: S, other: readonly XmlAttribute[]): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const value = (values as Record<string, unknown>)[name];
    if (value !== undefined) attributes.push({ name, value: spec.codec.encode(value) });
  }
  return attributes.concat(other);
}
