import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, type LogLevel } from '@temporalio/worker';
import { createChannelAdapterSource } from '../activities/channels/channel-adapter-source';
import { HttpPaymentProvider } from '../channels/payments/http-payment-provider';
import { paymentProviderSettingsOf } from '../channels/payments/payment-provider-settings';
import { HttpMessageGateway } from '../message-gateway/http-message-gateway';
import { messageGatewaySettingsOf } from '../message-gateway/message-gateway-settings';
import { loadConfigOrExit } from '../domain/config';
import { inventorySettingsFrom } from '../domain/inventory/settings';
import { createPrismaClient } from '../prisma/client';
import { type WorkerConfig, workerConfigSchema } from './config';
import { createWorker } from './create-worker';
import { relaySettingsFrom } from '../workflow-starts/start-settings';
import { startWorkflowStartRelay } from '../workflow-starts/workflow-start-relay';
import { ensureOutageDetectionSchedule } from './outage-detection-schedule';
import { ensureStockSyncSchedule } from './schedules';
import { channelMetricsHooks } from './metrics/channel-metrics-hooks';
import { freeLoopbackPort, startMetricsServer } from './metrics/metrics-server';
import { registerTemporalBacklogMetrics } from './metrics/temporal-backlog-metrics';
import { registerTaskBacklogMetrics } from './metrics/task-backlog-metrics';
import { createWorkerMetrics } from './metrics/worker-metrics';

const temporalLogLevels: Record<string, LogLevel> = {
  fatal: 'ERROR',
  error: 'ERROR',
  warn: 'WARN',
  info: 'INFO',
  debug: 'DEBUG',
  trace: 'TRACE',
  silent: 'ERROR',
};

/**
 * Worker process: stateless, start as many as the load needs. SIGINT/SIGTERM (the Runtime's default
 * shutdown signals) stop polling, let running activities finish within the grace time, then we close
 * the database pool and the connection.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(workerConfigSchema, 'worker');
  // The SDK's own metrics (temporal_*) are exported on a private loopback port and served with ours.
  const sdkMetricsPort = await freeLoopbackPort();
  Runtime.install({
    logger: new DefaultLogger(temporalLogLevels[config.LOG_LEVEL] ?? 'INFO'),
    telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}`, useSecondsForDurations: true } } },
  });
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const metrics = createWorkerMetrics({ processMetrics: true });
  registerTaskBacklogMetrics(metrics, prisma);
  const metricsServer = await startMetricsServer(metrics, {
    host: config.WORKER_METRICS_HOST,
    port: config.WORKER_METRICS_PORT,
    sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
    sdkTimeoutMs: 2000,
  });
  console.log(`[worker] metrics at ${metricsServer.url}`);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  registerTemporalBacklogMetrics(metrics, {
    service: connection.workflowService,
    withDeadline: (deadline, call) => connection.withDeadline(deadline, call),
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    timeoutMs: config.WORKER_METRICS_BACKLOG_TIMEOUT_MS,
  });
  try {
    const channels = createChannelAdapterSource({
      prisma,
      apiKeys: { keys: config.CHANNEL_API_KEYS, useSandboxDevKeys: config.CHANNEL_SANDBOX_DEV_KEYS },
      hooks: channelMetricsHooks(metrics),
    });
    const messageGateway = new HttpMessageGateway(messageGatewaySettingsOf(config));
    const payments = new HttpPaymentProvider(paymentProviderSettingsOf(config), channelMetricsHooks(metrics));
    const worker = await createWorker(
      connection,
      config,
      { prisma, channels, messageGateway, payments, inventory: inventorySettingsFrom(config) },
      metrics,
    );
    await ensureSchedules(config);
    console.log(
      `[worker] polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE})`,
    );
    const relay = await startRelay(config, prisma);
    try {
      await worker.run();
    } finally {
      await relay.stop();
    }
  } finally {
    metricsServer.server.close();
    await connection.close();
    await prisma.$disconnect();
  }
}

/**
 * The workflow-start relay: every accepted record's run reaches Temporal even when the API that took it
 * could not start it (workflow-starts/workflow-start-relay.ts). Its own client connection, closed on stop.
 */
async function startRelay(config: WorkerConfig, prisma: ReturnType<typeof createPrismaClient>) {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const settings = relaySettingsFrom(config);
  const relay = startWorkflowStartRelay(
    {
      prisma,
      client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
      temporalTimeoutMs: settings.temporalTimeoutMs,
      timing: settings,
    },
    settings,
    {
      info: (message, fields) => console.log(`[worker] ${message}`, fields ?? ''),
      warn: (message, fields) => console.warn(`[worker] ${message}`, fields ?? ''),
      error: (message, fields) => console.error(`[worker] ${message}`, fields ?? ''),
    },
  );
  console.log(`[worker] workflow-start relay running: every ${settings.intervalMs} ms, ${settings.batchSize} per round`);
  return {
    async stop() {
      await relay.stop();
      await connection.close();
    },
  };
}

/** Schedules live on the Temporal server; every worker start brings them in line with its config. */
async function ensureSchedules(config: WorkerConfig): Promise<void> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const schedule = await ensureStockSyncSchedule(client, config);
    console.log(
      `[worker] schedule "${schedule.scheduleId}" ${schedule.created ? 'created' : 'updated'}: every ${config.STOCK_SYNC_INTERVAL_SECONDS} s${schedule.paused ? ' (paused)' : ''}`,
    );
    const detection = await ensureOutageDetectionSchedule(client, config);
    console.log(
      `[worker] schedule "${detection.scheduleId}" ${detection.created ? 'created' : 'updated'}: every ${config.OUTAGE_DETECTION_INTERVAL_SECONDS} s${detection.paused ? ' (paused)' : ''}`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error('[worker] fatal:', error);
  process.exit(1);
});
