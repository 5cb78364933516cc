import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createReconcileOutage } from '../activities/outages/reconcile-outage';
import { openOrJoinOutage } from '../db/outages/open-outage';
import { importOfflineSalesByCopy } from '../db/outages/copy-offline-sales';
import { recordOfflineSales } from '../db/outages/record-offline-sales';
import { loadConfigOrExit } from '../domain/config';
import { offlineSaleContentHash, offlineSaleTotalMinor } from '../domain/outages/offline-sale';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { reconciliationBenchSchema, type ReconciliationBenchConfig } from './reconciliation/config';
import { batchesFor, salesFor, seedReconciliationWorld, type BenchWorld } from './reconciliation/seed';
import { printTable } from './support/print-table';
import { recordStatementTimings } from './reconciliation/statement-timings';
import { createScratchDatabase } from './support/scratch-database';

/**
 * Offline journal import plus reconciliation, end to end against real PostgreSQL, on the same generated
 * sales: the CSV import's path (importOfflineSalesByCopy: one COPY per store into a staging table, then
 * set-based statements), the JSON batch path (recordOfflineSales: unnest + ON CONFLICT per batch), and
 * Prisma createMany in batches as the baseline; reconcileOutage (one statement per store) after each.
 * Prints time, lines/s, the ratio to the baseline and RSS.
 */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function importByCopy(databaseUrl: string, config: ReconciliationBenchConfig, world: BenchWorld): Promise<number> {
  let created = 0;
  for (const storeId of world.storeIds) {
    const sales = salesFor(config, world, storeId);
    const summary = await importOfflineSalesByCopy(databaseUrl, { storeId, recordedByUserId: world.userId, source: 'bench' }, sales);
    created += summary.created;
  }
  return created;
}

async function importOurs(prisma: PrismaClient, config: ReconciliationBenchConfig, world: BenchWorld): Promise<number> {
  let created = 0;
  for (const { storeId, batch } of batchesFor(config, world)) {
    const results = await recordOfflineSales(prisma, { storeId, recordedByUserId: world.userId, source: 'bench' }, batch);
    created += results.filter((r) => r.outcome === 'CREATED').length;
  }
  return created;
}

async function importCreateMany(prisma: PrismaClient, config: ReconciliationBenchConfig, world: BenchWorld): Promise<number> {
  const productIds = new Map(
    (await prisma.product.findMany({ where: { sku: { in: world.skus } }, select: { id: true, sku: true } })).map((p) => [p.sku, p.id]),
  );
  let created = 0;
  for (const { storeId, batch } of batchesFor(config, world)) {
    const sales = batch.map(({ sale }) => ({ id: randomUUID(), sale }));
    const { count } = await prisma.offlineSale.createMany({
      data: sales.map(({ id, sale }) => ({
        id,
        storeId,
        receiptNumber: sale.receiptNumber,
        soldAt: new Date(sale.soldAt),
        recordedByUserId: world.userId,
        currency: sale.currency,
        totalMinor: BigInt(offlineSaleTotalMinor(sale)),
        contentHash: offlineSaleContentHash(sale),
      })),
      skipDuplicates: true,
    });
    await prisma.offlineSaleLine.createMany({
      data: sales.flatMap(({ id, sale }) =>
        sale.lines.map((line) => ({
          offlineSaleId: id,
          productId: productIds.get(line.sku) as string,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
        })),
      ),
    });
    created += count;
  }
  return created;
}

async function reconcileStores(prisma: PrismaClient, world: BenchWorld): Promise<number> {
  const reconcile = createReconcileOutage({ prisma });
  let applied = 0;
  for (const storeId of world.storeIds) {
    const outage = await prisma.$transaction((tx) =>
      openOrJoinOutage(tx, { subject: { kind: 'STORE', storeId }, cause: 'bench', source: 'DECLARED', declaredByUserId: world.userId }),
    );
    applied += (await reconcile({ outageId: outage.id, workflowId: `bench:${outage.id}` })).offlineSalesApplied;
  }
  return applied;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

function printStatementTimings(phase: string, timings: ReturnType<ReturnType<typeof recordStatementTimings>['take']>): void {
  const rows = [...timings.entries()]
    .filter(([, timing]) => timing.ms >= 50)
    .sort(([, a], [, b]) => b.ms - a.ms)
    .map(([statement, timing]) => ({
      phase,
      ms: Math.round(timing.ms),
      'backend CPU ms': Number.isNaN(timing.backendCpuMs) ? '-' : Math.round(timing.backendCpuMs),
      calls: timing.calls,
      statement,
    }));
  printTable(rows);
}

export async function runReconciliationBench(): Promise<void> {
  const config = loadConfigOrExit(reconciliationBenchSchema, 'bench:reconciliation');
  const statementTimings = config.BENCH_STATEMENT_TIMINGS ? recordStatementTimings() : null;
  console.log(`Re-creating scratch database ${config.BENCH_DATABASE_NAME} and applying migrations...`);
  const databaseUrl = await createScratchDatabase(config.DATABASE_URL, config.BENCH_DATABASE_NAME);
  const prisma = createPrismaClient({ databaseUrl, poolSize: config.DATABASE_POOL_SIZE });
  console.log(
    `${config.BENCH_LINES} offline sale lines (one per receipt), ${config.BENCH_STORES} stores, ${config.BENCH_SKUS} SKUs, batches of ${config.BENCH_BATCH}`,
  );
  console.log(`${os.cpus().length} CPUs, load average ${loadAverage()} (1, 5, 15 min) at start`);
  try {
    const rows: Record<string, string | number>[] = [];
    let baselineMs: number | null = null;
    for (const path of config.BENCH_PATHS) {
      const world = await seedReconciliationWorld(prisma, config, path.toUpperCase());
      const importWith = () =>
        path === 'copy'
          ? importByCopy(databaseUrl, config, world)
          : path === 'unnest'
            ? importOurs(prisma, config, world)
            : importCreateMany(prisma, config, world);
      const timedPhase = async <T>(phase: string, work: () => Promise<T>) => {
        statementTimings?.take();
        const cpu = process.cpuUsage();
        const result = await timed(work);
        if (statementTimings) {
          const used = process.cpuUsage(cpu);
          console.log(
            `${path} ${phase}: ${(result.ms / 1000).toFixed(1)} s, bench process CPU ${Math.round((used.user + used.system) / 1000)} ms`,
          );
          printStatementTimings(`${path} ${phase}`, statementTimings.take());
        }
        return result;
      };
      const imported = await timedPhase('import', importWith);
      const reimport = path === 'createMany' ? null : await timedPhase('re-import', importWith);
      const reconciled = await timedPhase('reconcile', () => reconcileStores(prisma, world));
      const total = imported.ms + reconciled.ms;
      if (path === 'createMany') baselineMs = total;
      rows.push({
        path,
        'import s': (imported.ms / 1000).toFixed(1),
        'import lines/s': Math.round((config.BENCH_LINES / imported.ms) * 1000),
        're-import s': reimport === null ? '-' : (reimport.ms / 1000).toFixed(1),
        'reconcile s': (reconciled.ms / 1000).toFixed(1),
        'applied sales': reconciled.value,
        'end to end s': (total / 1000).toFixed(1),
        'RSS MB': Math.round(process.memoryUsage().rss / 1024 / 1024),
      });
    }
    for (const row of rows)
      row['createMany / this, end to end'] = baselineMs === null ? '-' : (baselineMs / (Number(row['end to end s']) * 1000)).toFixed(1);
    printTable(rows);
    console.log(`load average ${loadAverage()} (1, 5, 15 min) at the end`);
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  runReconciliationBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
