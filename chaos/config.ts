import { z } from 'zod';

/** `npm run chaos` settings (environment); defaults are the issue's. */
export const chaosConfigSchema = z.object({
  /** The server the scratch database is created on (its database part is ignored). */
  DATABASE_URL: z.string().min(1).default('postgresql://postgres@127.0.0.1:5432/omnichannel'),
  /** Dropped and re-created on every run; must end in `_chaos`. */
  CHAOS_DATABASE_NAME: z
    .string()
    .regex(/^[a-z0-9_]+_chaos$/, 'must end in _chaos: the suite drops and re-creates it')
    .default('omnichannel_chaos'),
  /** Pickup runs under worker kills; 0 skips fault 1. */
  CHAOS_RUNS: z.coerce.number().int().min(0).default(50),
  CHAOS_CONCURRENCY: z.coerce.number().int().min(1).default(10),
  /** Worker processes in the worker SIGKILL row; with 2 or more each kill takes one and the others take over. */
  CHAOS_WORKERS: z.coerce.number().int().min(1).max(4).default(1),
  /** Worker kills over the runs; default one per five runs. */
  CHAOS_KILLS: z.coerce.number().int().min(0).optional(),
  CHAOS_KILL_GAP_MIN_MS: z.coerce.number().int().min(0).default(1500),
  CHAOS_KILL_GAP_MAX_MS: z.coerce.number().int().min(0).default(8000),
  CHAOS_SEED: z.coerce.number().int().default(20260115),
  /**
   * A run's deadline (past it, a run not ended as driven is lost) is derived, chaos/recovery-budget.ts:
   * this much for a run no kill touched, plus for every kill the longest it can hold a run up under the
   * timeouts below.
   */
  CHAOS_UNDISTURBED_RUN_SECONDS: z.coerce.number().int().min(5).default(30),
  /** Caps every activity's start-to-close and heartbeat timeout; unset, the profiles' own (30 s, 60 s), as in production. */
  CHAOS_ACTIVITY_TIMEOUT_CAP_SECONDS: z.coerce.number().int().min(1).optional(),
  CHAOS_WORKFLOW_TASK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(10),
  CHAOS_STICKY_QUEUE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(10),
  /** Allowance for a replacement worker to poll after a kill. */
  CHAOS_WORKER_START_ALLOWANCE_SECONDS: z.coerce.number().int().min(1).default(15),
  /** Network faults (chaos/network-faults.ts): runs per fault, and how long each fault stays on. */
  CHAOS_NETWORK_FAULT_RUNS: z.coerce.number().int().min(0).default(6),
  CHAOS_NETWORK_FAULT_SECONDS: z.coerce.number().int().min(1).default(8),
  /**
   * Web-store returns, each with the worker SIGKILLed between the payment provider's refund and its
   * recording (chaos/return-refund-kill.ts); 0 skips the row.
   */
  CHAOS_RETURN_RUNS: z.coerce.number().int().min(0).default(20),
  /** Promotion rollouts (240 SKUs x 2 channels), each with the worker SIGKILLed mid-push (chaos/promotion-push-kill.ts); 0 skips the row. */
  CHAOS_PROMOTION_RUNS: z.coerce.number().int().min(0).default(3),
  /**
   * Store outages with offline sales and counted drift, each with the worker SIGKILLed twice after an applying
   * transaction committed and before Temporal heard of it (chaos/outage-reconciliation-kill.ts); 0 skips the row.
   */
  CHAOS_OUTAGE_RUNS: z.coerce.number().int().min(0).default(3),
  /**
   * Production stock-sync runs over 2,000 SKUs, each with the worker SIGKILLed mid-push (chaos/stock-sync-kill.ts);
   * 0 skips the row.
   */
  CHAOS_STOCK_SYNC_RUNS: z.coerce.number().int().min(0).default(3),
  /**
   * Stock adjustments (at once and four-eyes approved), each with the worker SIGKILLed inside the apply step,
   * after and before its commit (chaos/stock-adjustment-kill.ts); 0 skips the row.
   */
  CHAOS_ADJUSTMENT_RUNS: z.coerce.number().int().min(0).default(4),
  /**
   * Stock counts outside an outage (differences within the tolerance, and one beyond it approved by a second
   * manager), each with the worker SIGKILLed inside the correction step (chaos/stock-count-kill.ts); 0 skips the row.
   */
  CHAOS_STOCK_COUNT_RUNS: z.coerce.number().int().min(0).default(3),
  CHAOS_STARTUP_TIMEOUT_SECONDS: z.coerce.number().int().min(10).default(120),
  /**
   * Restart faults under a steady order load (chaos/restart-suite.ts), in this order; empty skips them.
   * `history` runs on the real cluster (built once per machine by the bootstrap's code when missing).
   */
  CHAOS_RESTART_FAULTS: z
    .string()
    .default('api,sandbox,temporal,postgres,history')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(z.enum(['api', 'sandbox', 'temporal', 'postgres', 'history']))),
  CHAOS_RESTART_ORDERS_PER_SECOND: z.coerce.number().positive().max(50).default(1),
  /** How long orders keep coming per fault, and when in that time the fault strikes. */
  CHAOS_RESTART_LOAD_SECONDS: z.coerce.number().int().min(5).default(30),
  CHAOS_RESTART_FAULT_AT_SECONDS: z.coerce.number().int().min(1).default(10),
  /** How long the restarted process stays down between its kill and its start. */
  CHAOS_RESTART_DOWN_SECONDS: z.coerce.number().int().min(0).default(3),
  /** Every order's bound (from its placing) to end as driven; past it, it is stuck and counted lost. */
  CHAOS_RESTART_ORDER_DEADLINE_SECONDS: z.coerce.number().int().min(10).default(150),
  /** The private PostgreSQL's binaries (initdb, pg_ctl); default the newest /usr/lib/postgresql/<version>/bin. */
  CHAOS_POSTGRES_BIN_DIR: z.string().min(1).optional(),
  /** History shards of the history row's cluster. */
  CHAOS_CLUSTER_HISTORY_SHARDS: z.coerce.number().int().min(1).max(1024).default(4),
  /** The `temporal` CLI; else found on PATH or in $(go env GOPATH)/bin. */
  TEMPORAL_CLI: z.string().min(1).optional(),
});

export type ChaosConfig = z.infer<typeof chaosConfigSchema>;
