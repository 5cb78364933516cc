import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { buildWorkflowBundle, WorkerPool } from '../../chaos/worker-pool';
import { testConfig } from '../api/support/test-app';
import { testEnv } from '../support/env';
import { driveKilledRefund } from './support/refund-kill-driver';
import { ReturnsWorld } from './support/returns-world';

/**
 * The worker dies (SIGKILL: no shutdown) after the payment provider paid a web order's refund and
 * before the refund was recorded: the replacement worker repeats the call with the same key, the
 * provider answers the refund it already made, and the customer is paid exactly once.
 */
describe('return refund: worker killed between the refund call and its recording', () => {
  const world = new ReturnsWorld();
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'returns-refund-kill-'));
  let pool: WorkerPool;
  let app: ReturnType<typeof createApp>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let secret: string;
  const previousProviderUrl = process.env.PAYMENT_PROVIDER_URL;

  beforeAll(async () => {
    await world.setUp();
    const bundlePath = await buildWorkflowBundle(runDir);
    // The worker processes refund through this test's own sandbox provider (read by isolated-worker-process.ts).
    process.env.PAYMENT_PROVIDER_URL = `${world.sandboxUrl}/payments`;
    pool = new WorkerPool({
      runDir,
      taskQueue: `returns-refund-kill-${world.prefix}`,
      bundlePath,
      databaseUrl: testEnv.databaseUrl,
      temporalAddress: testEnv.temporalAddress,
      gatewayUrl: `${world.sandboxUrl}/gateway`,
      stickyQueueTimeoutMs: 1000,
    });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: pool.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      RETURN_APPROVAL_THRESHOLD_MINOR: '5000',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
    await pool.start();
  }, 180_000);
  afterAll(async () => {
    await pool.stop();
    await temporal.close();
    await world.tearDown();
    if (previousProviderUrl === undefined) delete process.env.PAYMENT_PROVIDER_URL;
    else process.env.PAYMENT_PROVIDER_URL = previousProviderUrl;
  });

  // One run in npm test; RETURN_KILL_RUNS=20 measures the figure for docs/returns.md (refunds per return).
  const runs = Number(process.env.RETURN_KILL_RUNS ?? '1');

  it(
    `pays the customer once (${runs} run(s), each killed between the refund call and its recording)`,
    async () => {
      const perReturn: number[] = [];
      for (let index = 0; index < runs; index += 1) {
        const run = await driveKilledRefund({
          app,
          client: temporal.client,
          world,
          bearer: (key) => world.bearer(key, secret),
          worker: pool,
        });
        expect(run.killedBeforeRecording).toBe(true);
        expect(run.status).toBe('CLOSED');
        expect(run.providerRefunds).toBe(1);
        // The replacement did call again, and the provider answered with the refund it had made.
        expect(run.replays).toBeGreaterThanOrEqual(1);
        const refund = await world.prisma.refund.findFirstOrThrow({ where: { returnId: run.returnId } });
        const [paid] = await world.providerRefunds(run.externalOrderId);
        expect(refund).toMatchObject({ status: 'SUCCEEDED', externalRef: paid?.refundId });
        perReturn.push(run.providerRefunds);
        console.log(
          `killed refund ${index + 1}/${runs}: ${run.providerRefunds} provider refund(s), ${run.replays} replay(s), ${run.wallMs} ms`,
        );
      }
      console.log(`refunds seen by the provider per return over ${runs} kill -9 run(s): ${perReturn.join(', ')}`);
    },
    240_000 * runs,
  );
});
