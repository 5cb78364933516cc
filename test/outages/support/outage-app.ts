import { signAccessToken } from '../../../api/auth/tokens';
import { type AppOnTestWorker, startAppOnTestWorker } from '../../support/app-on-test-worker';
import { type StockSyncWorld } from '../../stock-sync/support/stock-sync-world';

export interface OutageApp extends Pick<AppOnTestWorker, 'worker' | 'app' | 'stop'> {
  /** An ops lead's bearer token: declares and ends outages, decides discrepancies. */
  bearer: string;
}

/**
 * What an outage test over a stock-sync world runs: the real app over an in-process worker on the world's
 * channels (test/support/app-on-test-worker.ts) with outage `variables`, and an ops lead. `stop` also
 * deactivates the ops lead (the world's tearDown removes the rest).
 */
export async function startOutageApp(world: StockSyncWorld, variables: Record<string, string>): Promise<OutageApp> {
  const stack = await startAppOnTestWorker({ prisma: world.prisma, channels: world.channels }, variables);
  const opsLead = await world.prisma.user.create({
    data: { email: `ops@${world.prefix}.test`, name: 'Ops lead', role: 'OPS_LEAD', passwordHash: 'not-used-by-these-tests' },
  });
  return {
    worker: stack.worker,
    app: stack.app,
    bearer: `Bearer ${signAccessToken(opsLead.id, { secret: stack.config.JWT_SECRET, ttlSeconds: 600 })}`,
    async stop() {
      await stack.stop();
      await world.prisma.user.update({ where: { id: opsLead.id }, data: { active: false } });
    },
  };
}
