import { z } from 'zod';
import { channelApiKeysEnv } from '../activities/channels/channel-api-keys';
import { messageGatewayEnv } from '../message-gateway/message-gateway-settings';
import { paymentProviderEnv } from '../channels/payments/payment-provider-settings';
import { databaseEnv, logEnv, temporalEnv } from '../domain/config';
import { workflowStartEnv } from '../workflow-starts/start-settings';
import { isPhoneRegion } from '../domain/customers/contact-details';
import { DEFAULT_LATE_ORDERS_MARGIN_MS } from '../domain/outages/late-orders';
import { inventoryEnv } from '../domain/inventory/settings';
import { defaultStockSyncSettings as stockSyncDefaults } from '../domain/channels/stock-sync-settings';

export const workerConfigSchema = z.object({
  ...databaseEnv,
  ...temporalEnv,
  ...logEnv,
  /** A bundle built by `npm run build:workflows`; when unset the worker bundles workflows/ at start (dev). */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(100),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).max(1000).default(40),
  /** How long a shutdown waits for running activities before cancelling them. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * How long a workflow task waits on this worker's sticky queue (its cached runs) before any worker may
   * take it: after a crash, the delay before the runs it cached move on (the SDK's default, 10 s).
   */
  WORKER_STICKY_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(10_000),
  /**
   * Prometheus metrics of this worker at http://<host>:<port>/metrics (worker/metrics/, docs/operations.md):
   * ours and the Temporal SDK's. 0 picks a free port (printed). With several workers on one machine, each
   * needs its own (`npm run dev -- --workers N` gives worker k the port + k - 1).
   */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** How long a scrape waits for the Temporal server's task-queue backlog (worker/metrics/temporal-backlog-metrics.ts). */
  WORKER_METRICS_BACKLOG_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  ...inventoryEnv,
  /** The workflow-start relay every worker runs (workflow-starts/, docs/workflow-starts.md). */
  ...workflowStartEnv,
  ...channelApiKeysEnv,
  /** Customer and staff messages (message-gateway/, docs/pickup.md): the sandbox's gateway by default. */
  ...messageGatewayEnv,
  ...paymentProviderEnv,
  /** The stock-sync schedule (worker/schedules.ts, docs/stock-sync.md): false pauses it. */
  STOCK_SYNC_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  STOCK_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
  STOCK_SYNC_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(stockSyncDefaults.pageSize),
  STOCK_SYNC_DRIFT_TOLERANCE_UNITS: z.coerce.number().int().min(0).default(stockSyncDefaults.driftToleranceUnits),
  STOCK_SYNC_READBACK_DELAY_MS: z.coerce.number().int().min(0).default(stockSyncDefaults.readBackDelayMs),
  STOCK_SYNC_PAGES_PER_RUN: z.coerce.number().int().min(1).max(5_000).default(stockSyncDefaults.pagesPerRun),
  STOCK_SYNC_CHANNEL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(stockSyncDefaults.channelCallMaxAttempts),
  STOCK_SYNC_CHANNEL_RETRY_INITIAL_MS: z.coerce.number().int().min(1).default(stockSyncDefaults.channelCallRetryInitialIntervalMs),
  STOCK_SYNC_CHANNEL_CALL_TIMEOUT_MS: z.coerce.number().int().min(1000).default(stockSyncDefaults.channelCallTimeoutMs),
  STOCK_SYNC_CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(1000).default(stockSyncDefaults.channelSyncTimeoutMs),
  /** The outage-detection schedule (worker/outage-detection-schedule.ts, docs/outages.md): false pauses it. */
  OUTAGE_DETECTION_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  OUTAGE_DETECTION_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Pushes of stock-sync runs finished this recently count towards a health check's failure rate. */
  OUTAGE_PUSH_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60_000),
  /** The outage runs a detection starts get the API's settings of the same names (api/config.ts). */
  OUTAGE_HEALTH_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  OUTAGE_DETECTION_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
  OUTAGE_RECOVERY_PROBES: z.coerce.number().int().min(1).max(100).default(3),
  OUTAGE_PUSH_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.5),
  OUTAGE_STORE_HOLD_PERCENT: z.coerce.number().int().min(0).max(100).default(50),
  RECONCILIATION_TOLERANCE_UNITS: z.coerce.number().int().min(0).max(1_000_000).default(2),
  RECONCILIATION_TOLERANCE_VALUE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(50_000),
  RECONCILIATION_FOUR_EYES_ABOVE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(500_000),
  OUTAGE_PUBLISH_READBACK_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  OUTAGE_PRICE_TOLERANCE_MINOR: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(100),
  OUTAGE_PRICE_PAGE_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  OUTAGE_LATE_ORDERS_MARGIN_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600_000)
    .default(DEFAULT_LATE_ORDERS_MARGIN_MS),
  /** Region national phone numbers of a channel outage's late orders are read in (the API's intake variable). */
  INTAKE_PHONE_REGION: z.string().refine(isPhoneRegion, 'must be an ISO 3166 country code such as NL').default('NL'),
});

export type WorkerConfig = z.infer<typeof workerConfigSchema>;
