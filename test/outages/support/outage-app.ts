import { signAccessToken } from '../../../api/auth/tokens';
import { createApp } from '../../../api/app';
import { createLogger } from '../../../api/logger';
import { createTemporalClient } from '../../../api/temporal-client';
import { testConfig } from '../../api/support/test-app';
import { startTestWorker } from '../../support/temporal';
import { type StockSyncWorld } from '../../stock-sync/support/stock-sync-world';

export interface OutageApp {
  worker: Awaited<ReturnType<typeof startTestWorker>>;
  app: ReturnType<typeof createApp>;
  /** An ops lead's bearer token: declares and ends outages, decides discrepancies. */
  bearer: string;
  stop(): Promise<void>;
}

/**
 * What an outage test over a stock-sync world runs: an in-process worker on the world's channels, the real
 * app on its task queue with outage `variables` on top of the test config (starts relayed at once), and an
 * ops lead. `stop` stops both and deactivates the ops lead (the world's tearDown removes the rest).
 */
export async function startOutageApp(world: StockSyncWorld, variables: Record<string, string>): Promise<OutageApp> {
  const worker = await startTestWorker({ prisma: world.prisma, channels: world.channels });
  const config = testConfig({ TEMPORAL_TASK_QUEUE: worker.taskQueue, WORKFLOW_START_RELAY_DELAY_MS: '0', ...variables });
  const temporal = createTemporalClient(config);
  const app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  const opsLead = await world.prisma.user.create({
    data: { email: `ops@${world.prefix}.test`, name: 'Ops lead', role: 'OPS_LEAD', passwordHash: 'not-used-by-these-tests' },
  });
  return {
    worker,
    app,
    bearer: `Bearer ${signAccessToken(opsLead.id, { secret: config.JWT_SECRET, ttlSeconds: 600 })}`,
    async stop() {
      await worker.stop();
      await temporal.close();
      await world.prisma.user.update({ where: { id: opsLead.id }, data: { active: false } });
    },
  };
}
