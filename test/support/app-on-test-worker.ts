import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { testConfig } from '../api/support/test-app';
import { startTestWorker } from './temporal';

export interface AppOnTestWorker {
  worker: Awaited<ReturnType<typeof startTestWorker>>;
  app: ReturnType<typeof createApp>;
  config: ReturnType<typeof testConfig>;
  stop(): Promise<void>;
}

/**
 * The real app over an in-process worker: the app's Temporal client on the worker's task queue, starts relayed
 * at once, `variables` on top of the test config. `stop` stops the worker and closes the app's client.
 */
export async function startAppOnTestWorker(
  deps: Parameters<typeof startTestWorker>[0],
  variables: Record<string, string> = {},
): Promise<AppOnTestWorker> {
  const worker = await startTestWorker(deps);
  const config = testConfig({ TEMPORAL_TASK_QUEUE: worker.taskQueue, WORKFLOW_START_RELAY_DELAY_MS: '0', ...variables });
  const temporal = createTemporalClient(config);
  const app = createApp({ prisma: deps.prisma, temporal, config, logger: createLogger(config) });
  return {
    worker,
    app,
    config,
    async stop() {
      await worker.stop();
      await temporal.close();
    },
  };
}
