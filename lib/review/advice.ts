/**
 * The seed rules' advice on the planned values: the model's own checks (`checkRules`), of which
 * the review shows the findings of R4, R7 and R8 as warnings. Nothing here restates a rule; the
 * messages are the model's, rendered with Terraform's attribute paths.
 *
 * A planned value is the provider's: already checked for shape and with the model's defaults
 * filled in, so the rules run on it directly (the shape check would cost more than the rest of
 * the review). What the plan does not know yet is taken out first (`partlyKnown`), and findings
 * about it are left out (`touchesUnknown`), as at plan time.
 */
import {
  checkRules,
  formatIssue,
  partlyKnown,
  PENDING_REFERENCE,
  TERRAFORM_STYLE,
  terraformPathText,
  UNRESOLVED,
  type KindName,
  type Resolved,
} from '../model';
import { touchesUnknown } from '../model/check';
import { isHidden } from './values';

/** The rules whose findings are advice to a reviewer. */
export const ADVICE_RULES: readonly string[] = ['R4', 'R7', 'R8'];

export interface Advice {
  readonly address: string;
  /** The seed rule (`R4`). */
  readonly rule: string;
  readonly severity: 'warning';
  /** The attribute the finding is about, as Terraform names it; empty for the whole object. */
  readonly field: string;
  /** The model's message, with the rule first (`R4: …`). */
  readonly message: string;
}

export interface PlannedObject {
  readonly address: string;
  readonly kind: KindName;
  /** The value after the change, in the model's shape. */
  readonly after: Record<string, unknown>;
  /** The value before, for an update (R7 compares what an image contains). */
  readonly before?: Record<string, unknown>;
}

export interface ObjectLookup {
  /** The object of `kind` with ID `id`, as far as the plan (or the server) knows it. */
  byId(kind: KindName, id: string): Record<string, unknown> | undefined;
  /**
   * For a reference the plan cannot know yet (the object is created by the same apply): the object
   * of `kind` that `address`'s configuration refers to, when it refers to exactly one.
   */
  referencedBy(address: string, kind: KindName): Record<string, unknown> | undefined;
}

export function adviceFor(object: PlannedObject, lookup: ObjectLookup): Advice[] {
  const after = partlyKnown(object.kind, object.after, isHidden);
  const prior = object.before ? partlyKnown(object.kind, object.before, isHidden).known : undefined;
  const resolve = (kind: KindName, id: string): Resolved => {
    const found = id === PENDING_REFERENCE ? lookup.referencedBy(object.address, kind) : lookup.byId(kind, id);
    return found ? partlyKnown(kind, found, isHidden).known : UNRESOLVED;
  };
  const issues = checkRules(object.kind, after.known, { resolve, missingReference: 'warning', ...(prior ? { prior } : {}) });
  const advice = new Map<string, Advice>();
  for (const issue of issues) {
    if (!ADVICE_RULES.includes(issue.rule) || touchesUnknown(issue.path, after.unknown)) continue;
    const message = formatIssue(issue, TERRAFORM_STYLE);
    if (!advice.has(message)) advice.set(message, { address: object.address, rule: issue.rule, severity: 'warning', field: terraformPathText(issue.path), message });
  }
  return [...advice.values()];
}
