/**
 * A current-branch export's object.xml: a CIM-XML `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">`
 * whose `<PROPERTY NAME="Sequence">` holds the sequence as text (entity-escaped in the file, so
 * parsing object.xml yields the `<sequence>` document as a string). Only the sequence and a few
 * package properties are read; the instance itself is not written back by this layer.
 */
import { childrenOf, plainText } from './content';
import type { PackageSummary, Sequence, XmlElement } from './document';
import { invalid, TaskSequenceXmlError, type Location } from './errors';
import { packageSummary } from './package-summary';
import { readSequenceText } from './sequence-text';

export const CIM_INSTANCE = 'INSTANCE';
export const TASK_SEQUENCE_CLASS = 'SMS_TaskSequencePackage';

export interface ReadCimInstance {
  readonly sequence: Sequence;
  readonly summary: PackageSummary;
}

/** The CLASSNAME of an `<INSTANCE>` element, if it has one. */
export function instanceClass(root: XmlElement): string | undefined {
  return root.attributes.find((a) => a.name.toUpperCase() === 'CLASSNAME')?.value;
}

/** `root` must be an `<INSTANCE>` element; `at` is its location. */
export function readCimInstance(root: XmlElement, at: Location): ReadCimInstance {
  const className = instanceClass(root);
  if (className?.toLowerCase() !== TASK_SEQUENCE_CLASS.toLowerCase()) {
    const found = className === undefined ? 'an <INSTANCE> without a CLASSNAME' : `an instance of ${className}`;
    throw new TaskSequenceXmlError({ code: 'other-xml', detail: `found ${found}; expected an instance of ${TASK_SEQUENCE_CLASS}`, path: at.path, context: at.context });
  }
  // CIM names are case-insensitive; ConfigMgr writes them as the class defines them.
  const properties = new Map<string, { value: string | undefined; at: Location }>();
  for (const { element: child, at: childAt } of childrenOf(root, at, 'an <INSTANCE>').rest) {
    const name = child.attributes.find((a) => a.name.toUpperCase() === 'NAME')?.value;
    if (child.name !== 'PROPERTY' || name === undefined) continue;
    const valueElement = child.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'VALUE');
    properties.set(name.toLowerCase(), { value: valueElement && plainText(valueElement), at: childAt });
  }
  const value = (name: string) => properties.get(name.toLowerCase())?.value;

  const sequenceProperty = properties.get('sequence');
  if (!sequenceProperty) throw invalid(at, `the ${TASK_SEQUENCE_CLASS} instance has no <PROPERTY NAME="Sequence">, which holds the task sequence`);
  if (!sequenceProperty.value?.trim()) throw invalid(sequenceProperty.at, 'the Sequence property has no value; it holds the task sequence');
  const context = `in the Sequence property at ${sequenceProperty.at.path}${at.context ? ` ${at.context}` : ''}`;
  const sequence = readSequenceText(sequenceProperty.value, context);
  return { sequence, summary: packageSummary(value) };
}
