/**
 * The one error this layer throws for bad input. Reading either returns a whole document or throws
 * this; there is no partial result.
 */
import { SINGLE_ELEMENTS } from './grammar';

/** What kind of problem it is, for callers that act on it (the message says it for people). */
export type TaskSequenceXmlErrorCode =
  /** the bytes are not text in an encoding this layer reads */
  | 'not-text'
  /** not well-formed XML (line and column set) */
  | 'not-xml'
  /** well-formed XML, but not a task sequence in any form this layer reads */
  | 'other-xml'
  /** a task sequence whose content breaks the grammar (path set) */
  | 'invalid'
  /** a .zip that cannot be read or has no single task sequence object.xml */
  | 'archive';

export interface TaskSequenceXmlErrorInit {
  readonly code: TaskSequenceXmlErrorCode;
  /** What is wrong, in the words of whoever found it. */
  readonly detail: string;
  /** Element path, XPath-like: `/sequence/group[2]/step[5]`. */
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  /** Where the XML came from when it was embedded in something else, e.g. `in the Sequence property of object.xml`. */
  readonly context?: string;
}

export class TaskSequenceXmlError extends Error {
  readonly code: TaskSequenceXmlErrorCode;
  readonly detail: string;
  readonly path: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly context: string | undefined;

  constructor(init: TaskSequenceXmlErrorInit) {
    const at = init.path ? `${init.path}: ` : '';
    const where = init.context ? ` (${init.context})` : '';
    super(`${at}${init.detail}${where}`);
    this.name = 'TaskSequenceXmlError';
    this.code = init.code;
    this.detail = init.detail;
    this.path = init.path;
    this.line = init.line;
    this.column = init.column;
    this.context = init.context;
  }
}

/** Where the reader is: the element path so far and the context every error from here carries. */
export interface Location {
  readonly path: string;
  readonly context?: string;
}

export function invalid(at: Location, detail: string): TaskSequenceXmlError {
  return new TaskSequenceXmlError({ code: 'invalid', detail, path: at.path, context: at.context });
}

/**
 * Hands out the locations of an element's children in document order: `step[5]` is the fifth
 * `<step>` among its siblings (1-based); an element that can occur only once has no position.
 */
export class ChildLocations {
  private readonly seen = new Map<string, number>();

  constructor(private readonly parent: Location) {}

  next(name: string): Location {
    const position = (this.seen.get(name) ?? 0) + 1;
    this.seen.set(name, position);
    const segment = SINGLE_ELEMENTS.has(name) ? name : `${name}[${position}]`;
    return { path: `${this.parent.path}/${segment}`, context: this.parent.context };
  }
}

/** The location of a document's root element. */
export function rootLocation(name: string, context?: string): Location {
  return { path: `/${name}`, context };
}
