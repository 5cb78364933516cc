import { z } from 'zod';
import { databaseEnv } from '../../domain/config';

/**
 * Settings of the intake storm (issue 8): the defaults are the storm as the issue ran it. Printed with the
 * figures, since every figure depends on them.
 */
export const intakeStormSchema = z.object({
  DATABASE_URL: databaseEnv.DATABASE_URL,
  DATABASE_POOL_SIZE: databaseEnv.DATABASE_POOL_SIZE,
  BENCH_DATABASE_NAME: z
    .string()
    .regex(/^[a-z0-9_]+_bench$/, 'Must end in _bench (the bench drops and re-creates it)')
    .default('omnichannel_storm_bench'),
  /** Orders through the sandbox's marketplaces and social shops (signed webhooks into the API). */
  BENCH_STORM_CHANNEL_ORDERS: z.coerce.number().int().min(0).max(100_000).default(400),
  /** Sandbox channels the channel orders spread over, in turn. */
  BENCH_STORM_CHANNELS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((code) => code.trim())
        .filter((code) => code !== ''),
    )
    .pipe(z.array(z.string().min(1)).min(1))
    .default(['megamart', 'bazaar', 'quickbuy', 'chatshop', 'pos']),
  /** Orders through POST /api/orders (the web store), paid at pickup (payment PENDING). */
  BENCH_STORM_WEB_ORDERS: z.coerce.number().int().min(0).max(100_000).default(40),
  /** Channel orders the customer cancels on the channel shortly after placing them. */
  BENCH_STORM_CANCELS: z.coerce.number().int().min(0).max(10_000).default(10),
  /** A cancel follows its order after a random 0..this many ms, so it races the workflow start. */
  BENCH_STORM_CANCEL_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  /** All orders are placed within this many seconds, evenly. */
  BENCH_STORM_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Senders at once (channel placements, web orders, cancels). */
  BENCH_STORM_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(40),
  /** Units of the one SKU everybody orders, at the one pickup store (none anywhere else). */
  BENCH_STORM_UNITS: z.coerce.number().int().min(0).max(1_000_000).default(10),
  BENCH_STORM_STORE: z.string().min(1).default('AMS-01'),
  /** The sandbox's at-least-once delivery: share of webhooks sent twice, and how long one may be held back. */
  BENCH_STORM_DUPLICATE_RATE: z.coerce.number().min(0).max(1).default(0.5),
  BENCH_STORM_REORDER_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** How often a web order answered 503 is sent again (after its Retry-After), as a web store's checkout would. */
  BENCH_STORM_WEB_RETRIES: z.coerce.number().int().min(0).max(100).default(10),
  /** After the last send, how long everything may take to settle (webhooks delivered, runs started and past reserving). */
  BENCH_STORM_SETTLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(240),
  BENCH_PICKUP_STARTUP_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(120),
  BENCH_PICKUP_CHILD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TEMPORAL_CLI: z.string().min(1).optional(),
  /** Only used by a Temporal cluster; the storm runs on the dev server. */
  TEMPORAL_HISTORY_SHARDS: z.coerce.number().int().min(1).max(16384).default(16),
});

export type IntakeStormConfig = z.infer<typeof intakeStormSchema>;
