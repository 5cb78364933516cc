import path from 'node:path';
import { z } from 'zod';
import { defaultPromotionRolloutSettings } from '../domain/promotions/channel-rollout';
import { defaultPromotionFlowSettings } from '../domain/promotions/promotion-workflow';
import { isPhoneRegion } from '../domain/customers/contact-details';
import { DEFAULT_LATE_ORDERS_MARGIN_MS } from '../domain/outages/late-orders';
import { databaseEnv, logEnv, temporalEnv } from '../domain/config';
import { workflowStartEnv } from '../workflow-starts/start-settings';

/** Dev-only signing key so `npm run dev` works out of the box; production refuses to start with it. */
const developmentJwtSecret = 'dev-only-jwt-secret-change-me-in-production-0123456789';

/** Comma-separated list of origins allowed to call the API from a browser (the Vite dev server). */
const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  )
  .pipe(z.array(z.url()));

const trustProxySetting = z.union([z.boolean(), z.string()]).transform((value): boolean | number | string => {
  if (typeof value === 'boolean') return value;
  const trimmed = value.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
});

export const apiConfigSchema = z
  .object({
    ...databaseEnv,
    ...temporalEnv,
    ...logEnv,
    ...workflowStartEnv,
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(developmentJwtSecret),
    JWT_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(28_800),
    /**
     * Sign-in rate limits (api/auth/login-throttle.ts): attempts that may fail per account and per client
     * address within one window before further attempts get 429 + Retry-After. Shared by all API processes.
     */
    LOGIN_MAX_FAILED_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(5),
    LOGIN_MAX_FAILED_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(50),
    LOGIN_ATTEMPT_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 3600)
      .default(900),
    /**
     * Express's `trust proxy`: which hops may name the client in X-Forwarded-For (the address the login
     * limit counts). `false` (default: the TCP peer is the client), `true`, a hop count, or addresses/subnets
     * such as `loopback, 10.0.0.0/8`. Trusting more than your own load balancers lets callers pick their address.
     */
    API_TRUST_PROXY: trustProxySetting.default(false),
    API_CORS_ORIGINS: originList.default(['http://127.0.0.1:5173', 'http://localhost:5173']),
    /** Each readiness probe (database, Temporal) gets this long before it counts as down. */
    READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1500),
    /** How long a graceful shutdown waits for in-flight requests before closing connections anyway. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** Rows a list returns when the client sends no `range`. */
    LIST_DEFAULT_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(25),
    /** Largest page a list endpoint hands out, whatever `range` asks for. */
    LIST_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
    /** The inventory list's `lowStock` filter: available stock at or below this many units. */
    LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).max(1_000_000).default(5),
    /**
     * Load shedding (api/http/load-shedding.ts): requests on /api worked on at once, requests allowed
     * to wait for a slot, and how long one may wait before it is answered 503 + Retry-After. A request
     * holds its slot while it waits for the database pool (DATABASE_POOL_SIZE) too, so the limit is a
     * few times the pool: enough that a sustainable load never meets it, few enough that an overload is
     * answered at once instead of queueing inside the pool until Prisma's own 2 s wait gives up.
     */
    API_MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(64),
    API_MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(128),
    API_MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(1).max(60_000).default(100),
    API_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(10).max(60_000).default(100),
    API_EVENT_LOOP_WINDOW_MS: z.coerce.number().int().min(50).max(60_000).default(250),
    /** Largest JSON body accepted; price lists are paged, so nothing legitimate comes near this. */
    API_JSON_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, 'must look like 100kb or 1mb')
      .default('1mb'),
    /**
     * Longest string accepted anywhere in a request, whatever the route: the backstop behind every
     * field's own bound (a free-form field can never carry more to the database). No field needs more.
     */
    API_MAX_STRING_LENGTH: z.coerce.number().int().min(256).max(1_000_000).default(4096),
    /** The built react-admin UI (`vite build --config admin/vite.config.ts`), served at /admin. */
    ADMIN_DIST_DIR: z.string().min(1).default(path.resolve(__dirname, '../admin/dist')),
    /** Code of the channel record that stands for our own web store (orders taken by POST /api/orders). */
    WEB_CHANNEL_CODE: z.string().min(1).default('web'),
    /** ISO country in which national phone numbers ("06 1234 5678") on orders are read; the retailer's home market. */
    INTAKE_PHONE_REGION: z.string().refine(isPhoneRegion, 'must be an ISO 3166 country code such as NL').default('NL'),
    /**
     * Longest a request waits for Temporal to answer a workflow query (a step timeline) or a cancellation.
     * A query is answered by a worker, so without one polling the run's task queue this is how long a
     * page waits before it answers without it.
     */
    TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /**
     * Longest a task completion or unlock waits for Temporal to *take* it (a worker ran the run's validator):
     * past it the person gets a 503 "try again" instead of a request that hangs while Temporal, its history
     * service or every worker is down. What happens after it was taken is awaited in full.
     */
    TEMPORAL_UPDATE_ACCEPT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** How long "Check now" in the price consistency view waits for the worker's read-backs of one SKU on every channel. */
    PRICE_CHECK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
    /**
     * Deadline of intake's own Temporal calls (a web order's start before its answer, starts and signals
     * after a webhook's answer). It covers the Temporal call only, never database work; what misses it
     * stays in the outbox for the relay.
     */
    INTAKE_TEMPORAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** Starts and signals the API attempts after answering, at once; beyond this the relay takes them (overload). */
    API_BACKGROUND_STARTS_MAX: z.coerce.number().int().min(0).max(10_000).default(50),
    /** A stock adjustment needs a second person's approval above this many units or this value (docs/approvals.md). */
    STOCK_ADJUSTMENT_APPROVAL_QUANTITY: z.coerce.number().int().min(0).max(1_000_000).default(10),
    STOCK_ADJUSTMENT_APPROVAL_VALUE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(50_000),
    /** Most a store manager, and an ops lead, may approve (minor units); above both only an admin. */
    APPROVAL_LIMIT_STORE_MANAGER_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(100_000),
    APPROVAL_LIMIT_OPS_LEAD_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1_000_000),
    /** Time to an approval decision before the request is escalated (flagged first in every approver's inbox). */
    APPROVAL_SLA_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(4 * 3600_000),
    /**
     * Stock counts outside an outage (docs/stock-counts.md): time to count before the task moves to the manager
     * queue, then until it expires; the difference corrected without a second person (units and value).
     */
    STOCK_COUNT_SLA_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(4 * 3600_000),
    STOCK_COUNT_EXPIRE_AFTER_ESCALATION_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(20 * 3600_000),
    STOCK_COUNT_TOLERANCE_UNITS: z.coerce.number().int().min(0).max(1_000_000).default(2),
    STOCK_COUNT_TOLERANCE_VALUE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(50_000),
    // --- promotions (docs/promotions.md) ---
    /** Rows a promotion's SKU CSV upload may have. */
    PROMOTION_CSV_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
    /** SKUs per page activity of a promotion's channel pass (pushed, read back, re-pushed in one activity). */
    PROMOTION_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(defaultPromotionRolloutSettings.pageSize),
    /** Re-pushes of SKUs read-back still shows at another price, before they are listed as failed. */
    PROMOTION_MAX_REPUSHES: z.coerce.number().int().min(0).max(10).default(defaultPromotionRolloutSettings.maxRepushes),
    PROMOTION_READBACK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(defaultPromotionRolloutSettings.readBackDelayMs),
    /** Pages per channel run before it continues as new. */
    PROMOTION_PAGES_PER_RUN: z.coerce.number().int().min(1).max(500).default(defaultPromotionRolloutSettings.pagesPerRun),
    PROMOTION_CHANNEL_CALL_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(3_600_000)
      .default(defaultPromotionRolloutSettings.channelCallTimeoutMs),
    /** Temporal's attempts of a page on an unavailable channel before the channel counts as down for the pass. */
    PROMOTION_CHANNEL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(defaultPromotionRolloutSettings.channelCallMaxAttempts),
    PROMOTION_CHANNEL_RETRY_INITIAL_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(600_000)
      .default(defaultPromotionRolloutSettings.channelCallRetryInitialIntervalMs),
    /** A channel page attempt without a heartbeat this long is presumed dead (crashed worker) and retried elsewhere. */
    PROMOTION_CHANNEL_HEARTBEAT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    /** Due time of a promotion's DECISION task after a partial rollout. */
    PROMOTION_DECISION_SLA_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(defaultPromotionFlowSettings.decisionSlaMs),
    /** Due time of a SHELF_LABEL task, and how long after it an open one is closed EXPIRED. */
    PROMOTION_SHELF_LABEL_SLA_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(defaultPromotionFlowSettings.shelfLabelSlaMs),
    PROMOTION_SHELF_LABEL_EXPIRY_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(90 * 24 * 3600_000)
      .default(defaultPromotionFlowSettings.shelfLabelExpiryMs),
    /** SKUs one SHELF_LABEL task lists; a store with more gets several parts. */
    PROMOTION_SHELF_LABEL_SKUS_PER_TASK: z.coerce
      .number()
      .int()
      .min(1)
      .max(5000)
      .default(defaultPromotionFlowSettings.shelfLabelSkusPerTask),
    /** Restore passes over what is not verified yet (end, cancel, rollback) and the wait between them. */
    PROMOTION_RESTORE_PASSES: z.coerce.number().int().min(1).max(20).default(defaultPromotionFlowSettings.restorePasses),
    PROMOTION_RESTORE_RETRY_DELAY_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 3600_000)
      .default(defaultPromotionFlowSettings.restoreRetryDelayMs),
    // --- returns (docs/returns.md) ---
    /** Days after delivery or collection a purchase may be returned, counted in RETURN_TIME_ZONE's calendar days. */
    RETURN_WINDOW_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    RETURN_TIME_ZONE: z.string().min(1).max(64).default('Europe/Amsterdam'),
    /** A return refunding more than this (minor units) needs the receiving store's manager's approval. */
    RETURN_APPROVAL_THRESHOLD_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(20_000),
    /** Product categories sold as final sale, comma-separated: never returnable. */
    RETURN_FINAL_SALE_CATEGORIES: z.string().max(1000).default(''),
    /** Time to inspect returned goods before the store is reminded; as long again and it moves to the manager. */
    RETURN_INSPECTION_SLA_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(4 * 3600_000),
    /** Time for customer service to refund by hand what a channel refused. */
    RETURN_MANUAL_REFUND_SLA_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(24 * 3600_000),
    /** Time for the store to hand a rejected return's item back before it is reminded; as long again and it moves to the manager. */
    RETURN_HANDBACK_SLA_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(30 * 24 * 3600_000)
      .default(72 * 3600_000),
    // --- outages (docs/outages.md) ---
    /** Most sales one POST /api/stores/:id/offline-sales takes; a CSV import is written in batches of this many receipts. */
    OFFLINE_SALES_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(1000),
    /** Time between health probes of a channel that is down. */
    OUTAGE_HEALTH_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** Consecutive failed checks that open an outage, and healthy probes in a row that end one. */
    OUTAGE_DETECTION_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
    OUTAGE_RECOVERY_PROBES: z.coerce.number().int().min(1).max(100).default(3),
    /** Share of recent pushes failing that fails a check even when the probe answers. */
    OUTAGE_PUSH_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.5),
    /** Percent of a cut-off store's available stock held back from every channel. */
    OUTAGE_STORE_HOLD_PERCENT: z.coerce.number().int().min(0).max(100).default(50),
    /** Largest stock correction a reconciliation makes without a person: units and value (minor units). */
    RECONCILIATION_TOLERANCE_UNITS: z.coerce.number().int().min(0).max(1_000_000).default(2),
    RECONCILIATION_TOLERANCE_VALUE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(50_000),
    /** A correction worth more than this (minor units) is approved by two different people (four-eyes). */
    RECONCILIATION_FOUR_EYES_ABOVE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(500_000),
    /** Wait between publishing an outage's corrections to the channels and reading them back. */
    OUTAGE_PUBLISH_READBACK_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    /** A channel's price off by at most this per unit after its outage is re-pushed without a person (minor units). */
    OUTAGE_PRICE_TOLERANCE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(100),
    /** SKUs per page of the price read-back after a channel outage. */
    OUTAGE_PRICE_PAGE_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
    /** How far before a channel outage's detection its late orders are listed from (the channel was down a while before). */
    OUTAGE_LATE_ORDERS_MARGIN_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600_000)
      .default(DEFAULT_LATE_ORDERS_MARGIN_MS),
  })
  .refine((config) => config.NODE_ENV !== 'production' || config.JWT_SECRET !== developmentJwtSecret, {
    path: ['JWT_SECRET'],
    message: 'must be set to a secret of your own in production',
  });

export type ApiConfig = z.infer<typeof apiConfigSchema>;
