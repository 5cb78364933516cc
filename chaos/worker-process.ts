/**
 * The chaos suite's worker: one process (tsx as a loader), killed with SIGKILL at random points. It runs
 * every workflow and activity on CHAOS_TASK_QUEUE from a prebuilt bundle (CHAOS_WORKFLOW_BUNDLE), so a
 * replacement polls within seconds instead of bundling again; it touches no schedules. Prints
 * `worker ready` once it polls. Channel and gateway budgets are small, so a refused call retries quickly.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createChannelAdapterSource } from '../activities/channels/channel-adapter-source';
import { HttpMessageGateway } from '../message-gateway/http-message-gateway';
import { messageGatewaySettingsFromEnv } from '../message-gateway/message-gateway-settings';
import { createPrismaClient } from '../prisma/client';
import { createWorker } from '../worker/create-worker';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the chaos suite sets it for its worker processes)`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const prisma = createPrismaClient({ databaseUrl: required('DATABASE_URL'), poolSize: 5 });
  const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
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
      TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? 'default',
      TEMPORAL_TASK_QUEUE: required('CHAOS_TASK_QUEUE'),
      WORKFLOW_BUNDLE_PATH: required('CHAOS_WORKFLOW_BUNDLE'),
      WORKER_MAX_CONCURRENT_ACTIVITIES: 20,
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: 20,
      WORKER_SHUTDOWN_GRACE_MS: 1000,
    },
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
