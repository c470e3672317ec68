/**
 * Reading a task sequence in any form it is handed around in, told apart by content (never by
 * file name): a .zip by its first bytes, an entity-escaped sequence by its first characters, and
 * XML by its root element.
 */
import { CIM_INSTANCE, readCimInstance } from './cim-instance';
import { readConsolePackage } from './console-package';
import type { TaskSequenceFile } from './document';
import { rootLocation, TaskSequenceXmlError } from './errors';
import { isZip, readExportZip } from './export-zip';
import { CONSOLE_PACKAGE, ELEMENT } from './grammar';
import { decodeEntities, parseXml } from './parse-xml';
import { readSequence } from './read-sequence';
import { readSequenceText } from './sequence-text';
import { decodeText } from './text-encoding';

const ESCAPED_CONTEXT = 'in the entity-escaped sequence';

/**
 * Reads a task sequence from the bytes of a file (UTF-8 or UTF-16, or a .zip) or from text.
 * Returns the whole document or throws `TaskSequenceXmlError`; never a partial result.
 */
export function readTaskSequence(input: string | Uint8Array): TaskSequenceFile {
  if (typeof input !== 'string') {
    if (isZip(input)) {
      const { sequence, summary, entry } = readExportZip(input);
      return { format: 'export-zip', sequence, package: summary, archiveEntry: entry };
    }
    input = decodeText(input);
  }
  if (/^\uFEFF?\s*&lt;/.test(input)) {
    return { format: 'escaped-sequence', sequence: readSequenceText(decodeEntities(input, ESCAPED_CONTEXT), ESCAPED_CONTEXT) };
  }
  const root = parseXml(input);
  const at = rootLocation(root.name);
  switch (root.name) {
    case ELEMENT.sequence:
      return { format: 'sequence', sequence: readSequence(root, at) };
    case CONSOLE_PACKAGE: {
      const { sequence, consolePackage, summary } = readConsolePackage(root, at);
      return { format: 'console-package', sequence, package: summary, consolePackage };
    }
    case CIM_INSTANCE: {
      const { sequence, summary } = readCimInstance(root, at);
      return { format: 'cim-instance', sequence, package: summary };
    }
    default:
      throw new TaskSequenceXmlError({
        code: 'other-xml',
        path: at.path,
        detail:
          `found <${root.name}>, which is not a task sequence; expected <sequence> (a task sequence), ` +
          `<${CONSOLE_PACKAGE}> (a ConfigMgr 2007 console export) or <INSTANCE CLASSNAME="SMS_TaskSequencePackage"> ` +
          '(the object.xml of a current-branch export, or the export .zip holding it)',
      });
  }
}
