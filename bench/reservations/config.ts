import { z } from 'zod';
import { databaseEnv } from '../../domain/config';

/** Settings of the reservations bench; every figure it prints depends on these, so they are printed too. */
export const reservationsBenchSchema = z.object({
  /** Only the server is used: the bench re-creates its own database there. */
  DATABASE_URL: databaseEnv.DATABASE_URL,
  /** Connections per implementation, as a worker process would have. */
  DATABASE_POOL_SIZE: databaseEnv.DATABASE_POOL_SIZE,
  BENCH_DATABASE_NAME: z
    .string()
    .regex(/^[a-z0-9_]+_bench$/, 'Must end in _bench (the bench drops and re-creates it)')
    .default('omnichannel_bench'),
  /** Reservation attempts in flight at once. */
  BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  /**
   * Rounds per implementation, alternating which goes first, each on fresh stock; the summary takes the
   * median round, so a burst of other load on the machine skews one round rather than the result.
   */
  BENCH_ROUNDS: z.coerce.number().int().min(1).max(50).default(3),
  /** Attempts per implementation and round. */
  BENCH_OPERATIONS: z.coerce.number().int().min(1).max(1_000_000).default(4000),
  /** Hot SKUs the attempts spread over (fewer SKUs, more contention). */
  BENCH_SKUS: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Units on hand per SKU at the start: with the defaults demand is about twice the stock, a sell-out. */
  BENCH_UNITS_PER_SKU: z.coerce.number().int().min(1).max(1_000_000).default(150),
  /** Each attempt wants 1..this many units. */
  BENCH_MAX_QUANTITY: z.coerce.number().int().min(1).max(100).default(2),
  /** Untimed attempts per implementation first, so connection set-up and JIT are not measured. */
  BENCH_WARMUP_OPERATIONS: z.coerce.number().int().min(0).max(100_000).default(300),
  /** Seed of the attempt sequence; both implementations get the same one. */
  BENCH_SEED: z.coerce.number().int().default(42),
});

export type ReservationsBenchConfig = z.infer<typeof reservationsBenchSchema>;
