/**
 * The `cdk-osd` command: everything a user runs besides `cdktf` and `terraform` (task sequence
 * XML in and out, code generation, plan review, provider install, a project template). Each
 * command lives in `commands/` and registers itself on the program; this file only parses the
 * command line and turns failures into one clear line on stderr and an exit code.
 *
 * Exit codes: 0 done, 1 the work failed (a server refused, a file could not be written), 2 the
 * command line or an input file is wrong (`CliError`).
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { CliError } from './errors';

export function buildProgram(): Command {
  const program = new Command('cdk-osd')
    .description('Operating system deployment as code: task sequence XML, code generation, plan review, provider install, project template.')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // commander printed the help or the usage error
    if (err instanceof CliError) {
      process.stderr.write(`cdk-osd: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`cdk-osd: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
