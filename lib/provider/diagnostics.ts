/** Model findings and API failures as Terraform diagnostics, on the attribute they are about. */
import { formatIssue, terraformPath, TERRAFORM_STYLE, type Issue } from '../model';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../tfplugin';

/** One diagnostic per issue, its summary naming the rule, its detail the whole message. */
export function issueDiagnostics(issues: readonly Issue[], title: string): Diagnostic[] {
  return issues.map((issue) => {
    const summary = `${title}: ${/^R\d$/.test(issue.rule) ? `${issue.rule} ` : ''}${issue.severity === 'error' ? 'invalid' : 'advice'}`;
    const make = issue.severity === 'error' ? errorDiagnostic : warningDiagnostic;
    return make(summary, formatIssue(issue, TERRAFORM_STYLE), terraformPath(issue.path));
  });
}

/** The text of an error thrown by the API client (or anything else) for a diagnostic's detail: as its builder wrote it. */
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
