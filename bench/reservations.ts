import os from 'node:os';
import { ApplicationFailure } from '@temporalio/common';
import { createAdjustStock } from '../activities/inventory/adjust-stock';
import { createReserveStock } from '../activities/inventory/reserve-stock';
import { loadConfigOrExit } from '../domain/config';
import { INSUFFICIENT_STOCK } from '../domain/inventory/errors';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { reservationsBenchSchema, type ReservationsBenchConfig } from './reservations/config';
import { naiveReserve } from './reservations/naive-reserve';
import { buildAttempts, type ReservationAttempt } from './reservations/workload';
import { percentile, runConcurrently } from './support/latency';
import { printTable } from './support/print-table';
import { createScratchDatabase } from './support/scratch-database';

/**
 * Reservation throughput and latency at a given concurrency against real PostgreSQL: our reserveStock
 * activity (row locks in SKU order, ledger-first idempotency, one transaction) next to a naive
 * read-then-write, on identical stock and the same attempt sequence, in one run. Prints how many units
 * each sold beyond the stock there was.
 */

type Reserve = (storeCode: string, sku: string, quantity: number, businessKey: string) => Promise<'ok' | 'rejected'>;

interface Implementation {
  name: string;
  storeCode: string;
  reserve: Reserve;
}

interface Measurement {
  name: string;
  ok: number;
  rejected: number;
  errors: number;
  firstError?: unknown;
  okUnitsBySku: Map<string, number>;
  wallMs: number;
  latenciesMs: number[];
}

const WARMUP_STORE = 'BENCH-WARMUP';
const benchActor = { userId: null, label: 'bench:reservations' };

export async function runReservationsBench(): Promise<void> {
  const config = loadConfigOrExit(reservationsBenchSchema, 'bench:reservations');
  console.log(`Re-creating scratch database ${config.BENCH_DATABASE_NAME} and applying migrations...`);
  const databaseUrl = await createScratchDatabase(config.DATABASE_URL, config.BENCH_DATABASE_NAME);
  const prisma = createPrismaClient({ databaseUrl, poolSize: config.DATABASE_POOL_SIZE });
  try {
    const reserveStock = createReserveStock({ prisma });
    const implementations: Implementation[] = [
      {
        name: 'ours (atomic + ledger)',
        storeCode: 'BENCH-OURS',
        reserve: async (storeCode, sku, quantity, businessKey) => {
          try {
            await reserveStock({ storeCode, lines: [{ sku, quantity }], businessKey, actor: benchActor, workflowId: null, reason: 'bench' });
            return 'ok';
          } catch (error) {
            if (error instanceof ApplicationFailure && error.type === INSUFFICIENT_STOCK) return 'rejected';
            throw error;
          }
        },
      },
      {
        name: 'naive read-then-write',
        storeCode: 'BENCH-NAIVE',
        reserve: async (storeCode, sku, quantity, businessKey) => ((await naiveReserve(prisma, storeCode, sku, quantity, businessKey)) ? 'ok' : 'rejected'),
      },
    ];
    const skus = await seedBenchStock(prisma, config, implementations.map((implementation) => implementation.storeCode));
    const attempts = buildAttempts(config.BENCH_OPERATIONS, config.BENCH_SKUS, config.BENCH_MAX_QUANTITY, config.BENCH_SEED);
    printSetup(config, attempts);

    const measurements: Measurement[] = [];
    for (const implementation of implementations) {
      await warmUp(implementation, skus, config);
      measurements.push(await measure(implementation, skus, attempts, config.BENCH_CONCURRENCY));
    }

    const rows = [];
    for (const [index, measurement] of measurements.entries()) {
      const storeCode = implementations[index]?.storeCode ?? '';
      const stock = await stockAccounting(prisma, storeCode, measurement, config.BENCH_UNITS_PER_SKU);
      rows.push({ measurement, stock });
    }
    printResults(rows);
  } finally {
    await prisma.$disconnect();
  }
}

async function seedBenchStock(prisma: PrismaClient, config: ReservationsBenchConfig, storeCodes: string[]): Promise<string[]> {
  const skus = Array.from({ length: config.BENCH_SKUS }, (_, index) => `BENCH-${String(index + 1).padStart(5, '0')}`);
  await prisma.store.createMany({
    data: [WARMUP_STORE, ...storeCodes].map((code) => ({ code, name: code, city: 'Bench', address: 'n/a', timeZone: 'Europe/Amsterdam', currency: 'EUR' })),
  });
  await prisma.product.createMany({
    data: skus.map((sku) => ({ sku, name: sku, description: 'bench', category: 'bench', basePriceMinor: 1000, floorPriceMinor: 500, currency: 'EUR' })),
  });
  const adjustStock = createAdjustStock({ prisma });
  const warmUpUnits = Math.max(1, config.BENCH_WARMUP_OPERATIONS) * config.BENCH_MAX_QUANTITY;
  for (const [storeCode, units] of [[WARMUP_STORE, warmUpUnits] as const, ...storeCodes.map((code) => [code, config.BENCH_UNITS_PER_SKU] as const)]) {
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

async function warmUp(implementation: Implementation, skus: string[], config: ReservationsBenchConfig): Promise<void> {
  const attempts = buildAttempts(config.BENCH_WARMUP_OPERATIONS, skus.length, config.BENCH_MAX_QUANTITY, config.BENCH_SEED + 1);
  await runConcurrently(attempts.length, config.BENCH_CONCURRENCY, async (index) => {
    const attempt = attempts[index];
    if (!attempt) return;
    await implementation.reserve(WARMUP_STORE, skus[attempt.skuIndex] ?? '', attempt.quantity, `reserve:warmup-${implementation.storeCode}-${index}`);
  });
}

async function measure(implementation: Implementation, skus: string[], attempts: ReservationAttempt[], concurrency: number): Promise<Measurement> {
  const measurement: Measurement = { name: implementation.name, ok: 0, rejected: 0, errors: 0, okUnitsBySku: new Map(), wallMs: 0, latenciesMs: [] };
  const { wallMs, latenciesMs } = await runConcurrently(attempts.length, concurrency, async (index) => {
    const attempt = attempts[index];
    const sku = attempt === undefined ? undefined : skus[attempt.skuIndex];
    if (!attempt || !sku) return;
    try {
      const result = await implementation.reserve(implementation.storeCode, sku, attempt.quantity, `reserve:bench-${implementation.storeCode}-${index}`);
      if (result === 'rejected') {
        measurement.rejected += 1;
        return;
      }
      measurement.ok += 1;
      measurement.okUnitsBySku.set(sku, (measurement.okUnitsBySku.get(sku) ?? 0) + attempt.quantity);
    } catch (error) {
      measurement.errors += 1;
      measurement.firstError ??= error;
    }
  });
  return { ...measurement, wallMs, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

interface StockAccounting {
  /** Units confirmed to buyers beyond the stock that existed. */
  oversoldUnits: number;
  /** Units confirmed to buyers that the inventory table does not show as reserved. */
  unrecordedUnits: number;
  /** Whether the ledger's sums equal the table's levels for every SKU. */
  ledgerMatchesLevels: boolean;
}

async function stockAccounting(prisma: PrismaClient, storeCode: string, measurement: Measurement, unitsPerSku: number): Promise<StockAccounting> {
  const rows = await prisma.$queryRaw<{ sku: string; reserved: number; ledgerReserved: number }[]>`
    SELECT p.sku, l.reserved,
           (SELECT coalesce(sum(m.delta_reserved), 0)::int FROM inventory_movements m WHERE m.store_id = l.store_id AND m.product_id = l.product_id) AS "ledgerReserved"
    FROM inventory_levels l JOIN stores s ON s.id = l.store_id JOIN products p ON p.id = l.product_id
    WHERE s.code = ${storeCode}`;
  let oversoldUnits = 0;
  let unrecordedUnits = 0;
  for (const row of rows) {
    const sold = measurement.okUnitsBySku.get(row.sku) ?? 0;
    oversoldUnits += Math.max(0, sold - unitsPerSku);
    unrecordedUnits += sold - row.reserved;
  }
  return { oversoldUnits, unrecordedUnits, ledgerMatchesLevels: rows.every((row) => row.reserved === row.ledgerReserved) };
}

function printSetup(config: ReservationsBenchConfig, attempts: ReservationAttempt[]): void {
  const demand = attempts.reduce((sum, attempt) => sum + attempt.quantity, 0);
  console.log(
    `\nReservations bench: ${config.BENCH_OPERATIONS} attempts (1..${config.BENCH_MAX_QUANTITY} units) per implementation at concurrency ${config.BENCH_CONCURRENCY}, ` +
      `${config.BENCH_SKUS} SKUs x ${config.BENCH_UNITS_PER_SKU} units (demand ${demand} vs stock ${config.BENCH_SKUS * config.BENCH_UNITS_PER_SKU}), ` +
      `pool ${config.DATABASE_POOL_SIZE} connections, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(2)} at start\n`,
  );
}

function printResults(rows: { measurement: Measurement; stock: StockAccounting }[]): void {
  const opsPerSecond = (measurement: Measurement) => (measurement.latenciesMs.length / measurement.wallMs) * 1000;
  printTable(
    rows.map(({ measurement, stock }) => ({
      impl: measurement.name,
      ops: measurement.latenciesMs.length,
      ok: measurement.ok,
      rejected: measurement.rejected,
      errors: measurement.errors,
      'oversold units': stock.oversoldUnits,
      'ops/s': opsPerSecond(measurement),
      'p50 ms': percentile(measurement.latenciesMs, 50),
      'p99 ms': percentile(measurement.latenciesMs, 99),
    })),
  );
  console.log('');
  for (const { measurement, stock } of rows) {
    console.log(
      `${measurement.name}: ${stock.unrecordedUnits} units sold but not shown as reserved (lost updates); ledger ${stock.ledgerMatchesLevels ? 'matches' : 'does NOT match'} the levels`,
    );
    if (measurement.firstError !== undefined) console.log('  first error:', measurement.firstError);
  }
  const [ours, naive] = rows.map((row) => row.measurement);
  if (ours && naive) {
    console.log(
      `\nRatio ours/naive: throughput ${(opsPerSecond(ours) / opsPerSecond(naive)).toFixed(2)}x, ` +
        `p50 ${(percentile(ours.latenciesMs, 50) / percentile(naive.latenciesMs, 50)).toFixed(2)}x, ` +
        `p99 ${(percentile(ours.latenciesMs, 99) / percentile(naive.latenciesMs, 99)).toFixed(2)}x`,
    );
  }
}

if (require.main === module) {
  runReservationsBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
