/**
 * ConfigMgr task sequence XML, read and written without loss. This layer knows the XML (sequence,
 * groups, steps, conditions, variables, the files they come in) and nothing of the model's typed
 * steps; the typed mapping is built on top of it.
 *
 * - `readTaskSequence(bytes | text)`: a bare `<sequence>` (schema 3.00 or 3.10), the 2007 console
 *   export `<SmsTaskSequencePackage>`, a current-branch object.xml, the export .zip holding one, or
 *   an entity-escaped sequence; the form is told from the content.
 * - `writeSequence(sequence)`, `writeConsolePackage(sequence, pkg)`: deterministic XML text (the
 *   same model always gives the same text; reading it back gives the same model).
 * - Bad input throws `TaskSequenceXmlError`, whose message names the element path
 *   (`/sequence/group[2]/step[5]`) and what is wrong.
 */
import type { Sequence } from './document';
import { sequenceElement } from './write-sequence';
import { writeXml } from './write-xml';

export type * from './document';
export { TaskSequenceXmlError, type TaskSequenceXmlErrorCode } from './errors';
export { SCHEMA_VERSIONS, OPERATOR_TYPES } from './grammar';
export { readTaskSequence } from './read-task-sequence';
export { writeConsolePackage, consolePackage, type ConsolePackageProperty } from './console-package';

/** The bare `<sequence>` document as XML text (no XML declaration; UTF-8 when stored). */
export function writeSequence(sequence: Sequence): string {
  return writeXml(sequenceElement(sequence), { declaration: false });
}
