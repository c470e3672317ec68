/**
 * jest for every suite under test/: TypeScript through @swc/jest (type checking is `tsc`'s job in
 * `npm test`), one worker per core, and a closing "N passed, N failed" line for CI.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The provider's sources import each other as `./x.js` (ES module style, for its esbuild bundle).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Suites start servers and terraform; the slowest (cdktf end to end) raise it themselves.
  testTimeout: 120_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
