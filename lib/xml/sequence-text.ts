/**
 * A `<sequence>` document given as text inside something else: the Sequence property of an
 * object.xml, the text of `<SequenceData>`, or a sequence that was entity-escaped on its own.
 */
import type { Sequence } from './document';
import { rootLocation, TaskSequenceXmlError } from './errors';
import { ELEMENT } from './grammar';
import { parseXml } from './parse-xml';
import { readSequence } from './read-sequence';

/** `context` says where the text was found; it goes into every error. */
export function readSequenceText(text: string, context: string): Sequence {
  const root = parseXml(text, context);
  if (root.name !== ELEMENT.sequence) {
    throw new TaskSequenceXmlError({ code: 'other-xml', detail: `found <${root.name}> where a <sequence> was expected`, path: `/${root.name}`, context });
  }
  return readSequence(root, rootLocation(root.name, context));
}
