// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Workflow code runs in Temporal's deterministic sandbox: no I/O, no clocks, no randomness. */
const workflowSandboxRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: builtinModules
        .flatMap((name) => [name, `node:${name}`])
        .map((name) => ({
          name,
          message: 'Workflow code must not use Node built-ins: do I/O in an activity.',
        })),
      patterns: [
        { group: ['@prisma/*', 'pg', '**/prisma/**', '**/generated/**'], message: 'No database access in workflow code: use an activity.' },
        {
          group: ['@temporalio/worker', '@temporalio/client', '@temporalio/activity'],
          message: 'Workflows import only @temporalio/workflow and @temporalio/common.',
        },
        { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activity types only (`import type`), never their code.' },
      ],
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Use workflow time (Date in the sandbox is deterministic) or an input; never Date.now().' },
    { object: 'Math', property: 'random', message: 'Use uuid4() from @temporalio/workflow or an input; never Math.random().' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
    { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
    { name: 'process', message: 'Workflow code gets its settings as input, not from the environment.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      '.cache/**',
      'dist/**',
      'admin/dist/**',
      'prisma/generated/**',
      'test-artifacts/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['workflows/**/*.ts', 'test/kit/sample/**/*.ts'], rules: workflowSandboxRules },
  {
    // The API talks to workflows through their definitions and messages (domain/) and the registry
    // (api/workflow-registry/), never through workflow or activity code.
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/activities', '**/activities/**'],
              message: 'The API does not import activities: shared contracts live in domain/.',
            },
            {
              group: ['**/workflows', '**/workflows/**'],
              message: 'The API imports workflow definitions and messages from domain/, not workflow code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
