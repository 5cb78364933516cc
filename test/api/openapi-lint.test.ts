import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { repoRoot } from '../bootstrap/bootstrap-process';
import { startTestApi, type TestApi } from './support/test-app';

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

let api: TestApi;
let workDir: string;

beforeAll(() => {
  api = startTestApi();
  workDir = mkdtempSync(join(tmpdir(), 'omni-openapi-lint-'));
});

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await api.close();
});

/** `redocly lint` (its recommended rules, redocly.yaml) on the document the API serves, as a generated client would read it. */
async function lintServedDocument(): Promise<LintProblem[]> {
  const response = await request(api.app).get('/api/docs');
  expect(response.status).toBe(200);
  const file = join(workDir, 'openapi.json');
  writeFileSync(file, JSON.stringify(response.body));
  const run = promisify(execFile);
  const redocly = join(repoRoot, 'node_modules', '.bin', 'redocly');
  const args = ['lint', file, '--config', join(repoRoot, 'redocly.yaml'), '--format', 'json'];
  // Offline: no telemetry, no update check.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const output = await run(redocly, args, { env, cwd: workDir, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; code?: number }) => {
      // Exit code 1 means "problems found": they are in stdout like any other answer.
      if (error.code === 1 && typeof error.stdout === 'string') return { stdout: error.stdout };
      throw error;
    },
  );
  return (JSON.parse(output.stdout) as { problems: LintProblem[] }).problems;
}

test('the served OpenAPI document passes redocly lint with zero errors', async () => {
  const problems = await lintServedDocument();
  const errors = problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`);
  expect(errors).toEqual([]);
  // The rules a generated client depends on are met everywhere, not merely downgraded to warnings.
  const clientBreaking = problems.filter((problem) =>
    ['operation-operationId', 'security-defined', 'no-empty-servers'].includes(problem.ruleId),
  );
  expect(clientBreaking).toEqual([]);
}, 60_000);
