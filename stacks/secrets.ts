/**
 * Secrets for the example stacks. A password written into a stack would end up in git and in
 * cdk.tf.json; a sensitive Terraform variable keeps it out of both, and out of plan output.
 * Give the value at deploy time as `TF_VAR_<name>` in the environment (a pipeline secret).
 */
import type { Construct } from 'constructs';
import { TerraformVariable } from 'cdktf';

/** A sensitive string variable named `name`; returns the token to pass to a secret prop. */
export function secretVariable(scope: Construct, name: string, description: string): string {
  return new TerraformVariable(scope, name, { type: 'string', sensitive: true, nullable: false, description }).stringValue;
}
