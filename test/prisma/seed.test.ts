import pg from 'pg';
import { testEnv } from '../support/env';
import { type CommandResult, createEmptyDatabase, dropDatabase, runPrismaCli, runSeed } from './prisma-cli';

/**
 * The seed as `npm run dev` runs it, on a database of its own (migrated from empty here) so that moving
 * stock does not disturb other suites. Story: migrate, seed, sell one unit, seed again with the sandbox
 * moved elsewhere; the second run must change nothing but the sandbox address.
 */
const countedTables = [
  'stores',
  'channels',
  'users',
  'products',
  'inventory_levels',
  'inventory_movements',
  'channel_listings',
  'customers',
] as const;
const SOLD_SKU = 'APP-TSH-BLK';
const MOVED_SANDBOX_URL = 'http://sandbox.internal:9000/';

let databaseUrl: string;
let client: pg.Client;
let firstRun: CommandResult;
let secondRun: CommandResult;
let countsAfterFirstRun: Record<string, number>;
let stockAfterFirstRun: number | undefined;
let unexplainedLevelsAfterFirstRun: number | undefined;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
    counts[table] = rows[0]?.count ?? -1;
  }
  return counts;
}

async function amsterdamStockOf(sku: string): Promise<number | undefined> {
  const { rows } = await client.query<{ on_hand: number }>(
    `SELECT l.on_hand FROM inventory_levels l JOIN stores s ON s.id = l.store_id JOIN products p ON p.id = l.product_id WHERE s.code = 'AMS-01' AND p.sku = $1`,
    [sku],
  );
  return rows[0]?.on_hand;
}

/** Levels whose on-hand stock is not the sum of their ledger rows. */
async function unexplainedLevels(): Promise<number | undefined> {
  const { rows } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM inventory_levels l
      WHERE l.on_hand <> (SELECT coalesce(sum(m.delta_on_hand), 0) FROM inventory_movements m WHERE m.store_id = l.store_id AND m.product_id = l.product_id)`,
  );
  return rows[0]?.count;
}

beforeAll(async () => {
  databaseUrl = await createEmptyDatabase(testEnv.databaseUrl);
  const migrated = await runPrismaCli(['migrate', 'deploy'], databaseUrl);
  if (migrated.exitCode !== 0) throw new Error(`migrate deploy failed:\n${migrated.output}`);
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();

  firstRun = await runSeed(databaseUrl);
  countsAfterFirstRun = await rowCounts();
  stockAfterFirstRun = await amsterdamStockOf(SOLD_SKU);
  unexplainedLevelsAfterFirstRun = await unexplainedLevels();
  // A sale after seeding: one unit leaves the Amsterdam store.
  await client.query(
    `UPDATE inventory_levels SET on_hand = on_hand - 1 FROM stores s, products p
      WHERE s.id = inventory_levels.store_id AND p.id = inventory_levels.product_id AND s.code = 'AMS-01' AND p.sku = $1`,
    [SOLD_SKU],
  );
  secondRun = await runSeed(databaseUrl, MOVED_SANDBOX_URL);
}, 120_000);

afterAll(async () => {
  await client?.end();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe('demo seed', () => {
  it('fills an empty database and prints the demo logins', () => {
    expect(firstRun.exitCode).toBe(0);
    expect(firstRun.output).toContain('password for all: demo-password');
    expect(firstRun.output).toContain('admin@omni.example');
    expect(countsAfterFirstRun).toMatchObject({ stores: 3, channels: 6, users: 9, customers: 25 });
    expect(countsAfterFirstRun.products).toBeGreaterThanOrEqual(240);
  });

  it('explains every unit of opening stock with a ledger row', () => {
    expect(stockAfterFirstRun).toBeGreaterThan(0);
    expect(unexplainedLevelsAfterFirstRun).toBe(0);
  });

  it('creates nothing on a second run', async () => {
    expect(secondRun.exitCode).toBe(0);
    expect(secondRun.output).toContain('created: 0 stores, 0 channels, 0 users, 0 products, 0 inventoryLevels, 0 listings, 0 customers');
    expect(await rowCounts()).toEqual(countsAfterFirstRun);
  });

  it('keeps stock that changed after the first run', async () => {
    expect(await amsterdamStockOf(SOLD_SKU)).toBe((stockAfterFirstRun ?? 0) - 1);
  });

  it('points the demo channels at the sandbox it was given last', async () => {
    const { rows } = await client.query<{ base_url: string }>(`SELECT base_url FROM channels WHERE code = 'megamart'`);

    expect(rows).toEqual([{ base_url: 'http://sandbox.internal:9000/channels/megamart' }]);
  });
});
