/**
 * The resource model: one definition of every object kind, and the checks that apply to it.
 * Server, provider, constructs and docs import from here and nowhere else.
 */
export * from './annotations';
export * from './issues';
export * from './format';
export * from './kinds';
export * from './site';
export * from './package';
export * from './program';
export * from './os-image';
export * from './os-install-package';
export * from './boot-image';
export * from './driver-package';
export * from './conditions';
export * from './task-sequence';
export * from './environment';
export * from './rules';
export * from './defaults';
export * from './secrets';
export * from './validate';
export * from './check';
export * from './terraform-names';
export * from './api-paths';
export * from './referrers';
export { walk, mapValue, mapFields, DESCEND, isRecord, valueAt, setAt, type FieldMapping } from './walk';
export * from './configmgr-mapping';
export * from './provider-config';
export { installableProgramIssues } from './task-sequence-rules';
