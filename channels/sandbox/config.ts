import { z } from 'zod';
import { logEnv } from '../../domain/config';

/**
 * The channel sandbox's process config. Defaults are what `npm run dev` uses; tests parse the same
 * schema with small delays so the suite stays fast.
 */
export const sandboxConfigSchema = z.object({
  ...logEnv,
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** Where order webhooks go: `${API_URL}/api/channels/<code>/webhooks/orders`. */
  API_URL: z.url().default('http://127.0.0.1:3000'),
  /** When set, listings and orders are snapshotted to this JSON file and restored at start. */
  SANDBOX_STATE_FILE: z.string().min(1).optional(),
  SANDBOX_STATE_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
  /** Seed of the PRNG behind every fault and webhook-shuffle decision, so a run can be replayed. */
  SANDBOX_FAULT_SEED: z.coerce.number().int().default(20251125),
  SANDBOX_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('EUR'),
  /** How long an async (feed-style) job stays queued/running before its results appear. */
  SANDBOX_ASYNC_JOB_DELAY_MS: z.coerce.number().int().min(0).default(1500),
  SANDBOX_IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().min(1).default(86_400),
  SANDBOX_READBACK_MAX_SKUS: z.coerce.number().int().min(1).default(200),
  /** Retry-After sent while a 429 storm is switched on. */
  SANDBOX_STORM_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(2),
  /** Recent requests and events kept for GET /_control/log. */
  SANDBOX_EVENT_LOG_CAPACITY: z.coerce.number().int().min(10).default(1000),
  /** Bearer key of the message gateway (`/gateway`); the worker's MESSAGE_GATEWAY_API_KEY default matches it. */
  SANDBOX_GATEWAY_API_KEY: z.string().min(1).default('sandbox-key-gateway'),
  /** Bearer key of the payment provider (`/payments`); the worker's PAYMENT_PROVIDER_API_KEY default matches it. */
  SANDBOX_PAYMENTS_API_KEY: z.string().min(1).default('sandbox-key-payments'),
  /** Delivered messages kept for GET /_control/messages (oldest forgotten first). */
  SANDBOX_GATEWAY_MESSAGE_CAPACITY: z.coerce.number().int().min(10).default(10_000),
  SANDBOX_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  SANDBOX_WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(500),
  SANDBOX_WEBHOOK_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(60_000),
  SANDBOX_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  /** Share of webhook events delivered twice (at-least-once delivery made visible). */
  SANDBOX_WEBHOOK_DUPLICATE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Each delivery is held a random 0..window ms, so later events can overtake earlier ones. */
  SANDBOX_WEBHOOK_REORDER_WINDOW_MS: z.coerce.number().int().min(0).default(0),
});

export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;
