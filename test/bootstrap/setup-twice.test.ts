import { randomUUID } from 'node:crypto';
import { requireEnv } from '../support/env';
import { dropScratchDatabase, scratchDatabaseName, runBootstrap, withClient, withDatabase } from './bootstrap-process';

/**
 * `node scripts/run.mjs setup` is what `npm run dev`, `npm test` and the docker image do before starting
 * anything: running it again must be safe, quick, and must not lose what users did in between.
 */
const scratchDatabase = scratchDatabaseName('test');
const serverUrl = requireEnv('DATABASE_URL');
const scratchUrl = withDatabase(serverUrl, scratchDatabase);
// TEMPORAL_ADDRESS stays the test stack's server: setup waits for it and registers the search attributes.
// Dev-server mode whatever the outer run's: cluster mode would add Temporal databases this test does not own.
const setupEnv = { ...process.env, DATABASE_URL: scratchUrl, BOOTSTRAP_SKIP_ADMIN_UI_BUILD: 'true', TEMPORAL_MODE: 'dev' };

async function rowCountsByTable(): Promise<Record<string, number>> {
  return withClient(scratchUrl, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM "${name}"`);
      counts[name] = Number(rows[0]?.count);
    }
    return counts;
  });
}

beforeAll(() => dropScratchDatabase(serverUrl, scratchDatabase));
afterAll(() => dropScratchDatabase(serverUrl, scratchDatabase));

test('setup twice in a row: both succeed, the second creates nothing and keeps every row', async () => {
  const first = await runBootstrap(['setup'], setupEnv);
  expect({ code: first.code, output: first.output }).toMatchObject({ code: 0 });
  expect(first.output).toContain(`created database ${scratchDatabase}`);
  const seeded = await rowCountsByTable();
  expect(seeded).toHaveProperty('_prisma_migrations');
  expect(seeded.stores).toBeGreaterThanOrEqual(3);
  expect(seeded.users).toBeGreaterThan(0);

  // A user's own row, in a table the seed also writes: the second run must neither drop nor re-seed it away.
  const probeEmail = `bootstrap-probe-${randomUUID()}@example.test`;
  await withClient(scratchUrl, (client) =>
    client.query(
      `INSERT INTO customers (id, name, email, created_at, updated_at) VALUES (gen_random_uuid(), 'Bootstrap Probe', $1, now(), now())`,
      [probeEmail],
    ),
  );
  const beforeSecondRun = await rowCountsByTable();

  const second = await runBootstrap(['setup'], setupEnv);
  expect({ code: second.code, output: second.output }).toMatchObject({ code: 0 });
  expect(await rowCountsByTable()).toEqual(beforeSecondRun);
  const probe = await withClient(scratchUrl, (client) => client.query('SELECT name FROM customers WHERE email = $1', [probeEmail]));
  expect(probe.rows).toEqual([{ name: 'Bootstrap Probe' }]);
  // Nothing re-created: same database, no migration applied twice (the _prisma_migrations count above), no demo row added.
  expect(second.output).not.toContain(`created database ${scratchDatabase}`);
}, 240_000);
