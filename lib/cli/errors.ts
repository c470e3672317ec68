/** A failure the user can fix: a wrong argument, an unreadable or invalid input. Printed as one line, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2 for a wrong command line or input, 1 for work that failed. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
