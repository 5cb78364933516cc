import { spawn } from 'node:child_process';
import path from 'node:path';
import { createAdjustStock } from '../../activities/inventory/adjust-stock';
import { type PrismaClient } from '../../prisma/client';
import { type PickupBenchConfig } from './config';

const repoRoot = path.resolve(__dirname, '..', '..');

export const pickupBenchActor = { userId: null, label: 'bench:pickup' };

export interface BenchCatalogue {
  /** Active SKUs the orders spread over, stocked with BENCH_PICKUP_UNITS_PER_SKU at every store. */
  skus: string[];
  /** Catalogue base price per SKU (minor units), what a channel would charge. */
  unitPriceMinorBySku: ReadonlyMap<string, number>;
  storeCodes: string[];
}

/** The project's own seed (`tsx prisma/seed.ts`), run as users run it, on the bench database. */
export async function runSeed(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`prisma/seed.ts failed (exit ${code}):\n${output}`);
}

/**
 * Demo data plus a deep shelf for the bench SKUs at every store, received through the inventory
 * activity (ledger rows and all), so every order of the ramp can be reserved and none takes the
 * "store cannot cover" branch, which is a different workflow path from the one measured.
 */
export async function seedBenchData(prisma: PrismaClient, databaseUrl: string, config: PickupBenchConfig): Promise<BenchCatalogue> {
  await runSeed(databaseUrl);
  const products = await prisma.product.findMany({
    where: { active: true },
    orderBy: { sku: 'asc' },
    take: config.BENCH_PICKUP_SKUS,
    select: { sku: true, basePriceMinor: true },
  });
  const stores = await prisma.store.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { code: true } });
  if (products.length < config.BENCH_PICKUP_SKUS)
    throw new Error(`The seed has ${products.length} active products; BENCH_PICKUP_SKUS asks for ${config.BENCH_PICKUP_SKUS}`);
  if (stores.length === 0) throw new Error('The seed created no active store');
  const skus = products.map((product) => product.sku);
  const adjustStock = createAdjustStock({ prisma });
  for (const { code } of stores) {
    await adjustStock({
      storeCode: code,
      kind: 'RECEIVE',
      lines: skus.map((sku) => ({ sku, delta: config.BENCH_PICKUP_UNITS_PER_SKU })),
      businessKey: `receive:bench-pickup-${code}`,
      actor: pickupBenchActor,
      workflowId: null,
      reason: 'pickup bench stock',
    });
  }
  return {
    skus,
    unitPriceMinorBySku: new Map(products.map((product) => [product.sku, product.basePriceMinor])),
    storeCodes: stores.map((store) => store.code),
  };
}
