/**
 * A worker in a process of its own, so a test can kill it with SIGKILL mid-run (no graceful shutdown,
 * activities cut off) the way a crashed machine would. Polls PICKUP_TEST_TASK_QUEUE with every
 * workflow and activity; unlike worker/main.ts it touches no schedules on the shared Temporal server.
 */
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { createChannelAdapterSource } from '../../../activities/channels/channel-adapter-source';
import { HttpMessageGateway } from '../../../message-gateway/http-message-gateway';
import { messageGatewaySettingsFromEnv } from '../../../message-gateway/message-gateway-settings';
import { createPrismaClient } from '../../../prisma/client';
import { createWorker } from '../../../worker/create-worker';
import { requireEnv, testEnv } from '../../support/env';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const prisma = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  const connection = await NativeConnection.connect({ address: testEnv.temporalAddress });
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
      TEMPORAL_NAMESPACE: testEnv.temporalNamespace,
      TEMPORAL_TASK_QUEUE: requireEnv('PICKUP_TEST_TASK_QUEUE'),
      WORKFLOW_BUNDLE_PATH: undefined,
      WORKER_MAX_CONCURRENT_ACTIVITIES: 10,
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: 10,
      WORKER_SHUTDOWN_GRACE_MS: 1000,
    },
    // MESSAGE_GATEWAY_URL is set by the test to its own sandbox's gateway.
    { prisma, channels, messageGateway: new HttpMessageGateway(messageGatewaySettingsFromEnv()) },
  );
  const running = worker.run();
  console.log('worker ready');
  await running;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
