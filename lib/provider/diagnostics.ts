/** Model findings and API failures as Terraform diagnostics, on the attribute they are about. */
import type { Issue } from '../model/issues';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../tfplugin';
import { terraformMessage, terraformPath } from './state';

/** One diagnostic per issue, its summary naming the rule, its detail the whole message. */
export function issueDiagnostics(issues: readonly Issue[], title: string): Diagnostic[] {
  return issues.map((issue) => {
    const message = terraformMessage(issue.message);
    const summary = `${title}: ${issue.rule.match(/^R\d$/) ? `${issue.rule} ` : ''}${issue.severity === 'error' ? 'invalid' : 'advice'}`;
    const make = issue.severity === 'error' ? errorDiagnostic : warningDiagnostic;
    return make(summary, message, terraformPath(issue.path));
  });
}

/** Describes an error thrown by the API client (or anything else) for a diagnostic's detail. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const details = (err as { details?: { path: string; rule: string; message: string }[] }).details;
    const lines = details?.map((d) => `- ${terraformMessage(d.message)} [${d.rule}]`) ?? [];
    return [terraformMessage(err.message), ...lines].join('\n');
  }
  return String(err);
}
