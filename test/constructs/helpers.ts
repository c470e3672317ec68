/**
 * Test helpers for the constructs: a stack with a deployment server, synth with validations, and
 * the warnings and errors synth produced.
 */
import assert from 'node:assert/strict';
import { TerraformStack, Testing, type App } from 'cdktf';
import { DeploymentServer } from '../../constructs';

/** A fresh app with one stack named `test` that has a deployment server. */
export function newStack(): { app: App; stack: TerraformStack } {
  const app = Testing.app({ stackTraces: false });
  const stack = new TerraformStack(app, 'test');
  new DeploymentServer(stack, 'Server', { endpoint: 'http://127.0.0.1:8780' });
  return { app, stack };
}

/** The stack's Terraform JSON, parsed, with validations run (throws on a validation error). */
export function synth(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true));
}

/** The stack's Terraform JSON as text, with validations run. */
export function synthText(stack: TerraformStack): string {
  return Testing.synth(stack, true);
}

/** The error message synth with validations throws; fails the test when synth succeeds. */
export function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('synth succeeded, but a validation error was expected');
}

/** The message a function throws; fails the test when it does not throw. */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('expected an error, but none was thrown');
}

/** Warnings annotated anywhere in the stack (after a synth), as `path: message`. */
export function warnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `${c.node.path}: ${String(m.data)}`));
}

/** The one resource of `type` in a parsed synth, whatever its logical name. */
export function onlyResource(json: Record<string, any>, type: string): Record<string, any> {
  const resources = Object.values(json.resource?.[type] ?? {});
  assert.equal(resources.length, 1, `expected one ${type}, found ${resources.length}`);
  return resources[0] as Record<string, any>;
}

/** The steps of the one task sequence of a parsed synth. */
export function stepsOf(json: Record<string, any>): Record<string, any>[] {
  return onlyResource(json, 'osd_task_sequence').steps;
}
