import { type PrismaClient } from '../client';
import { openingStockUnits } from '../seed-data/opening-stock';
import { type SeedProfile } from './seed-profiles';

/** Ledger actor of everything the seed writes. */
export const SEED_ACTOR = 'system:seed';

/** The seed's interactive transactions: Prisma's 5 s default is too short on a machine busy with other suites. */
export const SEED_TRANSACTION = { maxWait: 30_000, timeout: 60_000 };

/**
 * Products are created when missing; prices an admin changed since are kept. A product seeded before
 * products had brands gets its demo brand (only while it has none: a brand set since is kept).
 */
export async function seedProducts(prisma: PrismaClient, profile: SeedProfile): Promise<number> {
  const { count } = await prisma.product.createMany({ data: [...profile.products], skipDuplicates: true });
  const skusByBrand = new Map<string, string[]>();
  for (const product of profile.products) skusByBrand.set(product.brand, [...(skusByBrand.get(product.brand) ?? []), product.sku]);
  for (const [brand, skus] of skusByBrand) await prisma.product.updateMany({ where: { sku: { in: skus }, brand: null }, data: { brand } });
  return count;
}

/**
 * Opening stock for every demo store and SKU, written with its RECEIVE ledger row in one transaction so the
 * ledger always explains on-hand stock. Only levels that do not exist yet are written: stock that orders,
 * returns or staff changed since is never reset by a second run.
 */
export async function seedOpeningStock(prisma: PrismaClient, profile: SeedProfile): Promise<number> {
  const [stores, products] = await Promise.all([
    prisma.store.findMany({ where: { code: { in: profile.stores.map((store) => store.code) } }, select: { id: true, code: true } }),
    prisma.product.findMany({
      where: { sku: { in: profile.products.map((product) => product.sku) } },
      select: { id: true, sku: true },
    }),
  ]);
  const storeById = new Map(stores.map((store) => [store.id, store.code]));
  const skuById = new Map(products.map((product) => [product.id, product.sku]));
  const levels = profile.stores.flatMap((demoStore) => {
    const store = stores.find((candidate) => candidate.code === demoStore.code);
    if (!store) return [];
    return products.map((product) => ({
      storeId: store.id,
      productId: product.id,
      onHand: openingStockUnits(demoStore.code, product.sku, demoStore.stockScale),
    }));
  });

  return prisma.$transaction(async (tx) => {
    const created = await tx.inventoryLevel.createManyAndReturn({
      data: levels,
      skipDuplicates: true,
      select: { storeId: true, productId: true, onHand: true },
    });
    await tx.inventoryMovement.createMany({
      data: created
        .filter((level) => level.onHand > 0)
        .map((level) => ({
          storeId: level.storeId,
          productId: level.productId,
          kind: 'RECEIVE' as const,
          deltaOnHand: level.onHand,
          deltaReserved: 0,
          reason: 'Opening stock (demo data)',
          actorLabel: SEED_ACTOR,
          idempotencyKey: `seed:opening-stock:${storeById.get(level.storeId)}:${skuById.get(level.productId)}`,
        })),
      skipDuplicates: true,
    });
    return created.length;
    // A few thousand rows: on a loaded machine (a test database seeded while other suites run) that can take
    // longer than Prisma's 5 s default for an interactive transaction.
  }, SEED_TRANSACTION);
}

/**
 * A listing for every SKU on every channel except the point of sale (which sells from store stock and lists
 * nothing). Nothing is published yet: price and stock are null until the first push.
 */
export async function seedListings(prisma: PrismaClient, profile: SeedProfile): Promise<number> {
  const [channels, products] = await Promise.all([
    prisma.channel.findMany({
      where: { kind: { not: 'POS' }, code: { in: profile.channels.map((channel) => channel.code) } },
      select: { id: true },
    }),
    prisma.product.findMany({
      where: { sku: { in: profile.products.map((product) => product.sku) } },
      select: { id: true },
    }),
  ]);
  const { count } = await prisma.channelListing.createMany({
    data: channels.flatMap((channel) =>
      products.map((product) => ({ channelId: channel.id, productId: product.id, currency: profile.currency })),
    ),
    skipDuplicates: true,
  });
  return count;
}
