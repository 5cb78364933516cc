import { verify } from '@node-rs/argon2';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { demoChannels } from '../../channels/catalog';
import { readDemoUsers } from '../../prisma/seed/demo-users';
import { generateDemoProducts } from '../../prisma/seed-data/products';
import { demoStores } from '../../prisma/seed-data/stores';
import { testEnv } from '../support/env';

/**
 * The seeded database a demo lives on (issue 2, item 3), read through the application's own client.
 * Other suites add their own stores, channels and SKUs to the same database while this one runs, so every
 * count here is taken over the demo's own business codes, never over whole tables.
 */
let prisma: PrismaClient;
const demoStoreCodes = demoStores.map((store) => store.code);
const demoChannelCodes = demoChannels.map((channel) => channel.code);
const demoSkus = generateDemoProducts('EUR').map((product) => product.sku);

beforeAll(() => {
  prisma = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 2 });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('demo data', () => {
  it('has at least five channels of three kinds with different rate limits', async () => {
    const channels = await prisma.channel.findMany({ where: { code: { in: demoChannelCodes } } });

    expect(channels.length).toBeGreaterThanOrEqual(5);
    expect(new Set(channels.map((channel) => channel.kind)).size).toBeGreaterThanOrEqual(3);
    expect(
      new Set(channels.map((channel) => `${channel.requestsPerSecond}/${channel.burst}/${channel.perItemCost}`)).size,
    ).toBeGreaterThanOrEqual(3);
  });

  it('has at least three stores in different cities with valid time zones', async () => {
    const stores = await prisma.store.findMany({ where: { code: { in: demoStoreCodes } } });

    expect(new Set(stores.map((store) => store.city)).size).toBeGreaterThanOrEqual(3);
    for (const store of stores) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: store.timeZone })).not.toThrow();
    }
  });

  it('has at least 200 SKUs priced above their floor, stocked per store, some of them sold out', async () => {
    const demoLevels = { store: { code: { in: demoStoreCodes } }, product: { sku: { in: demoSkus } } };
    const [products, stores, levels, soldOut] = await Promise.all([
      prisma.product.findMany({ where: { sku: { in: demoSkus } }, select: { id: true, basePriceMinor: true, floorPriceMinor: true } }),
      prisma.store.count({ where: { code: { in: demoStoreCodes } } }),
      prisma.inventoryLevel.count({ where: demoLevels }),
      prisma.inventoryLevel.count({ where: { ...demoLevels, onHand: 0 } }),
    ]);

    expect(products.length).toBeGreaterThanOrEqual(200);
    expect(products.every((product) => product.floorPriceMinor < product.basePriceMinor)).toBe(true);
    expect(levels).toBeGreaterThanOrEqual(products.length * stores * 0.9);
    expect(soldOut).toBeGreaterThan(0);
  });

  it('lists every demo SKU on every channel except the point of sale', async () => {
    const [channels, skus, listings] = await Promise.all([
      prisma.channel.count({ where: { code: { in: demoChannelCodes }, kind: { not: 'POS' } } }),
      prisma.product.count({ where: { sku: { in: demoSkus } } }),
      prisma.channelListing.count({ where: { product: { sku: { in: demoSkus } }, channel: { code: { in: demoChannelCodes } } } }),
    ]);

    expect(skus).toBe(demoSkus.length);
    expect(listings).toBe(channels * skus);
    expect(await prisma.channelListing.count({ where: { channel: { code: { in: demoChannelCodes }, kind: 'POS' } } })).toBe(0);
  });

  it('lets every demo user log in with the documented password, in the documented role and store', async () => {
    const demo = readDemoUsers();
    const users = await prisma.user.findMany({ where: { email: { in: demo.users.map((user) => user.email) } }, include: { store: true } });

    expect(users).toHaveLength(demo.users.length);
    for (const expected of demo.users) {
      const user = users.find((candidate) => candidate.email === expected.email);
      expect({ email: user?.email, role: user?.role, store: user?.store?.code ?? null, manager: user?.isStoreManager }).toEqual({
        email: expected.email,
        role: expected.role,
        store: expected.storeCode,
        manager: expected.isStoreManager,
      });
      expect(await verify(user?.passwordHash ?? '', demo.password)).toBe(true);
    }
  });

  it('has an admin, two ops leads for four-eyes approvals, and a manager and a clerk in every store', async () => {
    const stores = await prisma.store.findMany({
      where: { code: { in: demoStoreCodes } },
      include: { users: { where: { role: 'STORE_STAFF', active: true } } },
    });

    expect(await prisma.user.count({ where: { role: 'ADMIN' } })).toBeGreaterThanOrEqual(1);
    expect(await prisma.user.count({ where: { role: 'OPS_LEAD' } })).toBeGreaterThanOrEqual(2);
    expect(stores).toHaveLength(demoStoreCodes.length);
    for (const store of stores) {
      expect(store.users.some((user) => user.isStoreManager)).toBe(true);
      expect(store.users.some((user) => !user.isStoreManager)).toBe(true);
    }
  });

  it('has customers reachable by phone and e-mail', async () => {
    const reachable = await prisma.customer.count({ where: { phone: { not: null }, email: { not: null } } });

    expect(reachable).toBeGreaterThanOrEqual(20);
  });
});
