import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { testConfig } from '../api/support/test-app';
import { testEnv } from '../support/env';
import { driveKilledPromotionPush } from './support/promotion-kill-driver';
import { PromotionsWorld } from './support/promotions-world';

const repoRoot = path.resolve(__dirname, '../..');
const SKUS = 240;
const CHANNELS = ['web', 'pos'] as const;

/** A worker in its own process (worker/isolated-worker-process.ts); resolves once it polls. */
async function startWorkerProcess(taskQueue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'worker/isolated-worker-process.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ISOLATED_WORKER_TASK_QUEUE: taskQueue, WORKER_METRICS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker process exited with ${String(code)} before polling`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/**
 * The worker running a promotion's push is SIGKILLed mid-push (an activity cut off between a batch the
 * channel applied and the answer) and a new one takes over: the rollout completes, every SKU verified,
 * and the sandbox's idempotency log shows every key applied once and every SKU written once per phase.
 */
describe('promotion rollout: worker killed mid-push', () => {
  const world = new PromotionsWorld();
  const taskQueue = `promo-crash-${randomUUID()}`;
  let connection: Connection;
  let client: Client;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await world.setUp(
      [
        { name: 'web', kind: 'WEB_STORE', maxBatchSize: 20, perSecond: 8 },
        { name: 'pos', kind: 'POS', maxBatchSize: 30, perSecond: 8 },
      ],
      SKUS,
    );
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    client = new Client({ connection, namespace: testEnv.temporalNamespace });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      PROMOTION_PAGE_SIZE: '40',
      PROMOTION_READBACK_DELAY_MS: '200',
      PROMOTION_CHANNEL_MAX_ATTEMPTS: '10',
      PROMOTION_CHANNEL_RETRY_INITIAL_MS: '200',
      PROMOTION_CHANNEL_HEARTBEAT_TIMEOUT_MS: '3000',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) await kill(worker);
    await temporal?.close();
    await connection?.close();
    await world.tearDown();
  });

  it('completes after a SIGKILL mid-push with no batch applied twice', async () => {
    workers.push(await startWorkerProcess(taskQueue));
    const run = await driveKilledPromotionPush({
      app,
      client,
      world,
      secret,
      channelNames: CHANNELS,
      // Mid-push: some pages written, far from all.
      killAfterBatches: 1,
      appliedWithinMs: 120_000,
      worker: {
        kill: () => kill(workers.at(-1) as ChildProcess),
        start: async () => {
          workers.push(await startWorkerProcess(taskQueue));
        },
      },
    });
    expect(run.batchesAtKill).toBeGreaterThanOrEqual(1);
    expect(run.verifiedAtKill).toBeLessThan(SKUS * CHANNELS.length);
    expect(run.applied).toBe(SKUS * CHANNELS.length);
    expect(run.status).toBe('ENDED');
    // Each key the channel took once, and the rows under all keys add up to every SKU once, per channel and phase.
    expect(run.writes).toHaveLength(CHANNELS.length * 2);
    for (const writes of run.writes) expect(writes).toEqual({ channel: writes.channel, phase: writes.phase, keysTwice: [], rows: SKUS });
    // The channel showed the promoted price on every SKU while it ran, and the base price after.
    expect(run.wrongPrices).toEqual([]);
    console.log(
      `promotion crash: killed with ${run.batchesAtKill} pages written and ${run.verifiedAtKill} of ${run.skuChannels} SKU-channels verified; completed on the second worker`,
    );
  }, 240_000);
});
