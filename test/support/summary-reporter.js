/**
 * Prints the closing `N passed, N failed` line CI looks for. It is written when jest exits, so it
 * comes after jest's own summary. A test file that cannot even run (a syntax error, a failing
 * import) counts as one failure.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.once('exit', () => process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`));
  }
}
module.exports = SummaryReporter;
