import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiConfigSchema } from '../../api/config';
import { sandboxConfigSchema } from '../../channels/sandbox/config';
import { inventoryEnv } from '../../domain/inventory/settings';
import { workerConfigSchema } from '../../worker/config';
import { repoRoot } from './bootstrap-process';

/** `.env.example` is the one place a user learns what can be configured: it must name every variable. */
const documented = new Set(
  [...readFileSync(join(repoRoot, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]),
);

function bootstrapVariables(): string[] {
  const source = readFileSync(join(repoRoot, 'scripts', 'bootstrap', 'settings.mjs'), 'utf8');
  return [...source.matchAll(/(?:process\.env\.|integerVariable\(')([A-Z][A-Z0-9_]*)/g)].map((match) => match[1] ?? '');
}

test.each([
  ['api', Object.keys(apiConfigSchema.shape)],
  ['worker', Object.keys(workerConfigSchema.shape)],
  ['sandbox', Object.keys(sandboxConfigSchema.shape)],
  ['inventory', Object.keys(inventoryEnv)],
  ['bootstrap', bootstrapVariables()],
])('.env.example documents every %s variable', (_process, variables) => {
  expect(variables.length).toBeGreaterThan(0);
  expect(variables.filter((name) => !documented.has(name))).toEqual([]);
});
