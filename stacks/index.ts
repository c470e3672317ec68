/** The example stacks: documentation that synthesises. */
export * from './reference-build';
export * from './workstation-refresh';
export * from './server-rollout';
export * from './secrets';
