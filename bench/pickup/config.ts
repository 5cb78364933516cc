import { z } from 'zod';
import { databaseEnv } from '../../domain/config';

/** Comma-separated offered rates in orders (or workflows) per second, e.g. "5,10,15,20,30". */
const rateList = (atLeast: number) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((rate) => rate.trim())
        .filter((rate) => rate !== '')
        .map(Number),
    )
    .pipe(z.array(z.number().positive().max(500)).min(atLeast).max(12));

/** Comma-separated list of choices, e.g. "dev,cluster". */
const choiceList = <T extends string>(choices: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(z.enum(choices)).min(1).max(4));

/** Comma-separated worker process counts, e.g. "1,2". */
const workerCounts = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((count) => count.trim())
      .filter((count) => count !== '')
      .map(Number),
  )
  .pipe(z.array(z.number().int().min(1).max(8)).min(1).max(4));

/**
 * Settings of the pickup throughput bench; every figure it prints depends on these, so they are printed
 * too. The targets are those of issue 4 on a 2-core machine; they are settings only so that a team on
 * other hardware can state its own.
 */
export const pickupBenchSchema = z.object({
  /** Only the server is used: the bench re-creates its own database there. */
  DATABASE_URL: databaseEnv.DATABASE_URL,
  /** Connections of the API and of the worker each, as in a deployment. */
  DATABASE_POOL_SIZE: databaseEnv.DATABASE_POOL_SIZE,
  BENCH_DATABASE_NAME: z
    .string()
    .regex(/^[a-z0-9_]+_bench$/, 'Must end in _bench (the bench drops and re-creates it)')
    .default('omnichannel_pickup_bench'),
  /**
   * Temporal servers to run the whole ramp on, one after the other, each on a fresh stack: `dev` =
   * `temporal server start-dev` in memory (one history shard), `cluster` = the real server on PostgreSQL,
   * a process per service (scripts/bootstrap cluster mode; built on first use).
   */
  BENCH_PICKUP_SERVERS: choiceList(['dev', 'cluster'] as const).default(['dev']),
  /** Worker process counts to run the ramp with, on every server of BENCH_PICKUP_SERVERS. */
  BENCH_PICKUP_WORKERS: workerCounts.default([1]),
  /** numHistoryShards of the bench's cluster (a fresh one each time). */
  TEMPORAL_HISTORY_SHARDS: z.coerce.number().int().min(1).max(16384).default(16),
  /** Offered rates of the ramp; the baseline runs at each of them too. */
  BENCH_PICKUP_RATES: rateList(1).default([5, 10, 15, 20, 30]),
  /**
   * Rates offered to the baseline only, before the ramp: the no-op workflow keeps up far beyond what
   * pickup can, and the "x baseline" target needs its real capacity, not the ramp's top rate. Empty: none.
   */
  BENCH_BASELINE_EXTRA_RATES: rateList(0).default([60]),
  /** How long each rate is offered. */
  BENCH_PICKUP_STEP_SECONDS: z.coerce.number().int().min(3).max(300).default(20),
  /** After a step's last request, how long it may take to finish what was sent before the rest counts as not done. */
  BENCH_PICKUP_DRAIN_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /**
   * After a step is measured, how long (untimed) its stragglers may still take to finish, so an
   * overloaded step's backlog does not run into the next step's figures.
   */
  BENCH_PICKUP_SETTLE_SECONDS: z.coerce.number().int().min(0).max(300).default(20),
  /** Requests in flight at once beyond which the load generator skips a send (and counts it) instead of piling up. */
  BENCH_PICKUP_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(5000).default(400),
  /** Untimed orders and baseline workflows first, so bundling, connections and JIT are not measured. */
  BENCH_PICKUP_WARMUP_ORDERS: z.coerce.number().int().min(0).max(1000).default(30),
  /**
   * How orders arrive: `web` = POST /api/orders as the web store does (bearer token), `webhook` = signed
   * channel webhooks on POST /api/channels/:code/webhooks/orders as a marketplace does.
   */
  BENCH_PICKUP_INTAKE: z.enum(['web', 'webhook']).default('web'),
  /** The channel whose webhooks are sent when BENCH_PICKUP_INTAKE=webhook. */
  BENCH_PICKUP_WEBHOOK_CHANNEL: z.string().min(1).default('megamart'),
  /** Distinct SKUs the orders spread over, each stocked generously at every store. */
  BENCH_PICKUP_SKUS: z.coerce.number().int().min(1).max(200).default(50),
  /** Units received per bench SKU and store before the run, so no order meets an empty shelf. */
  BENCH_PICKUP_UNITS_PER_SKU: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  /** Lines per order (1 unit each). */
  BENCH_PICKUP_LINES_PER_ORDER: z.coerce.number().int().min(1).max(20).default(2),
  /** Pickup workflows per step whose histories are read to split the PICK latency into queue waits and work. */
  BENCH_PICKUP_HISTORY_SAMPLE: z.coerce.number().int().min(0).max(200).default(20),
  /** How often CPU and database connections are sampled while a step runs. */
  BENCH_PICKUP_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(50).max(5000).default(250),
  /** How long the Temporal server, worker and API each get to come up. */
  BENCH_PICKUP_STARTUP_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(120),
  /** Log level of the API and worker children (logs go to files under the run directory). */
  BENCH_PICKUP_CHILD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `temporal` CLI to run; default: `temporal` on PATH, else $(go env GOPATH)/bin/temporal. */
  TEMPORAL_CLI: z.string().min(1).optional(),
  /**
   * The overload step after the ramp (issue 8): offered at this factor times the best sustained rate (0:
   * no overload step), for BENCH_PICKUP_STEP_SECONDS, with this share of orders delivered a second time
   * within BENCH_PICKUP_OVERLOAD_REDELIVERY_MS; accepted orders then get BENCH_PICKUP_OVERLOAD_SETTLE_SECONDS
   * to have a run before they count as stranded.
   */
  BENCH_PICKUP_OVERLOAD_FACTOR: z.coerce.number().min(0).max(20).default(2),
  BENCH_PICKUP_OVERLOAD_DUPLICATE_RATE: z.coerce.number().min(0).max(1).default(0.5),
  BENCH_PICKUP_OVERLOAD_REDELIVERY_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  BENCH_PICKUP_OVERLOAD_SETTLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  BENCH_TARGET_ORDERS_PER_SECOND: z.coerce.number().positive().default(15),
  BENCH_TARGET_BASELINE_RATIO: z.coerce.number().positive().default(0.6),
  /** The offered rate at which intake latency is held to the targets below. */
  BENCH_TARGET_LATENCY_RATE: z.coerce.number().positive().default(10),
  BENCH_TARGET_INTAKE_P50_MS: z.coerce.number().positive().default(50),
  BENCH_TARGET_INTAKE_P99_MS: z.coerce.number().positive().default(250),
  /** A step counts as sustained when everything sent finished within the drain and at least this share of the offered rate was achieved. */
  BENCH_SUSTAINED_SHARE: z.coerce.number().min(0.5).max(1).default(0.95),
});

export type PickupBenchConfig = z.infer<typeof pickupBenchSchema>;
