import { type PrismaClient } from '../../prisma/client';
import { runConcurrently } from '../support/latency';
import { type ReservationImplementation } from './implementations';
import { type ReservationAttempt } from './workload';

export interface Measurement {
  implementation: string;
  round: number;
  ok: number;
  rejected: number;
  errors: number;
  firstError?: unknown;
  okUnitsBySku: Map<string, number>;
  wallMs: number;
  /** Sorted ascending. */
  latenciesMs: number[];
}

/** Plays the attempts against one store at the given concurrency, timing every call. */
export async function measure(
  implementation: ReservationImplementation,
  round: number,
  storeCode: string,
  skus: readonly string[],
  attempts: readonly ReservationAttempt[],
  concurrency: number,
): Promise<Measurement> {
  const measurement: Measurement = {
    implementation: implementation.name,
    round,
    ok: 0,
    rejected: 0,
    errors: 0,
    okUnitsBySku: new Map(),
    wallMs: 0,
    latenciesMs: [],
  };
  const { wallMs, latenciesMs } = await runConcurrently(attempts.length, concurrency, async (index) => {
    const attempt = attempts[index];
    const sku = attempt === undefined ? undefined : skus[attempt.skuIndex];
    if (!attempt || !sku) return;
    try {
      const result = await implementation.reserve(storeCode, sku, attempt.quantity, `reserve:bench-${storeCode}-${index}`);
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

export interface StockAccounting {
  /** Units confirmed to buyers beyond the stock that existed. */
  oversoldUnits: number;
  /** Units confirmed to buyers that the inventory table does not show as reserved (lost updates). */
  unrecordedUnits: number;
  /** Whether the ledger's sums equal the table's levels for every SKU. */
  ledgerMatchesLevels: boolean;
}

/** Compares what buyers were told with what the table and the ledger say, SKU by SKU. */
export async function accountForStock(
  prisma: PrismaClient,
  storeCode: string,
  measurement: Measurement,
  unitsPerSku: number,
): Promise<StockAccounting> {
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
