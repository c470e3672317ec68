/**
 * The review of a deployment change: a Terraform plan read as a reviewer needs it (task sequence
 * steps matched by name within their group, the blast radius of changed objects, the seed rules'
 * advice), rendered as Markdown, plain text or JSON. `cdk-osd review` is its command.
 */
export { parsePlan, PlanInputError, type PlanJson } from './plan';
export { loadPlan, showSavedPlan } from './source';
export { planStack, type StackPlanOptions } from './cdktf';
export { reviewPlan, REVIEW_FORMAT, REVIEW_VERSION, type Review, type ReviewOptions, type ObjectReview, type Summary } from './review';
export { compareSteps, type StepChange, type StepChangeKind } from './steps';
export { describeCondition } from './condition';
export { flowchart } from './mermaid';
export { renderMarkdown } from './markdown';
export { renderText } from './text';
export { renderJson } from './json';
export type { FieldChange } from './field-diff';
export type { Impact, Usage } from './blast-radius';
export type { Advice } from './advice';
