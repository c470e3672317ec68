/** What the rules are given to look beyond the object they check (see `rules.ts`). */
import type { KindName } from './kinds';
import type { Site } from './site';

export const UNRESOLVED = Symbol('unresolved');
export type Resolved = Record<string, unknown> | undefined | typeof UNRESOLVED;

export interface RuleContext {
  /** The site, when known: decides the USMT versions allowed (R5). */
  readonly site?: Site;
  /** The stored object `kind`/`id`, `undefined` when it does not exist, `UNRESOLVED` when it cannot be known yet. */
  readonly resolve: (kind: KindName, id: string) => Resolved;
  /**
   * For a reference whose target `resolve` did not find: the kind of the object that has that ID
   * (package kinds share one ID space), so the message can say it is of the wrong kind.
   */
  readonly kindOf?: (id: string) => KindName | undefined;
  /**
   * What a reference to an object that does not exist is: an `error` (the server, at write), or a
   * `warning` (the provider at plan time: the object may be created in the same apply, and the
   * server refuses the write if it is not).
   * @default 'error'
   */
  readonly missingReference?: 'error' | 'warning';
  /** The object as stored before this write, for updates (R7 compares contents and version). */
  readonly prior?: Record<string, unknown>;
}
