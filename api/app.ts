import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type Express } from 'express';
import { type PrismaClient } from '../prisma/client';
import { activeActorLookup } from './auth/active-actor';
import { authenticate } from './auth/authenticate';
import { createLoginThrottle } from './auth/login-throttle';
import { type ApiConfig } from './config';
import { mountAdminUi } from './http/admin-ui';
import { ApiRouter } from './http/api-router';
import { errorHandler, unknownRoute } from './http/error-handler';
import { watchEventLoopPressure } from './http/event-loop-pressure';
import { shedLoad } from './http/load-shedding';
import { corsForConfiguredOrigins } from './http/cors-origins';
import { requestLogging } from './http/request-logging';
import { securityHeaders } from './http/security-headers';
import { createOrderFulfilment, type OrderFulfilment } from './intake/order-fulfilment';
import { keepRawBody } from './intake/raw-body';
import { type Logger } from './logger';
import { type ApiMetrics, createApiMetrics } from './metrics/api-metrics';
import { recordHttpMetrics } from './metrics/http-metrics';
import { mountMetricsRoute } from './metrics/metrics-route';
import { registerWorkflowStartMetrics } from './metrics/workflow-start-metrics';
import { registerBearerAuth } from './openapi/document';
import { OperationIds } from './openapi/operation-ids';
import { registerApprovalRoutes } from './routes/approvals/approvals';
import { registerAuditEventRoutes } from './routes/audit-events';
import { registerAuthRoutes } from './routes/auth';
import { registerChannelWebhookRoutes } from './routes/channel-webhooks';
import { registerChannelRoutes } from './routes/channels';
import { registerDashboardMetricRoutes } from './routes/dashboard/dashboard-metrics';
import { registerPriceConsistencyMetricRoute } from './routes/dashboard/price-consistency-metrics';
import { registerPriceConsistencyRoutes } from './routes/price-consistency/price-consistency';
import { registerCheckProductPricesRoute } from './routes/price-consistency/check-product-prices';
import { registerDocsRoutes } from './routes/docs';
import { registerDiscrepancyRoutes } from './routes/discrepancies/discrepancies';
import { registerHealthRoutes } from './routes/health';
import { registerInventoryRoutes } from './routes/inventory/inventory';
import { registerInventoryMovementRoutes } from './routes/inventory/inventory-movements';
import { registerOfflineSaleRoutes } from './routes/offline-sales/offline-sales';
import { registerLateOrderRoutes } from './routes/outages/late-orders';
import { registerOfflineSaleConflictRoutes } from './routes/outages/offline-sale-conflicts';
import { outageWorkflowSettingsOf, registerOutageRoutes } from './routes/outages/outages';
import { stockCountSettingsOf } from './routes/outages/stock-count-settings';
import { registerStockCountRoutes } from './routes/outages/stock-counts';
import { registerStoreCreditRoutes } from './routes/store-credits/store-credits';
import { registerOrderActionRoutes } from './routes/orders/order-actions';
import { registerOrderRoutes } from './routes/orders/orders';
import { registerProductRoutes } from './routes/products';
import { promotionSettingsOf, type PromotionConfig } from './routes/promotions/promotion-settings';
import { registerPromotionRoutes } from './routes/promotions/promotions';
import { registerPromotionProgressRoute } from './routes/promotions/promotion-progress';
import { registerPromotionSkusRoute } from './routes/promotions/promotion-skus';
import { registerStockAdjustmentRoutes } from './routes/stock-adjustments/stock-adjustments';
import { type ReturnConfigKey, returnRouteSettings } from './routes/returns/return-settings';
import { registerReturnRoutes } from './routes/returns/returns';
import { registerStoreRoutes } from './routes/stores';
import { registerTaskClaimRoutes } from './routes/tasks/task-claim-routes';
import { registerTaskRoutes } from './routes/tasks/tasks';
import { registerUserManagementRoutes } from './routes/user-management';
import { registerUserRoutes } from './routes/users';
import { registerWorkflowRoutes } from './routes/workflow-runs/workflow-runs';
import { type TemporalClientHandle } from './temporal-client';
import { registeredWorkflows } from './workflow-registry/registered-workflows';
import { type WorkflowRegistry } from './workflow-registry/workflow-registry';

export type AppConfig = Pick<
  ApiConfig,
  | 'JWT_SECRET'
  | 'JWT_TTL_SECONDS'
  | 'API_CORS_ORIGINS'
  | 'API_TRUST_PROXY'
  | 'LOGIN_MAX_FAILED_ATTEMPTS_PER_ACCOUNT'
  | 'LOGIN_MAX_FAILED_ATTEMPTS_PER_IP'
  | 'LOGIN_ATTEMPT_WINDOW_SECONDS'
  | 'API_JSON_BODY_LIMIT'
  | 'API_MAX_STRING_LENGTH'
  | 'API_MAX_CONCURRENT_REQUESTS'
  | 'API_MAX_QUEUED_REQUESTS'
  | 'API_MAX_QUEUE_WAIT_MS'
  | 'API_MAX_EVENT_LOOP_DELAY_MS'
  | 'API_EVENT_LOOP_WINDOW_MS'
  | 'READINESS_TIMEOUT_MS'
  | 'LIST_DEFAULT_PAGE_SIZE'
  | 'LIST_MAX_PAGE_SIZE'
  | 'LOW_STOCK_THRESHOLD'
  | 'TEMPORAL_TASK_QUEUE'
  | 'ADMIN_DIST_DIR'
  | 'WEB_CHANNEL_CODE'
  | 'INTAKE_PHONE_REGION'
  | 'INTAKE_TEMPORAL_TIMEOUT_MS'
  | 'TEMPORAL_CALL_TIMEOUT_MS'
  | 'TEMPORAL_UPDATE_ACCEPT_TIMEOUT_MS'
  | 'PRICE_CHECK_TIMEOUT_MS'
  | 'TEMPORAL_UI_URL'
  | 'WORKFLOW_START_RELAY_DELAY_MS'
  | 'WORKFLOW_START_CLAIM_MS'
  | 'WORKFLOW_START_RETRY_INITIAL_MS'
  | 'WORKFLOW_START_RETRY_MAX_MS'
  | 'API_BACKGROUND_STARTS_MAX'
  | 'STOCK_ADJUSTMENT_APPROVAL_QUANTITY'
  | 'STOCK_ADJUSTMENT_APPROVAL_VALUE_MINOR'
  | 'APPROVAL_LIMIT_STORE_MANAGER_MINOR'
  | 'APPROVAL_LIMIT_OPS_LEAD_MINOR'
  | 'APPROVAL_SLA_MS'
  | 'STOCK_COUNT_SLA_MS'
  | 'STOCK_COUNT_EXPIRE_AFTER_ESCALATION_MS'
  | 'STOCK_COUNT_TOLERANCE_UNITS'
  | 'STOCK_COUNT_TOLERANCE_VALUE_MINOR'
  | keyof PromotionConfig
  | ReturnConfigKey
  | 'OFFLINE_SALES_BATCH_MAX'
  | 'DATABASE_URL'
  | 'OUTAGE_HEALTH_CHECK_INTERVAL_MS'
  | 'OUTAGE_DETECTION_FAILURES'
  | 'OUTAGE_RECOVERY_PROBES'
  | 'OUTAGE_PUSH_FAILURE_RATE'
  | 'OUTAGE_STORE_HOLD_PERCENT'
  | 'RECONCILIATION_TOLERANCE_UNITS'
  | 'RECONCILIATION_TOLERANCE_VALUE_MINOR'
  | 'RECONCILIATION_FOUR_EYES_ABOVE_MINOR'
  | 'OUTAGE_PUBLISH_READBACK_DELAY_MS'
  | 'OUTAGE_PRICE_TOLERANCE_MINOR'
  | 'OUTAGE_PRICE_PAGE_SIZE'
  | 'OUTAGE_LATE_ORDERS_MARGIN_MS'
>;

const backgroundWorkKey = 'backgroundWork';

/**
 * What the app still does after its answers (workflow starts and signals, docs/workflow-starts.md): a
 * shutdown (or a test) waits for it before closing the Temporal connection it uses.
 */
export function whenBackgroundWorkIdle(app: Express): Promise<void> {
  const work = app.locals[backgroundWorkKey] as Pick<OrderFulfilment, 'whenIdle'> | undefined;
  return work === undefined ? Promise.resolve() : work.whenIdle();
}

export interface AppDeps {
  prisma: PrismaClient;
  temporal: Pick<TemporalClientHandle, 'client' | 'checkReachable'>;
  config: AppConfig;
  logger: Logger;
  /** The process's metrics (with CPU and memory); tests leave it out and get a registry of their own. */
  metrics?: ApiMetrics;
  /** The workflow types the API drives; the registered ones unless a test adds its samples. */
  workflows?: WorkflowRegistry;
}

/**
 * The whole HTTP API as an Express app, with every dependency passed in: `api/main.ts` gives it the
 * process's one PrismaClient and Temporal client, tests give it theirs (or broken ones) and drive it with
 * supertest.
 */
export function createApp({
  prisma,
  temporal,
  config,
  logger,
  metrics = createApiMetrics({ processMetrics: false }),
  workflows = registeredWorkflows,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.API_TRUST_PROXY);
  app.use(securityHeaders());
  app.use(requestLogging(logger));
  app.use(recordHttpMetrics(metrics));
  const registry = new OpenAPIRegistry();
  registerWorkflowStartMetrics(metrics, prisma);
  const operationIds = new OperationIds();
  mountMetricsRoute(app, metrics, registry, operationIds);
  app.use(corsForConfiguredOrigins(config.API_CORS_ORIGINS));
  const pressure = watchEventLoopPressure({ maxDelayMs: config.API_MAX_EVENT_LOOP_DELAY_MS, windowMs: config.API_EVENT_LOOP_WINDOW_MS });
  // Before the body is read: a request the API has no room for costs nothing but its 503.
  app.use(
    '/api',
    shedLoad(
      {
        maxConcurrent: config.API_MAX_CONCURRENT_REQUESTS,
        maxQueued: config.API_MAX_QUEUED_REQUESTS,
        maxQueueWaitMs: config.API_MAX_QUEUE_WAIT_MS,
      },
      metrics,
      pressure,
    ),
  );
  // keepRawBody: channel webhooks are signed over the exact bytes sent.
  app.use(express.json({ limit: config.API_JSON_BODY_LIMIT, verify: keepRawBody }));

  registerBearerAuth(registry);
  const tokens = { secret: config.JWT_SECRET, ttlSeconds: config.JWT_TTL_SECONDS };
  const api = new ApiRouter(
    registry,
    authenticate(tokens, activeActorLookup(prisma)),
    { maxStringLength: config.API_MAX_STRING_LENGTH },
    operationIds,
  );
  const resourceDeps = { prisma, pageLimits: { defaultPageSize: config.LIST_DEFAULT_PAGE_SIZE, maxPageSize: config.LIST_MAX_PAGE_SIZE } };

  registerHealthRoutes(api, {
    probes: { database: () => prisma.$queryRaw`SELECT 1`, temporal: (deadline) => temporal.checkReachable(deadline) },
    readinessTimeoutMs: config.READINESS_TIMEOUT_MS,
  });
  const loginThrottle = createLoginThrottle(prisma, {
    maxAttemptsPerAccount: config.LOGIN_MAX_FAILED_ATTEMPTS_PER_ACCOUNT,
    maxAttemptsPerIp: config.LOGIN_MAX_FAILED_ATTEMPTS_PER_IP,
    windowSeconds: config.LOGIN_ATTEMPT_WINDOW_SECONDS,
  });
  registerAuthRoutes(api, { prisma, tokens, loginThrottle });
  registerStoreRoutes(api, resourceDeps);
  registerChannelRoutes(api, resourceDeps);
  registerProductRoutes(api, resourceDeps);
  registerInventoryRoutes(api, { ...resourceDeps, lowStockThreshold: config.LOW_STOCK_THRESHOLD });
  registerInventoryMovementRoutes(api, resourceDeps);
  registerUserRoutes(api, resourceDeps);
  registerUserManagementRoutes(api, resourceDeps);
  registerAuditEventRoutes(api, resourceDeps);
  registerDashboardMetricRoutes(api, { prisma });
  registerPriceConsistencyMetricRoute(api, { prisma });
  registerPriceConsistencyRoutes(api, resourceDeps);
  registerCheckProductPricesRoute(api, {
    prisma,
    client: temporal.client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    timeoutMs: config.PRICE_CHECK_TIMEOUT_MS,
  });
  registerPromotionProgressRoute(api, { prisma });
  registerPromotionSkusRoute(api, { prisma });
  // First: /api/tasks/lookup must not be taken for /api/tasks/:id.
  registerTaskClaimRoutes(api, resourceDeps);
  registerTaskRoutes(api, {
    ...resourceDeps,
    client: temporal.client,
    workflows,
    updateAcceptTimeoutMs: config.TEMPORAL_UPDATE_ACCEPT_TIMEOUT_MS,
  });
  registerOrderActionRoutes(api, { prisma, client: temporal.client, temporalCallTimeoutMs: config.TEMPORAL_CALL_TIMEOUT_MS });
  const fulfilment = createOrderFulfilment({
    prisma,
    client: temporal.client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    temporalTimeoutMs: config.INTAKE_TEMPORAL_TIMEOUT_MS,
    relayDelayMs: config.WORKFLOW_START_RELAY_DELAY_MS,
    claimMs: config.WORKFLOW_START_CLAIM_MS,
    timing: { retryInitialMs: config.WORKFLOW_START_RETRY_INITIAL_MS, retryMaxMs: config.WORKFLOW_START_RETRY_MAX_MS },
    backgroundLimit: config.API_BACKGROUND_STARTS_MAX,
    logger,
  });
  const customerRules = { phoneRegion: config.INTAKE_PHONE_REGION };
  app.locals[backgroundWorkKey] = fulfilment;
  registerChannelWebhookRoutes(api, { prisma, fulfilment, customerRules });
  registerOrderRoutes(api, { ...resourceDeps, fulfilment, webOrderRules: { ...customerRules, webChannelCode: config.WEB_CHANNEL_CODE } });
  registerApprovalRoutes(api, { ...resourceDeps, fulfilment });
  registerStockAdjustmentRoutes(api, {
    ...resourceDeps,
    fulfilment,
    settings: {
      thresholds: { quantity: config.STOCK_ADJUSTMENT_APPROVAL_QUANTITY, valueMinor: config.STOCK_ADJUSTMENT_APPROVAL_VALUE_MINOR },
      valueLimits: { storeManagerMinor: config.APPROVAL_LIMIT_STORE_MANAGER_MINOR, opsLeadMinor: config.APPROVAL_LIMIT_OPS_LEAD_MINOR },
      approvalSlaMs: config.APPROVAL_SLA_MS,
    },
  });
  registerPromotionRoutes(api, {
    ...resourceDeps,
    fulfilment,
    settings: promotionSettingsOf(config),
    csvMaxRows: config.PROMOTION_CSV_MAX_ROWS,
    client: temporal.client,
    temporalCallTimeoutMs: config.TEMPORAL_CALL_TIMEOUT_MS,
  });
  registerReturnRoutes(api, {
    ...resourceDeps,
    fulfilment,
    client: temporal.client,
    workflows,
    temporalCallTimeoutMs: config.TEMPORAL_CALL_TIMEOUT_MS,
    settings: returnRouteSettings(config),
  });
  registerOfflineSaleRoutes(api, { prisma, batchMax: config.OFFLINE_SALES_BATCH_MAX, databaseUrl: config.DATABASE_URL });
  registerOutageRoutes(api, { ...resourceDeps, fulfilment, settings: outageWorkflowSettingsOf(config) });
  registerLateOrderRoutes(api, resourceDeps);
  registerOfflineSaleConflictRoutes(api, resourceDeps);
  registerDiscrepancyRoutes(api, { ...resourceDeps, fulfilment, fourEyesAboveMinor: config.RECONCILIATION_FOUR_EYES_ABOVE_MINOR });
  registerStockCountRoutes(api, { ...resourceDeps, fulfilment, settings: stockCountSettingsOf(config) });
  registerStoreCreditRoutes(api, resourceDeps);
  registerWorkflowRoutes(api, {
    ...resourceDeps,
    client: temporal.client,
    temporalUi: { baseUrl: config.TEMPORAL_UI_URL, namespace: temporal.client.options.namespace },
    temporalCallTimeoutMs: config.TEMPORAL_CALL_TIMEOUT_MS,
    workflows,
  });
  registerDocsRoutes(api, registry);

  mountAdminUi(app, config.ADMIN_DIST_DIR);
  app.use(api.router);
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
