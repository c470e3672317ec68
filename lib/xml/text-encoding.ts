/**
 * Bytes of an XML file to text. ConfigMgr and its tools write UTF-16 with a byte order mark as
 * often as UTF-8, and a file saved by an editor may keep an `encoding="utf-16"` declaration over
 * UTF-8 bytes; the bytes decide, the declaration only names an 8-bit encoding.
 */
import { TextDecoder } from 'node:util';
import { TaskSequenceXmlError } from './errors';

const DECLARED_ENCODING = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

export function decodeText(bytes: Uint8Array, context?: string): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decode('utf-8', bytes.subarray(3), context);
  if (b0 === 0xff && b1 === 0xfe) return decode('utf-16le', bytes.subarray(2), context);
  if (b0 === 0xfe && b1 === 0xff) return decode('utf-16be', bytes.subarray(2), context);
  if (b0 === 0x3c && b1 === 0x00) return decode('utf-16le', bytes, context);
  if (b0 === 0x00 && b1 === 0x3c) return decode('utf-16be', bytes, context);
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = DECLARED_ENCODING.exec(head)?.[1].toLowerCase();
  const eightBit = declared === undefined || /^utf-?(8|16)$/.test(declared) || declared === 'unicode' ? 'utf-8' : declared;
  return decode(eightBit, bytes, context);
}

function decode(encoding: string, bytes: Uint8Array, context: string | undefined): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new TaskSequenceXmlError({ code: 'not-text', detail: `the XML declares encoding "${encoding}", which this reader does not know`, context });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new TaskSequenceXmlError({ code: 'not-text', detail: `the file is not valid ${encoding.toUpperCase()} text`, context });
  }
}
