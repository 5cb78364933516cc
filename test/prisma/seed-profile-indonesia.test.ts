import pg from 'pg';
import { testEnv } from '../support/env';
import { type CommandResult, createEmptyDatabase, dropDatabase, runPrismaCli, runSeed } from './prisma-cli';

/**
 * `SEED_PROFILE=indonesia` (or `npm run dev -- --demo indonesia`): the Indonesian demo retailer on a database
 * of its own, migrated from empty. Seeded twice; the second run adds nothing.
 */
let databaseUrl: string;
let client: pg.Client;
let firstRun: CommandResult;
let secondRun: CommandResult;

async function rows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  return (await client.query<T>(sql)).rows;
}

beforeAll(async () => {
  databaseUrl = await createEmptyDatabase(testEnv.databaseUrl);
  const migrated = await runPrismaCli(['migrate', 'deploy'], databaseUrl);
  if (migrated.exitCode !== 0) throw new Error(`migrate deploy failed:\n${migrated.output}`);
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  firstRun = await runSeed(databaseUrl, undefined, { SEED_PROFILE: 'indonesia', TEMPORAL_TASK_QUEUE: 'seed-profile-test' });
}, 120_000);

afterAll(async () => {
  await client?.end();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe('the Indonesian demo retailer', () => {
  it('seeds without error and says which profile', () => {
    expect({ exitCode: firstRun.exitCode, output: firstRun.output }).toMatchObject({ exitCode: 0 });
    expect(firstRun.output).toContain('Demo data (indonesia) seeded');
    expect(firstRun.output).toContain('admin@toko.example');
  });

  it('has Jakarta and Surabaya in WIB and Makassar in WITA, in rupiah, and none of the European stores', async () => {
    const stores = await rows<{ code: string; city: string; time_zone: string; currency: string }>(
      'SELECT code, city, time_zone, currency FROM stores ORDER BY code',
    );
    expect(stores).toEqual([
      { code: 'JKT-01', city: 'Jakarta', time_zone: 'Asia/Jakarta', currency: 'IDR' },
      { code: 'MKS-01', city: 'Makassar', time_zone: 'Asia/Makassar', currency: 'IDR' },
      { code: 'SBY-01', city: 'Surabaya', time_zone: 'Asia/Jakarta', currency: 'IDR' },
    ]);
  });

  it('sells on two marketplaces, a chat catalogue, a web store and the POS, each emulated by the sandbox', async () => {
    const channels = await rows<{ code: string; kind: string; base_url: string }>(
      'SELECT code, kind, base_url FROM channels ORDER BY code',
    );
    expect(channels.map((channel) => channel.kind).sort()).toEqual(['MARKETPLACE', 'MARKETPLACE', 'POS', 'SOCIAL_CATALOG', 'WEB_STORE']);
    for (const channel of channels) expect(channel.base_url).toBe(`http://127.0.0.1:4010/channels/${channel.code}`);
  });

  it('prices products in IDR minor units (sen) above their floor, stocked in every store, listed on every selling channel', async () => {
    const products = await rows<{ sku: string; base_price_minor: number; floor_price_minor: number; currency: string }>(
      'SELECT sku, base_price_minor, floor_price_minor, currency FROM products',
    );
    expect(products.length).toBeGreaterThanOrEqual(15);
    expect(products.every((product) => product.currency === 'IDR' && product.floor_price_minor < product.base_price_minor)).toBe(true);
    // Rp 450.000 is 45 000 000 sen; every demo price is whole rupiah.
    expect(products.find((product) => product.sku === 'ID-BTK-KMJ-M')?.base_price_minor).toBe(45_000_000);
    expect(products.every((product) => product.base_price_minor % 100 === 0)).toBe(true);
    const [levels] = await rows<{ count: number }>('SELECT count(*)::int AS count FROM inventory_levels');
    expect(levels?.count).toBe(products.length * 3);
    const listings = await rows<{ currency: string; count: number }>(
      'SELECT currency, count(*)::int AS count FROM channel_listings GROUP BY currency',
    );
    expect(listings).toEqual([{ currency: 'IDR', count: products.length * 4 }]);
  });

  it('signs in its own people: an admin, two ops leads, a manager and a clerk per store', async () => {
    const users = await rows<{ role: string; store: string | null; is_store_manager: boolean }>(
      'SELECT u.role, s.code AS store, u.is_store_manager FROM users u LEFT JOIN stores s ON s.id = u.store_id',
    );
    expect(users.filter((user) => user.role === 'ADMIN')).toHaveLength(1);
    expect(users.filter((user) => user.role === 'OPS_LEAD')).toHaveLength(2);
    for (const store of ['JKT-01', 'SBY-01', 'MKS-01'])
      expect(
        users
          .filter((user) => user.store === store)
          .map((user) => user.is_store_manager)
          .sort(),
      ).toEqual([false, true]);
  });

  it('places three pickup orders per store in rupiah, each with its run promised in the outbox', async () => {
    const orders = await rows<{
      external_id: string;
      store: string;
      currency: string;
      total: string;
      starts: number;
      queue: string | null;
    }>(
      `SELECT o.external_id, s.code AS store, o.currency, o.total_minor::text AS total,
              (SELECT count(*)::int FROM workflow_starts w WHERE w.order_id = o.id) AS starts,
              (SELECT w.task_queue FROM workflow_starts w WHERE w.order_id = o.id LIMIT 1) AS queue
         FROM orders o JOIN stores s ON s.id = o.pickup_store_id ORDER BY o.external_id`,
    );
    expect(orders.map((order) => order.external_id)).toEqual([
      'DEMO-JKT-01-1',
      'DEMO-JKT-01-2',
      'DEMO-JKT-01-3',
      'DEMO-MKS-01-1',
      'DEMO-MKS-01-2',
      'DEMO-MKS-01-3',
      'DEMO-SBY-01-1',
      'DEMO-SBY-01-2',
      'DEMO-SBY-01-3',
    ]);
    for (const order of orders) {
      expect(order).toMatchObject({ currency: 'IDR', starts: 1, queue: 'seed-profile-test' });
      expect(Number(order.total)).toBeGreaterThan(0);
    }
    const channels = await rows<{ code: string }>('SELECT DISTINCT c.code FROM orders o JOIN channels c ON c.id = o.channel_id');
    expect(channels.length).toBeGreaterThanOrEqual(3);
  });

  it('adds nothing when seeded again', async () => {
    secondRun = await runSeed(databaseUrl, undefined, { SEED_PROFILE: 'indonesia', TEMPORAL_TASK_QUEUE: 'seed-profile-test' });
    expect(secondRun.exitCode).toBe(0);
    expect(secondRun.output).toContain(
      'created: 0 stores, 0 channels, 0 users, 0 products, 0 inventoryLevels, 0 listings, 0 customers, 0 orders',
    );
  }, 60_000);

  it('refuses an unknown profile, naming the variable', async () => {
    const run = await runSeed(databaseUrl, undefined, { SEED_PROFILE: 'atlantis' });
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('SEED_PROFILE');
  }, 60_000);
});
