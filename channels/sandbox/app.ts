import express, { type ErrorRequestHandler, type Express } from 'express';
import { type Logger } from 'pino';
import { ZodError } from 'zod';
import { type DemoChannel, demoChannels } from '../catalog';
import { indonesianDemoChannels } from '../catalog-indonesia';
import { devApiKeyFor, requireApiKey } from './channel-auth';
import { keepRawBody, resolveChannel, sendError } from './channel-request';
import { ChannelWorld } from './channel-world';
import { type SandboxConfig } from './config';
import { EventLog } from './event-log';
import { injectFaults } from './fault-injection';
import { applyIdempotency } from './idempotency';
import { IdempotencyStore } from './idempotency-store';
import { MessageGatewayWorld } from './message-gateway-world';
import { PaymentProviderWorld } from './payment-provider-world';
import { enforceRateLimit } from './rate-limiting';
import { controlRoutes } from './routes/control';
import { gatewayRoutes } from './routes/gateway';
import { listingRoutes } from './routes/listings';
import { orderDriverRoutes } from './routes/order-driver';
import { orderRoutes } from './routes/orders';
import { paymentControlRoutes } from './routes/payments-control';
import { paymentRoutes } from './routes/payments';
import { returnRoutes } from './routes/returns';
import { type SandboxContext } from './sandbox-context';
import { SeededRandom } from './seeded-random';
import { WebhookDispatcher, type WebhookSettings } from './webhook-dispatcher';

export interface SandboxOptions {
  apiUrl: string;
  logger: Logger;
  /** The channels to emulate; the demo catalogue unless a test brings its own profiles. */
  channels?: readonly DemoChannel[];
  /** API key per channel code; devApiKeyFor(code) for any channel not listed. */
  apiKeys?: Readonly<Record<string, string>>;
  currency: string;
  faultSeed: number;
  asyncJobDelayMs: number;
  idempotencyTtlMs: number;
  readBackMaxSkus: number;
  stormRetryAfterSeconds: number;
  eventLogCapacity: number;
  webhooks: WebhookSettings;
  /** The message gateway's API key and how many delivered messages it keeps for /_control/messages. */
  gateway: { apiKey: string; messageCapacity: number };
  /** The payment provider's API key (`/payments`); the sandbox's default when absent. */
  payments?: { apiKey: string };
  /** Largest request body accepted (a 1000-row batch is ~80 KB). */
  maxBodyBytes?: number;
}

export interface Sandbox {
  app: Express;
  context: SandboxContext;
  /** Stops webhook retries in flight; the HTTP server is closed by whoever listens. */
  close(): void;
}

const defaultMaxBodyBytes = 5 * 1024 * 1024;
/** SANDBOX_PAYMENTS_API_KEY's default, for tests that build the sandbox without its config. */
export const DEFAULT_PAYMENTS_API_KEY = 'sandbox-key-payments';

export function sandboxOptionsFromConfig(config: SandboxConfig, logger: Logger): SandboxOptions {
  return {
    apiUrl: config.API_URL,
    logger,
    currency: config.SANDBOX_CURRENCY,
    faultSeed: config.SANDBOX_FAULT_SEED,
    asyncJobDelayMs: config.SANDBOX_ASYNC_JOB_DELAY_MS,
    idempotencyTtlMs: config.SANDBOX_IDEMPOTENCY_TTL_SECONDS * 1000,
    readBackMaxSkus: config.SANDBOX_READBACK_MAX_SKUS,
    stormRetryAfterSeconds: config.SANDBOX_STORM_RETRY_AFTER_SECONDS,
    eventLogCapacity: config.SANDBOX_EVENT_LOG_CAPACITY,
    gateway: { apiKey: config.SANDBOX_GATEWAY_API_KEY, messageCapacity: config.SANDBOX_GATEWAY_MESSAGE_CAPACITY },
    payments: { apiKey: config.SANDBOX_PAYMENTS_API_KEY },
    webhooks: {
      maxAttempts: config.SANDBOX_WEBHOOK_MAX_ATTEMPTS,
      backoffBaseMs: config.SANDBOX_WEBHOOK_BACKOFF_BASE_MS,
      backoffMaxMs: config.SANDBOX_WEBHOOK_BACKOFF_MAX_MS,
      timeoutMs: config.SANDBOX_WEBHOOK_TIMEOUT_MS,
      duplicateRate: config.SANDBOX_WEBHOOK_DUPLICATE_RATE,
      reorderWindowMs: config.SANDBOX_WEBHOOK_REORDER_WINDOW_MS,
    },
  };
}

const answerErrors =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, _req, res, _next) => {
    if (error instanceof ZodError) {
      sendError(res, 400, 'INVALID_REQUEST', error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
      return;
    }
    const bodyParserType = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
    if (bodyParserType === 'entity.parse.failed') return sendError(res, 400, 'INVALID_JSON', 'request body is not valid JSON');
    if (bodyParserType === 'entity.too.large') return sendError(res, 413, 'BODY_TOO_LARGE', 'request body is too large');
    logger.error({ err: error }, 'unhandled sandbox error');
    sendError(res, 500, 'INTERNAL_ERROR', 'the sandbox failed to handle this request');
  };

/**
 * The channel sandbox: every channel of the catalogue under /channels/<code>/..., the message gateway
 * under /gateway, the control API under /_control, GET /healthz. Built without listening so tests can mount it on a free port.
 */
export function createSandboxApp(options: SandboxOptions): Sandbox {
  // Both demo retailers' channels (prisma/seed/seed-profiles.ts), whichever the database was seeded with.
  const channels = options.channels ?? [...demoChannels, ...indonesianDemoChannels];
  const random = new SeededRandom(options.faultSeed);
  const log = new EventLog(options.eventLogCapacity, options.logger);
  const context: SandboxContext = {
    settings: {
      currency: options.currency,
      asyncJobDelayMs: options.asyncJobDelayMs,
      readBackMaxSkus: options.readBackMaxSkus,
      stormRetryAfterSeconds: options.stormRetryAfterSeconds,
    },
    worlds: new Map(channels.map((channel) => [channel.code, new ChannelWorld(channel, channel.currency ?? options.currency)])),
    apiKeys: new Map(channels.map((channel) => [channel.code, options.apiKeys?.[channel.code] ?? devApiKeyFor(channel.code)])),
    random,
    seed: options.faultSeed,
    log,
    idempotency: new IdempotencyStore(options.idempotencyTtlMs),
    webhooks: new WebhookDispatcher(options.apiUrl, options.webhooks, random, log),
    gateway: new MessageGatewayWorld(options.gateway.apiKey, options.gateway.messageCapacity),
    payments: new PaymentProviderWorld(options.payments?.apiKey ?? DEFAULT_PAYMENTS_API_KEY),
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: options.maxBodyBytes ?? defaultMaxBodyBytes, verify: keepRawBody }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/_control/payments', paymentControlRoutes(context));
  app.use('/_control', controlRoutes(context));
  app.use('/payments', paymentRoutes(context));
  app.use('/gateway', gatewayRoutes(context));
  app.use(
    '/channels/:code',
    resolveChannel(context),
    orderDriverRoutes(context),
    injectFaults(context),
    requireApiKey(context),
    enforceRateLimit(context),
    applyIdempotency(context),
    listingRoutes(context),
    orderRoutes(context),
    returnRoutes(context),
  );
  app.use((req, res) => {
    sendError(res, 404, 'NOT_FOUND', `no route ${req.method} ${req.path}`);
  });
  app.use(answerErrors(options.logger));

  return { app, context, close: () => context.webhooks.cancelAll() };
}
