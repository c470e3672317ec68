/**
 * A current-branch export .zip: somewhere in it an object.xml per exported object. The one whose
 * instance is an `SMS_TaskSequencePackage` holds the sequence; object.xml files of other objects
 * (boot images, packages exported with it) are passed over.
 */
import { unzipSync } from 'fflate';
import { instanceClass, readCimInstance, CIM_INSTANCE, TASK_SEQUENCE_CLASS, type ReadCimInstance } from './cim-instance';
import type { XmlElement } from './document';
import { rootLocation, TaskSequenceXmlError } from './errors';
import { parseXml } from './parse-xml';
import { decodeText } from './text-encoding';

const OBJECT_FILE = 'object.xml';
/** Far beyond any real task sequence; refuses an archive that would unpack to something huge. */
const MAX_OBJECT_BYTES = 64 * 1024 * 1024;

/** A .zip, by its first bytes (a local file header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

export interface ReadExportZip extends ReadCimInstance {
  /** Path of the object.xml inside the archive. */
  readonly entry: string;
}

export function readExportZip(bytes: Uint8Array): ReadExportZip {
  const entries: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries.push(file.name);
        if (!isObjectFile(file.name)) return false;
        if (file.originalSize > MAX_OBJECT_BYTES) throw archiveError(`${file.name} unpacks to ${file.originalSize} bytes; an object.xml is far smaller`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof TaskSequenceXmlError) throw error;
    throw archiveError(`not a readable .zip (${(error as Error).message})`);
  }
  const objectFiles = Object.keys(files);
  if (objectFiles.length === 0) {
    const listed = entries.length === 0 ? 'it is empty' : `it holds ${list(entries)}`;
    throw archiveError(`the archive has no ${OBJECT_FILE} (${listed}); a ConfigMgr export keeps each object in one`);
  }
  const found: string[] = [];
  const taskSequences: { entry: string; root: XmlElement; context: string }[] = [];
  for (const entry of objectFiles) {
    const context = `in ${entry} of the archive`;
    const root = parseXml(decodeText(files[entry], context), context);
    const className = root.name === CIM_INSTANCE ? instanceClass(root) : undefined;
    found.push(`${entry}: ${className ?? `<${root.name}>`}`);
    if (className?.toLowerCase() === TASK_SEQUENCE_CLASS.toLowerCase()) taskSequences.push({ entry, root, context });
  }
  if (taskSequences.length !== 1) {
    const detail =
      taskSequences.length === 0
        ? `no ${OBJECT_FILE} in the archive holds an ${TASK_SEQUENCE_CLASS} (found ${list(found)})`
        : `the archive holds ${taskSequences.length} task sequences (${list(taskSequences.map((t) => t.entry))}); export them one to an archive`;
    throw archiveError(detail);
  }
  const [{ entry, root, context }] = taskSequences;
  return { entry, ...readCimInstance(root, rootLocation(root.name, context)) };
}

function isObjectFile(name: string): boolean {
  const base = name.split(/[\\/]/).pop()!;
  return base.toLowerCase() === OBJECT_FILE;
}

function archiveError(detail: string): TaskSequenceXmlError {
  return new TaskSequenceXmlError({ code: 'archive', detail });
}

function list(items: readonly string[]): string {
  return items.length > 8 ? `${items.slice(0, 8).join(', ')} and ${items.length - 8} more` : items.join(', ');
}
