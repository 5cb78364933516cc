/**
 * Jest runs after scripts/run.mjs has started PostgreSQL, Temporal and the other processes and put
 * their addresses in the environment (see scripts/run.mjs and test/env.ts).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/admin', '<rootDir>/domain', '<rootDir>/channels', '<rootDir>/api', '<rootDir>/activities', '<rootDir>/workflows'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  cacheDirectory: '<rootDir>/.cache/jest',
  testTimeout: 60_000,
  maxWorkers: 2,
};
