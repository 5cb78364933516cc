import { createAdjustStock } from '../activities/inventory/adjust-stock';
import { loadConfigOrExit } from '../domain/config';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { reservationsBenchSchema, type ReservationsBenchConfig } from './reservations/config';
import { benchActor, naiveImplementation, oursImplementation, type ReservationImplementation } from './reservations/implementations';
import { accountForStock, measure } from './reservations/measure';
import { printResults, printSetup, type RoundResult } from './reservations/report';
import { buildAttempts } from './reservations/workload';
import { runConcurrently } from './support/latency';
import { createScratchDatabase } from './support/scratch-database';

/**
 * Reservation throughput and latency at a given concurrency against real PostgreSQL: our reserveStock
 * activity next to a naive read-then-write, on identical stock and the same attempt sequence, in one
 * run, in alternating order over several rounds. Prints how many units each sold beyond the stock.
 */

const WARMUP_STORE = 'BENCH-WARMUP';

export async function runReservationsBench(): Promise<void> {
  const config = loadConfigOrExit(reservationsBenchSchema, 'bench:reservations');
  console.log(`Re-creating scratch database ${config.BENCH_DATABASE_NAME} and applying migrations...`);
  const databaseUrl = await createScratchDatabase(config.DATABASE_URL, config.BENCH_DATABASE_NAME);
  const prisma = createPrismaClient({ databaseUrl, poolSize: config.DATABASE_POOL_SIZE });
  try {
    const implementations = [oursImplementation(prisma), naiveImplementation(prisma)];
    const rounds = Array.from({ length: config.BENCH_ROUNDS }, (_, index) => index + 1);
    const storeOf = (implementation: ReservationImplementation, round: number) => `BENCH-${implementation.tag}-R${round}`;
    const benchStores = implementations.flatMap((implementation) => rounds.map((round) => storeOf(implementation, round)));
    const skus = await seedBenchStock(prisma, config, benchStores);
    const attempts = buildAttempts(config.BENCH_OPERATIONS, config.BENCH_SKUS, config.BENCH_MAX_QUANTITY, config.BENCH_SEED);
    printSetup(config, attempts);

    for (const implementation of implementations) await warmUp(implementation, skus, config);
    const results: RoundResult[] = [];
    for (const round of rounds) {
      const order = round % 2 === 1 ? implementations : [...implementations].reverse();
      for (const implementation of order) {
        const storeCode = storeOf(implementation, round);
        const measurement = await measure(implementation, round, storeCode, skus, attempts, config.BENCH_CONCURRENCY);
        results.push({ measurement, stock: await accountForStock(prisma, storeCode, measurement, config.BENCH_UNITS_PER_SKU) });
      }
    }
    const listed = (result: RoundResult) =>
      implementations.findIndex((implementation) => implementation.name === result.measurement.implementation);
    printResults(results.sort((a, b) => a.measurement.round - b.measurement.round || listed(a) - listed(b)));
  } finally {
    await prisma.$disconnect();
  }
}

/** Bench stores and SKUs, stocked through the ledger like real deliveries so ledger and levels agree. */
async function seedBenchStock(prisma: PrismaClient, config: ReservationsBenchConfig, storeCodes: string[]): Promise<string[]> {
  const skus = Array.from({ length: config.BENCH_SKUS }, (_, index) => `BENCH-${String(index + 1).padStart(5, '0')}`);
  await prisma.store.createMany({
    data: [WARMUP_STORE, ...storeCodes].map((code) => ({
      code,
      name: code,
      city: 'Bench',
      address: 'n/a',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
    })),
  });
  await prisma.product.createMany({
    data: skus.map((sku) => ({
      sku,
      name: sku,
      description: 'bench',
      category: 'bench',
      basePriceMinor: 1000,
      floorPriceMinor: 500,
      currency: 'EUR',
    })),
  });
  const adjustStock = createAdjustStock({ prisma });
  // The warm-up store never runs out, so warm-up exercises the path that writes.
  const warmUpUnits = Math.max(1, config.BENCH_WARMUP_OPERATIONS) * config.BENCH_MAX_QUANTITY * 2;
  for (const [storeCode, units] of [
    [WARMUP_STORE, warmUpUnits] as const,
    ...storeCodes.map((code) => [code, config.BENCH_UNITS_PER_SKU] as const),
  ]) {
    await adjustStock({
      storeCode,
      kind: 'RECEIVE',
      lines: skus.map((sku) => ({ sku, delta: units })),
      businessKey: `receive:bench-${storeCode}`,
      actor: benchActor,
      workflowId: null,
      reason: 'bench stock',
    });
  }
  return skus;
}

/** Untimed attempts first, so connection set-up and JIT compilation are not measured. */
async function warmUp(implementation: ReservationImplementation, skus: readonly string[], config: ReservationsBenchConfig): Promise<void> {
  const attempts = buildAttempts(config.BENCH_WARMUP_OPERATIONS, skus.length, config.BENCH_MAX_QUANTITY, config.BENCH_SEED + 1);
  await runConcurrently(attempts.length, config.BENCH_CONCURRENCY, async (index) => {
    const attempt = attempts[index];
    if (!attempt) return;
    await implementation.reserve(
      WARMUP_STORE,
      skus[attempt.skuIndex] ?? '',
      attempt.quantity,
      `reserve:warmup-${implementation.tag}-${index}`,
    );
  });
}

if (require.main === module) {
  runReservationsBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
