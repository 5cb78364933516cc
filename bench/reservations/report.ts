import os from 'node:os';
import { percentile } from '../support/latency';
import { printTable } from '../support/print-table';
import { type ReservationsBenchConfig } from './config';
import { type Measurement, type StockAccounting } from './measure';
import { type ReservationAttempt } from './workload';

export interface RoundResult {
  measurement: Measurement;
  stock: StockAccounting;
}

export function printSetup(config: ReservationsBenchConfig, attempts: readonly ReservationAttempt[]): void {
  const demand = attempts.reduce((sum, attempt) => sum + attempt.quantity, 0);
  console.log(
    `\nReservations bench: ${config.BENCH_ROUNDS} round(s) of ${config.BENCH_OPERATIONS} attempts (1..${config.BENCH_MAX_QUANTITY} units) per implementation ` +
      `at concurrency ${config.BENCH_CONCURRENCY}; ${config.BENCH_SKUS} SKUs x ${config.BENCH_UNITS_PER_SKU} units (demand ${demand} vs stock ` +
      `${config.BENCH_SKUS * config.BENCH_UNITS_PER_SKU}); pool ${config.DATABASE_POOL_SIZE} connections; ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg()[0]?.toFixed(2)} at start\n`,
  );
}

const opsPerSecond = (measurement: Measurement) => (measurement.latenciesMs.length / measurement.wallMs) * 1000;

/** One row per implementation and round, then each implementation's median round, then the ratios. */
export function printResults(results: readonly RoundResult[]): void {
  const implementations = [...new Set(results.map((result) => result.measurement.implementation))];
  const medians = implementations.map((implementation) => {
    const rounds = results.filter((result) => result.measurement.implementation === implementation);
    return {
      implementation,
      opsPerSecond: median(rounds.map((round) => opsPerSecond(round.measurement))),
      p50: median(rounds.map((round) => percentile(round.measurement.latenciesMs, 50))),
      p99: median(rounds.map((round) => percentile(round.measurement.latenciesMs, 99))),
      oversold: median(rounds.map((round) => round.stock.oversoldUnits)),
    };
  });
  printTable([
    ...results.map(({ measurement, stock }) => ({
      round: String(measurement.round),
      impl: measurement.implementation,
      ops: measurement.latenciesMs.length,
      ok: measurement.ok,
      rejected: measurement.rejected,
      errors: measurement.errors,
      'oversold units': stock.oversoldUnits,
      'ops/s': opsPerSecond(measurement),
      'p50 ms': percentile(measurement.latenciesMs, 50),
      'p99 ms': percentile(measurement.latenciesMs, 99),
    })),
    ...medians.map((row) => ({
      round: 'median',
      impl: row.implementation,
      ops: '',
      ok: '',
      rejected: '',
      errors: '',
      'oversold units': row.oversold,
      'ops/s': row.opsPerSecond,
      'p50 ms': row.p50,
      'p99 ms': row.p99,
    })),
  ]);
  console.log('');
  for (const { measurement, stock } of results) {
    const note = `round ${measurement.round}, ${measurement.implementation}: ${stock.unrecordedUnits} units sold but not shown as reserved; ledger ${stock.ledgerMatchesLevels ? 'matches' : 'does NOT match'} the levels`;
    console.log(note);
    if (measurement.firstError !== undefined) console.log('  first error:', measurement.firstError);
  }
  const [ours, naive] = medians;
  if (ours && naive) {
    console.log(
      `\nRatio ${ours.implementation} / ${naive.implementation} (medians): throughput ${(ours.opsPerSecond / naive.opsPerSecond).toFixed(2)}x, ` +
        `p50 ${(ours.p50 / naive.p50).toFixed(2)}x, p99 ${(ours.p99 / naive.p99).toFixed(2)}x`,
    );
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}
