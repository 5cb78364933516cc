import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { requireEnv } from '../support/env';
import {
  dropScratchDatabase,
  repoRoot,
  runBootstrap,
  runToEnd,
  scratchDatabaseName,
  start,
  withClient,
  withDatabase,
} from './bootstrap-process';
import { acceptsConnections, freePort, isAlive, waitFor } from './local-processes';
import { completeTask, loginAs, placeSandboxPickupOrder, waitForPickupCode, waitForRow } from './stack-walkthrough';

/**
 * Cluster mode end to end, as a user runs it: `setup --cluster` builds the Temporal server when this
 * machine has not yet (once; Go's caches are shared with the CLI build) and creates Temporal's databases;
 * a database left at an older schema version is upgraded by the next start; `npm run dev -- --cluster
 * --workers 2` runs history, matching, frontend and worker as four processes plus two workers, one pickup
 * order goes from the marketplace webhook to collected through it, and Ctrl-C stops every process.
 */
const hasGo = (() => {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const scratchDatabase = scratchDatabaseName('cluster');
const temporalDatabases = [`${scratchDatabase}_temporal`, `${scratchDatabase}_temporal_visibility`];
const serverUrl = requireEnv('DATABASE_URL');
const devDir = join(repoRoot, '.data', 'test', 'cluster-mode');
const serverVersion = process.env.TEMPORAL_SERVER_VERSION || 'v1.29.1';
/** The version the test puts the persistence database back to, so the start must upgrade it. */
const OLDER_SCHEMA_VERSION = '1.16';
const CLUSTER_PROCESSES = ['temporal-frontend', 'temporal-history', 'temporal-matching', 'temporal-worker'];

async function dropAll(): Promise<void> {
  for (const name of [scratchDatabase, ...temporalDatabases]) await dropScratchDatabase(serverUrl, name);
}

function goOutput(args: string[]): string {
  return execFileSync('go', args, { encoding: 'utf8' }).trim();
}

/** Puts the persistence database back at an older schema with the same temporal-sql-tool the bootstrap built. */
async function recreateAtOlderSchema(database: string): Promise<void> {
  const binDir =
    process.env.TEMPORAL_SERVER_BIN_DIR || join(goOutput(['env', 'GOPATH']).split(':')[0] ?? '', 'bin', `temporal-server-${serverVersion}`);
  const moduleDir = (JSON.parse(goOutput(['mod', 'download', '-json', `go.temporal.io/server@${serverVersion}`])) as { Dir: string }).Dir;
  await dropScratchDatabase(serverUrl, database);
  await withClient(withDatabase(serverUrl, 'postgres'), (client) => client.query(`CREATE DATABASE "${database}"`));
  const url = new URL(serverUrl);
  const env = {
    ...process.env,
    SQL_HOST: url.hostname,
    SQL_PORT: url.port || '5432',
    SQL_USER: decodeURIComponent(url.username || 'postgres'),
    SQL_PASSWORD: decodeURIComponent(url.password),
    SQL_DATABASE: database,
  };
  const sqlTool = join(binDir, 'sql');
  for (const args of [
    ['setup-schema', '-v', '0.0'],
    ['update-schema', '-d', join(moduleDir, 'schema', 'postgresql', 'v12', 'temporal', 'versioned'), '-v', OLDER_SCHEMA_VERSION],
  ]) {
    const run = await runToEnd(sqlTool, ['--plugin', 'postgres12', ...args], env);
    expect({ code: run.code, output: run.output }).toMatchObject({ code: 0 });
  }
}

beforeAll(async () => {
  rmSync(devDir, { recursive: true, force: true });
  await dropAll();
});
afterAll(() => dropAll());

(hasGo ? test : test.skip)(
  'cluster mode: built, migrated, upgraded, one pickup through four Temporal processes and two workers, Ctrl-C stops all',
  async () => {
    const scratchUrl = withDatabase(serverUrl, scratchDatabase);
    const setup = await runBootstrap(['setup', '--cluster'], {
      ...process.env,
      DATABASE_URL: scratchUrl,
      BOOTSTRAP_SKIP_ADMIN_UI_BUILD: 'true',
    });
    expect({ code: setup.code, output: setup.output }).toMatchObject({ code: 0 });
    expect(setup.output).toMatch(new RegExp(`Temporal schema of ${temporalDatabases[0]}: none -> \\d+\\.\\d+`));
    const latest = /Temporal schema of \S+_temporal: none -> (\d+\.\d+)/.exec(setup.output)?.[1];
    await recreateAtOlderSchema(temporalDatabases[0] as string);

    const [temporalPort, apiPort, sandboxPort] = [await freePort(), await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    const dev = start(process.execPath, [join(repoRoot, 'scripts', 'run.mjs'), 'dev', '--cluster', '--workers', '2'], {
      ...process.env,
      DATABASE_URL: scratchUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      API_PORT: String(apiPort),
      API_URL: apiUrl,
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_URL: sandboxUrl,
      // The outer stack's worker holds its metrics port: these workers take any free one.
      WORKER_METRICS_PORT: '0',
      BOOTSTRAP_DEV_DIR: devDir,
      BOOTSTRAP_SKIP_ADMIN_UI_BUILD: 'true',
      // The stock-sync schedule would push to the sandbox in the middle; this test is about one order.
      STOCK_SYNC_ENABLED: 'false',
    });
    try {
      await waitFor(() => dev.output().includes('Omnichannel Ops is ready') || dev.child.exitCode !== null, 240_000);
      expect(dev.output()).toContain('Omnichannel Ops is ready');
      expect(dev.output()).toContain(`Temporal schema of ${temporalDatabases[0]}: ${OLDER_SCHEMA_VERSION} -> ${latest}`);
      expect(dev.output()).toContain('16 history shards');

      const started = JSON.parse(readFileSync(join(devDir, 'processes.json'), 'utf8')) as Record<string, { pid: number }>;
      expect(Object.keys(started).sort()).toEqual(['api', 'sandbox', ...CLUSTER_PROCESSES, 'worker', 'worker-2'].sort());
      expect(new Set(Object.values(started).map(({ pid }) => pid)).size).toBe(Object.keys(started).length);
      const shards = await withClient(withDatabase(serverUrl, temporalDatabases[0] as string), (client) =>
        client.query<{ count: number }>('SELECT count(*)::int AS count FROM shards'),
      );
      expect(shards.rows[0]?.count).toBe(16);

      const phone = '+31612345678';
      const externalId = await placeSandboxPickupOrder(sandboxUrl, phone);
      const order = await waitForRow<{ id: string }>(scratchUrl, 'SELECT id FROM orders WHERE external_id = $1', [externalId], 60_000);
      const pickTask = await waitForRow<{ id: string }>(
        scratchUrl,
        `SELECT id FROM tasks WHERE workflow_id = $1 AND type = 'PICK'`,
        [`pickup:${order.id}`],
        60_000,
      );
      const lines = await withClient(scratchUrl, (client) =>
        client.query<{ id: string; quantity: number }>('SELECT id, quantity FROM order_lines WHERE order_id = $1', [order.id]),
      );
      const clerk = await loginAs(apiUrl, 'daan.bakker@omni.example');
      const pickOutcome = { lines: lines.rows.map((line) => ({ lineId: line.id, pickedQuantity: line.quantity })) };
      expect(await completeTask(apiUrl, clerk, String(pickTask.id), pickOutcome)).toBe(200);

      const handover = await waitForRow<{ id: string }>(
        scratchUrl,
        `SELECT id FROM tasks WHERE workflow_id = $1 AND type = 'HANDOVER'`,
        [`pickup:${order.id}`],
        60_000,
      );
      const code = await waitForPickupCode(sandboxUrl, phone, 60_000);
      expect(await completeTask(apiUrl, clerk, String(handover.id), { code })).toBe(200);
      await waitForRow(scratchUrl, `SELECT id FROM orders WHERE id = $1 AND status = 'COLLECTED'`, [order.id], 60_000);

      dev.child.kill('SIGINT');
      const finished = await dev.finished;
      expect({ code: finished.code, output: finished.output }).toMatchObject({ code: 0 });
      for (const { pid } of Object.values(started)) expect(isAlive(pid)).toBe(false);
      for (const port of [temporalPort, apiPort, sandboxPort]) expect(await acceptsConnections(port)).toBe(false);
    } finally {
      if (dev.child.exitCode === null) dev.child.kill('SIGKILL');
    }
  },
  900_000,
);
