import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createPushStockPage } from '../../activities/channels/push-stock-page';
import { activityProfiles } from '../../workflows/kit/activity-profiles';
import { testEnv } from '../support/env';
import { pushOnePage } from './support/push-page-workflow';
import { StockSyncWorld } from './support/stock-sync-world';

/**
 * Who retries what (docs/channel-sandbox.md): an unavailable channel is retried by Temporal only, so a
 * failing push costs the channel one call per activity attempt (channelPush's maximumAttempts), not that
 * times the adapter's own attempts; a 429 is retried by the adapter inside one attempt, after Retry-After.
 * Counted on what the sandbox received, through a real worker and the real pushStockPage activity.
 */
describe('channel push retries: one owner per failure kind', () => {
  const world = new StockSyncWorld();
  let worker: Worker;
  let running: Promise<void>;
  let nativeConnection: NativeConnection;
  let connection: Connection;
  let client: Client;
  const taskQueue = `push-retries-${randomUUID()}`;

  beforeAll(async () => {
    await world.setUp(
      [{ name: 'down', maxBatchSize: 10, safetyBuffer: 0, closeListingAtOrBelow: 0 }],
      [{ name: 'P1', stock: { first: [5, 0] } }],
      { faultSeed: 1 },
    );
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Installed already by another test file in this jest worker.
    }
    nativeConnection = await NativeConnection.connect({ address: testEnv.temporalAddress });
    worker = await Worker.create({
      connection: nativeConnection,
      namespace: testEnv.temporalNamespace,
      taskQueue,
      workflowsPath: path.join(__dirname, 'support', 'push-page-workflow.ts'),
      activities: { pushStockPage: createPushStockPage({ prisma: world.prisma, channels: world.channels }) },
      shutdownGraceTime: 1000,
    });
    running = worker.run();
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    client = new Client({ connection, namespace: testEnv.temporalNamespace });
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    await nativeConnection?.close();
    await world.tearDown([]);
  });

  const push = (syncRunId: string) =>
    client.workflow.execute(pushOnePage, {
      taskQueue,
      workflowId: `push-retries-${syncRunId}`,
      args: [
        {
          syncRunId,
          channelCode: world.channelCode('down'),
          pageNumber: 1,
          range: { afterSku: null, throughSku: null },
          pageSize: 10,
          mode: 'sync',
        },
      ],
    });

  it('a channel that is down gets exactly one call per activity attempt', async () => {
    await world.setFaults('down', { outage: '503', rateLimitStorm: false });
    const result = await push(randomUUID());
    expect(result.outcome).toBe('CHANNEL_UNAVAILABLE');
    const calls = await world.sandboxLog('down', 'fault.outage');
    expect(calls).toHaveLength(activityProfiles.channelPush.retry.maximumAttempts);
  });

  it('a 429 is waited out by the adapter inside the attempt that met it', async () => {
    await world.setFaults('down', { outage: null, rateLimitStorm: true });
    setTimeout(() => void world.setFaults('down', { rateLimitStorm: false }), 300);
    const result = await push(randomUUID());
    expect(result.outcome).toBe('PUSHED');
    // One storm answer (Retry-After 1 s) then success, in the first activity attempt: Temporal never retried.
    expect(await world.sandboxLog('down', 'fault.rate_limit_storm')).toHaveLength(1);
  });
});
