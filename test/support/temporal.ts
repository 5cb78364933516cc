import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { type ActivityDeps } from '../../activities';
import { createChannelAdapterSource } from '../../activities/channels/channel-adapter-source';
import { HttpMessageGateway } from '../../message-gateway/http-message-gateway';
import { messageGatewaySettingsFromEnv } from '../../message-gateway/message-gateway-settings';
import { createWorker } from '../../worker/create-worker';
import { type WorkerMetrics } from '../../worker/metrics/worker-metrics';
import { testEnv } from './env';

/**
 * A client plus an in-process worker on a task queue of its own, against the real Temporal dev server the
 * bootstrap started. The private queue keeps these runs away from the stack's own worker. Channel
 * adapters default to the channels' records with the sandbox's dev keys, messages to the stack sandbox's
 * gateway; tests that talk to channels bring their own source (small retry budgets, their own sandbox).
 */
export async function startTestWorker(
  given: Pick<ActivityDeps, 'prisma'> & Partial<ActivityDeps>,
  options: { metrics?: WorkerMetrics } = {},
) {
  const deps: ActivityDeps = {
    channels: createChannelAdapterSource({ prisma: given.prisma, apiKeys: { keys: {}, useSandboxDevKeys: true } }),
    // The stack's sandbox gateway (SANDBOX_URL from the test bootstrap) unless the test brings its own.
    messageGateway: new HttpMessageGateway(messageGatewaySettingsFromEnv()),
    ...given,
  };
  return runTestWorker((nativeConnection, taskQueue) =>
    createWorker(
      nativeConnection,
      {
        TEMPORAL_NAMESPACE: testEnv.temporalNamespace,
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_BUNDLE_PATH: undefined,
        WORKER_MAX_CONCURRENT_ACTIVITIES: 20,
        WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: 20,
        WORKER_SHUTDOWN_GRACE_MS: 1000,
      },
      deps,
      options.metrics,
    ),
  );
}

/**
 * Runs the worker `create` builds on a task queue of its own, with a client to start runs on it; `stop`
 * shuts both down. Shared by the app's worker above and the kit's sample workers (test/kit/support/).
 */
export async function runTestWorker(create: (connection: NativeConnection, taskQueue: string) => Promise<Worker>) {
  quietTemporalLogs();
  const taskQueue = `test-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: testEnv.temporalAddress });
  const worker = await create(nativeConnection, taskQueue);
  const running = worker.run();
  const connection = await Connection.connect({ address: testEnv.temporalAddress });
  const client = new Client({ connection, namespace: testEnv.temporalNamespace });
  return {
    client,
    taskQueue,
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
    },
  };
}

/** Worker state changes at INFO drown test output; warnings and errors still show. */
function quietTemporalLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier test file in this jest worker: nothing to do.
  }
}
