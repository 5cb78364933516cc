import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { requireEnv } from '../support/env';
import { dropScratchDatabase, scratchDatabaseName, repoRoot, start, withDatabase } from './bootstrap-process';
import { acceptsConnections, freePort, isAlive, waitFor } from './local-processes';

/**
 * `npm run dev` as a user lives it: it comes up with everything answering, and Ctrl-C takes down exactly
 * what it started (its own Temporal, api, worker, sandbox) and nothing else (here: the test stack's
 * Temporal and API keep answering).
 */
const scratchDatabase = scratchDatabaseName('dev');
const serverUrl = requireEnv('DATABASE_URL');
const devDir = join(repoRoot, '.data', 'test', 'dev-lifecycle');

beforeAll(async () => {
  rmSync(devDir, { recursive: true, force: true });
  await dropScratchDatabase(serverUrl, scratchDatabase);
});
afterAll(() => dropScratchDatabase(serverUrl, scratchDatabase));

test('npm run dev comes up, then Ctrl-C stops everything it started and nothing else', async () => {
  const [temporalPort, uiPort, apiPort, sandboxPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const dev = start(process.execPath, [join(repoRoot, 'scripts', 'run.mjs'), 'dev'], {
    ...process.env,
    DATABASE_URL: withDatabase(serverUrl, scratchDatabase),
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_UI_URL: `http://127.0.0.1:${uiPort}`,
    API_PORT: String(apiPort),
    API_URL: `http://127.0.0.1:${apiPort}`,
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
    // The outer stack's worker holds its metrics port: this one takes any free one.
    WORKER_METRICS_PORT: '0',
    BOOTSTRAP_DEV_DIR: devDir,
    BOOTSTRAP_SKIP_ADMIN_UI_BUILD: 'true',
    // The defaults this test is about, whatever mode the outer `npm test` runs in.
    TEMPORAL_MODE: 'dev',
    BOOTSTRAP_WORKER_PROCESSES: '1',
  });
  try {
    await waitFor(() => dev.output().includes('Omnichannel Ops is ready') || dev.child.exitCode !== null, 150_000);
    expect(dev.output()).toContain('Omnichannel Ops is ready');

    const health = await fetch(`http://127.0.0.1:${apiPort}/healthz`);
    expect(health.status).toBe(200);
    expect(dev.output()).toContain(`http://127.0.0.1:${uiPort}`);
    expect(dev.output()).toContain('demo-password');
    const started = JSON.parse(readFileSync(join(devDir, 'processes.json'), 'utf8')) as Record<string, { pid: number }>;
    expect(Object.keys(started).sort()).toEqual(['api', 'sandbox', 'temporal', 'worker']);
    expect(existsSync(join(devDir, 'temporal', 'dev.db'))).toBe(true);

    dev.child.kill('SIGINT');
    const finished = await dev.finished;
    expect({ code: finished.code, output: finished.output }).toMatchObject({ code: 0 });
    for (const { pid } of Object.values(started)) expect(isAlive(pid)).toBe(false);
    for (const port of [temporalPort, apiPort, sandboxPort]) expect(await acceptsConnections(port)).toBe(false);

    const outerTemporal = requireEnv('TEMPORAL_ADDRESS').split(':');
    expect(await acceptsConnections(Number(outerTemporal[1]))).toBe(true);
    const outerApi = process.env.API_URL;
    if (outerApi && existsSync(join(repoRoot, 'api', 'main.ts'))) expect((await fetch(`${outerApi}/healthz`)).status).toBe(200);
  } finally {
    if (dev.child.exitCode === null) dev.child.kill('SIGKILL');
  }
}, 240_000);
