/**
 * A worker in a process of its own for harnesses that kill it with SIGKILL mid-run (no graceful
 * shutdown, activities cut off) the way a crashed machine would: the pickup crash test
 * (test/pickup/pickup-worker-crash.test.ts) and the chaos suite (chaos/worker-pool.ts). It polls
 * ISOLATED_WORKER_TASK_QUEUE with every workflow and activity through the production createWorker; unlike
 * worker/main.ts it touches no schedules, runs no workflow-start relay and serves no metrics, so it never
 * acts on a shared Temporal server beyond its own queue. Prints `worker ready` once it polls. Channel and
 * gateway budgets are small, so a refused call retries quickly.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { z } from 'zod';
import { createChannelAdapterSource } from '../activities/channels/channel-adapter-source';
import { loadConfigOrExit } from '../domain/config';
import { HttpPaymentProvider } from '../channels/payments/http-payment-provider';
import { paymentProviderSettingsFromEnv } from '../channels/payments/payment-provider-settings';
import { HttpMessageGateway } from '../message-gateway/http-message-gateway';
import { messageGatewaySettingsFromEnv } from '../message-gateway/message-gateway-settings';
import { createPrismaClient } from '../prisma/client';
import { createWorker } from './create-worker';
import { workerConfigSchema } from './config';

const isolatedWorkerSchema = workerConfigSchema
  .pick({ TEMPORAL_NAMESPACE: true, WORKFLOW_BUNDLE_PATH: true, WORKER_STICKY_QUEUE_TIMEOUT_MS: true })
  .extend({
    // No defaults: a harness that forgot them must not reach the dev database or server.
    DATABASE_URL: z.url(),
    TEMPORAL_ADDRESS: z.string().min(1),
    ISOLATED_WORKER_TASK_QUEUE: z.string().min(1),
    /** Activity and workflow task slots each. */
    ISOLATED_WORKER_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1000).default(10),
  });

async function main(): Promise<void> {
  const config = loadConfigOrExit(isolatedWorkerSchema, 'isolated worker');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: 5 });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const channels = createChannelAdapterSource({
    prisma,
    apiKeys: { keys: {}, useSandboxDevKeys: true },
    transport: {
      retry: { rateLimitedAttempts: 2, maxElapsedMs: 2000, baseDelayMs: 50, maxDelayMs: 200 },
      timeouts: { requestMs: 2000, jobPollIntervalMs: 50, jobMaxWaitMs: 5000 },
    },
  });
  const worker = await createWorker(
    connection,
    {
      TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: config.ISOLATED_WORKER_TASK_QUEUE,
      WORKFLOW_BUNDLE_PATH: config.WORKFLOW_BUNDLE_PATH,
      WORKER_MAX_CONCURRENT_ACTIVITIES: config.ISOLATED_WORKER_MAX_CONCURRENT,
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: config.ISOLATED_WORKER_MAX_CONCURRENT,
      WORKER_SHUTDOWN_GRACE_MS: 1000,
      WORKER_STICKY_QUEUE_TIMEOUT_MS: config.WORKER_STICKY_QUEUE_TIMEOUT_MS,
    },
    // MESSAGE_GATEWAY_URL and PAYMENT_PROVIDER_URL: the harness's own sandbox gateway and payment provider.
    {
      prisma,
      channels,
      messageGateway: new HttpMessageGateway(messageGatewaySettingsFromEnv()),
      payments: new HttpPaymentProvider({
        ...paymentProviderSettingsFromEnv(),
        requestTimeoutMs: 2000,
        retry: { rateLimitedAttempts: 2, maxElapsedMs: 2000, baseDelayMs: 50, maxDelayMs: 200 },
      }),
    },
  );
  const running = worker.run();
  console.log('worker ready');
  await running;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
