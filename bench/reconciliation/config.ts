import { z } from 'zod';
import { databaseEnv } from '../../domain/config';

/** Settings of the reconciliation bench (printed with its figures). */
export const reconciliationBenchSchema = z.object({
  DATABASE_URL: databaseEnv.DATABASE_URL,
  DATABASE_POOL_SIZE: databaseEnv.DATABASE_POOL_SIZE,
  BENCH_DATABASE_NAME: z
    .string()
    .regex(/^[a-z0-9_]+_bench$/, 'Must end in _bench (the bench drops and re-creates it)')
    .default('omnichannel_reconciliation_bench'),
  /** Offline sale lines in total (one line per receipt), spread over the stores. The target is 1,000,000. */
  BENCH_LINES: z.coerce.number().int().min(1).max(5_000_000).default(100_000),
  BENCH_STORES: z.coerce.number().int().min(1).max(20).default(3),
  BENCH_SKUS: z.coerce.number().int().min(1).max(100_000).default(10_000),
  /** Which import paths to run, in order (createMany is the baseline the ratios are against). */
  BENCH_PATHS: z
    .string()
    .default('copy,unnest,createMany')
    .transform((text) => text.split(',').map((path) => path.trim()))
    .pipe(z.array(z.enum(['copy', 'unnest', 'createMany'])).min(1)),
  /** Receipts per written batch of the unnest and createMany paths (OFFLINE_SALES_BATCH_MAX). */
  BENCH_BATCH: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** Print the time of every statement per phase, summed by its first words (where the time goes). */
  BENCH_STATEMENT_TIMINGS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
});

export type ReconciliationBenchConfig = z.infer<typeof reconciliationBenchSchema>;
