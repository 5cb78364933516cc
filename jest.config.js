/**
 * Jest runs after scripts/run.mjs has started PostgreSQL, Temporal and the other processes and put
 * their addresses in the environment (see scripts/run.mjs and test/env.ts).
 *
 * Two projects: `stack` (unit, API, workflow and integration suites, in parallel) and `browser` (the admin
 * UI in Chromium, admin/e2e/, whose environment saves a screenshot and console log of every failure).
 * `npm test` runs them one after the other; `npx jest <path>` picks the right one by path.
 * @type {import('jest').Config}
 */
const shared = {
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  cacheDirectory: '<rootDir>/.cache/jest',
};

module.exports = {
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'stack',
      testEnvironment: 'node',
      roots: [
        '<rootDir>/test',
        '<rootDir>/admin',
        '<rootDir>/domain',
        '<rootDir>/channels',
        '<rootDir>/message-gateway',
        '<rootDir>/api',
        '<rootDir>/activities',
        '<rootDir>/workflows',
      ],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/admin/e2e/'],
    },
    {
      ...shared,
      displayName: 'browser',
      testEnvironment: '<rootDir>/admin/e2e/failure-capture-environment.ts',
      roots: ['<rootDir>/admin/e2e'],
      testMatch: ['**/*.test.ts'],
    },
  ],
};
