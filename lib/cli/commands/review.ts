/**
 * `cdk-osd review`: a Terraform plan as one artifact for the pull request that changes it.
 *
 *   cdk-osd review tfplan                 a saved plan (shown with terraform show -json)
 *   terraform show -json tfplan | cdk-osd review -
 *   cdk-osd review --stack server-rollout cdktf diff of that stack, then its review
 *   … --format text | json                for a terminal, for other tools (default: Markdown)
 *   … --server                            also the server's task sequences that use a changed
 *                                         object (OSD_ENDPOINT, OSD_TOKEN; a reader token will do)
 *
 * The review goes to standard output; cdktf's and terraform's progress to standard error.
 */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { OsdClient } from '../../client';
import { loadPlan, planStack, PlanInputError, renderJson, renderMarkdown, renderText, reviewPlan, type ReviewOptions } from '../../review';
import { providerInstallPaths } from '../../provider/install-paths';
import { CliError } from '../errors';
import type { RegisterCommand } from './index';

const FORMATS = ['markdown', 'text', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface ReviewCommandOptions {
  readonly stack?: string;
  readonly skipPlan?: boolean;
  readonly output?: string;
  readonly app?: string;
  readonly format: Format;
  readonly server?: boolean;
  readonly title?: string;
}

export const registerReview: RegisterCommand = (program: Command) => {
  program
    .command('review')
    .description('Review a Terraform plan: objects, task sequence steps matched by name within their group, blast radius, advice (R4, R7, R8), flowcharts')
    .argument('[plan]', 'terraform show -json output (a file, or - for standard input), or a saved plan file')
    .option('--stack <name>', 'plan this cdktf stack (cdktf diff) and review its plan')
    .option('--skip-plan', 'with --stack: review the plan the last cdktf diff of the stack left, without planning again')
    .option('--output <dir>', "with --stack: cdktf's output folder (default: cdktf.json's output, else cdktf.out)")
    .option('--app <command>', "with --stack: the command that runs the cdktf app (default: cdktf.json's app)")
    .addOption(new Option('--format <format>', 'what to write').choices(FORMATS).default('markdown'))
    .option('--server', 'also list the task sequences on the server that use a changed object (OSD_ENDPOINT, OSD_TOKEN; a reader token is enough)')
    .option('--title <text>', 'what the review is of (default: the stack, or the plan file name)')
    .action(async (plan: string | undefined, options: ReviewCommandOptions) => {
      process.stdout.write(await review(plan, options));
    });
};

async function review(planArgument: string | undefined, options: ReviewCommandOptions): Promise<string> {
  if (planArgument !== undefined && options.stack !== undefined) throw new CliError(`give a plan (${planArgument}) or --stack ${options.stack}, not both`);
  if (planArgument === undefined && options.stack === undefined) throw new CliError('give a plan file (or - for standard input), or --stack NAME to plan a cdktf stack');
  for (const flag of ['skipPlan', 'output', 'app'] as const) {
    if (options[flag] !== undefined && options.stack === undefined) throw new CliError(`--${flag === 'skipPlan' ? 'skip-plan' : flag} applies only with --stack`);
  }
  const server = options.server ? serverSettings() : undefined;
  try {
    const { plan, label } =
      options.stack !== undefined
        ? { plan: await planStack(options.stack, { ...options, env: stackEnvironment(), progress: process.stderr }), label: `stack ${options.stack}` }
        : await loadPlan(planArgument!);
    const reviewOptions: ReviewOptions = {
      title: options.title ?? label,
      ...(server ? { serverSequences: await serverSequences(server) } : {}),
    };
    const result = reviewPlan(plan, reviewOptions);
    return options.format === 'json' ? renderJson(result) : options.format === 'text' ? renderText(result) : renderMarkdown(result);
  } catch (err) {
    if (err instanceof PlanInputError) throw new CliError(err.message);
    throw err;
  }
}

function serverSettings(): { endpoint: string; token: string } {
  const endpoint = process.env.OSD_ENDPOINT;
  const token = process.env.OSD_TOKEN;
  const missing = [endpoint ? undefined : 'OSD_ENDPOINT', token ? undefined : 'OSD_TOKEN'].filter(Boolean);
  if (missing.length > 0) throw new CliError(`--server needs OSD_ENDPOINT and OSD_TOKEN (a reader token is enough); ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set`);
  return { endpoint: endpoint!, token: token! };
}

async function serverSequences(server: { endpoint: string; token: string }): Promise<NonNullable<ReviewOptions['serverSequences']>> {
  try {
    const client = new OsdClient({ endpoint: server.endpoint, token: server.token, maxRetries: 2 });
    return (await client.list('taskSequence')).value;
  } catch (err) {
    throw new CliError(`cannot list the task sequences on the server ${server.endpoint}: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
}

/**
 * The environment cdktf and terraform run in: this project's Terraform CLI configuration (the
 * local provider mirror of `npm run provider:install`) when it is installed and no other is in
 * force (none is set, or the one set does not exist, which Terraform would ignore anyway).
 */
function stackEnvironment(): NodeJS.ProcessEnv {
  const given = process.env.TF_CLI_CONFIG_FILE;
  if (given && existsSync(given)) return process.env;
  const installed = providerInstallPaths().cliConfigFile;
  return existsSync(installed) ? { ...process.env, TF_CLI_CONFIG_FILE: installed } : process.env;
}
