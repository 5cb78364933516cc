import { z } from 'zod';

export const promoRolloutBenchSchema = z.object({
  /** The server the scratch database is created on (its database part is replaced). */
  DATABASE_URL: z.string().default('postgresql://postgres@127.0.0.1:5432/postgres'),
  BENCH_DATABASE_NAME: z.string().default('promo_rollout_bench'),
  /** SKUs per channel, unless the channel's bound at that count exceeds BENCH_PROMO_MAX_CHANNEL_S (then fewer, printed). */
  BENCH_PROMO_SKUS: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
  BENCH_PROMO_MAX_CHANNEL_S: z.coerce.number().int().min(10).max(3600).default(600),
  /** SKUs per page activity (PROMOTION_PAGE_SIZE) and per read-back request (the sandbox's limit is raised to it). */
  BENCH_PROMO_PAGE_SIZE: z.coerce.number().int().min(10).max(10_000).default(1000),
  BENCH_PROMO_READBACK_PAGE: z.coerce.number().int().min(1).max(500).default(500),
  /** Pages per channel run before continue-as-new. */
  BENCH_PROMO_PAGES_PER_RUN: z.coerce.number().int().min(1).max(500).default(100),
  /** SKUs per channel the naive design (one activity per SKU per channel) runs; its time is scaled. */
  BENCH_PROMO_NAIVE_SKUS: z.coerce.number().int().min(1).max(10_000).default(60),
  /** The async marketplace's job delay (the sandbox's SANDBOX_ASYNC_JOB_DELAY_MS). */
  BENCH_PROMO_JOB_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  TEMPORAL_CLI: z.string().optional(),
});

export type PromoRolloutBenchConfig = z.infer<typeof promoRolloutBenchSchema>;
