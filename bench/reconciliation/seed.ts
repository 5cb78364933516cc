import { type NumberedSale } from '../../db/outages/record-offline-sales';
import { type PrismaClient } from '../../prisma/client';
import { type ReconciliationBenchConfig } from './config';

export interface BenchWorld {
  storeIds: string[];
  userId: string;
  skus: string[];
}

/** Stores, SKUs with plenty on hand in every store, and the person recording the journal. */
export async function seedReconciliationWorld(prisma: PrismaClient, config: ReconciliationBenchConfig, tag: string): Promise<BenchWorld> {
  const storeIds: string[] = [];
  for (let i = 0; i < config.BENCH_STORES; i += 1) {
    const store = await prisma.store.create({
      data: {
        code: `BENCH-${tag}-${i}`,
        name: `Bench ${tag} ${i}`,
        city: 'Jakarta',
        address: '-',
        timeZone: 'Asia/Jakarta',
        currency: 'IDR',
      },
    });
    storeIds.push(store.id);
  }
  const skus = Array.from({ length: config.BENCH_SKUS }, (_, i) => `BENCH-${tag}-SKU-${i}`);
  await prisma.$executeRaw`
    INSERT INTO products (id, sku, name, description, category, base_price_minor, floor_price_minor, currency, updated_at)
    SELECT gen_random_uuid(), sku, sku, 'bench', 'bench', 1500000, 1000, 'IDR', now() FROM unnest(${skus}::text[]) AS sku`;
  await prisma.$executeRaw`
    INSERT INTO inventory_levels (id, store_id, product_id, on_hand, updated_at)
    SELECT gen_random_uuid(), s, p.id, 1000000, now() FROM unnest(${storeIds}::uuid[]) AS s CROSS JOIN products p WHERE p.sku = ANY(${skus}::text[])`;
  const user = await prisma.user.create({
    data: { email: `bench-${tag.toLowerCase()}@bench.test`, name: 'Bench', role: 'OPS_LEAD', passwordHash: '-' },
  });
  return { storeIds, userId: user.id, skus };
}

/** The same sales for every run and path: receipt i of store s sells one unit of SKU (7i + s) % skus. */
export function* salesFor(config: ReconciliationBenchConfig, world: BenchWorld, storeId: string): Generator<NumberedSale> {
  const s = world.storeIds.indexOf(storeId);
  const perStore = Math.ceil(config.BENCH_LINES / config.BENCH_STORES);
  const count = Math.max(0, Math.min(perStore, config.BENCH_LINES - s * perStore));
  for (let i = 0; i < count; i += 1) {
    yield {
      row: i,
      sale: {
        receiptNumber: `R-${i}`,
        soldAt: '2026-12-02T10:00:00.000Z',
        currency: 'IDR',
        lines: [{ sku: world.skus[(i * 7 + s) % world.skus.length] as string, quantity: 1, unitPriceMinor: 1500000 }],
      },
    };
  }
}

/** The same sales in batches of BENCH_BATCH receipts, store after store (the paths that write per batch). */
export function* batchesFor(config: ReconciliationBenchConfig, world: BenchWorld): Generator<{ storeId: string; batch: NumberedSale[] }> {
  for (const storeId of world.storeIds) {
    let batch: NumberedSale[] = [];
    for (const sale of salesFor(config, world, storeId)) {
      batch.push(sale);
      if (batch.length === config.BENCH_BATCH) {
        yield { storeId, batch };
        batch = [];
      }
    }
    if (batch.length > 0) yield { storeId, batch };
  }
}
