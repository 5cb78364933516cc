import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { promotionCancelledSignal } from '../../domain/promotions/promotion-messages';
import { promotionWorkflowId } from '../../domain/promotions/promotion-rules';
import { type RollOutPromotionResult } from '../../domain/promotions/promotion-workflow';
import { testConfig } from '../api/support/test-app';
import { testEnv } from '../support/env';
import { eventually } from '../support/eventually';
import { PromotionsWorld, type SandboxLogEvent } from './support/promotions-world';

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

/** Rows each idempotency key applied on the channel, from the sandbox's idempotency log. */
function rowsByKey(events: SandboxLogEvent[], prefix: string): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const event of events) {
    const key = String(event.detail.key);
    if (!key.startsWith(prefix)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), Number(event.detail.rows)]);
  }
  return byKey;
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
    const created = await request(app)
      .post('/api/promotions')
      .set('Authorization', world.bearer('leadA', secret))
      .send({
        name: `${world.prefix} crash`,
        discount: { type: 'PERCENT', value: 20 },
        currency: 'EUR',
        timeZone: 'UTC',
        startsLocal: new Date(Date.now() + 1000).toISOString().slice(0, 19),
        endsLocal: new Date(Date.now() + 3600_000).toISOString().slice(0, 19),
        skus: world.skus,
        channelCodes: CHANNELS.map((name) => world.channelCode(name)),
      });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    const approval = await eventually(
      () => world.prisma.approvalRequest.findFirst({ where: { subjectId: id, status: 'PENDING' } }),
      (row) => row !== null,
      30_000,
    );
    expect(
      (
        await request(app)
          .post(`/api/approvals/${approval?.id ?? ''}/approve`)
          .set('Authorization', world.bearer('leadB', secret))
          .send({})
      ).status,
    ).toBe(200);

    // Mid-push: some pages written, far from all.
    const written = await eventually(
      () => world.prisma.priceChangeBatch.count({ where: { promotionId: id } }),
      (count) => count >= 1,
      60_000,
      50,
    );
    expect(written).toBeGreaterThanOrEqual(1);
    const verifiedAtKill = await world.prisma.priceChange.count({ where: { promotionId: id, status: 'APPLIED' } });
    expect(verifiedAtKill).toBeLessThan(SKUS * CHANNELS.length);
    await kill(workers[0] as ChildProcess);
    workers.push(await startWorkerProcess(taskQueue));

    const applied = await eventually(
      () => world.prisma.priceChange.count({ where: { promotionId: id, status: 'APPLIED', idempotencyKey: { startsWith: 'price:' } } }),
      (count) => count === SKUS * CHANNELS.length,
      120_000,
      250,
    );
    expect(applied).toBe(SKUS * CHANNELS.length);
    const handle = client.workflow.getHandle(promotionWorkflowId(id));
    await handle.signal(promotionCancelledSignal, { reason: 'crash test done', userId: world.users.leadA.id });
    const result = (await handle.result()) as RollOutPromotionResult;
    expect(result.status).toBe('ENDED');

    for (const name of CHANNELS) {
      const events = await world.sandboxLog(name, 'idempotent_write');
      for (const prefix of [`price:${id}:`, `restore:${id}:`]) {
        const byKey = rowsByKey(events, prefix);
        // Each key the channel took once, and the rows under all keys add up to every SKU once.
        const twice = [...byKey].filter(([, rows]) => rows.length > 1);
        expect([name, prefix, twice]).toEqual([name, prefix, []]);
        const rows = [...byKey.values()].flat().reduce((sum, count) => sum + count, 0);
        expect([name, prefix, rows]).toEqual([name, prefix, SKUS]);
      }
      const shown = await world.shownPrices(name);
      for (const sku of world.skus) expect([name, sku, shown.get(sku)]).toEqual([name, sku, world.basePriceMinor]);
    }
    console.log(
      `promotion crash: killed with ${written}+ pages written and ${verifiedAtKill} of ${SKUS * CHANNELS.length} SKU-channels verified; completed on the second worker`,
    );
  }, 240_000);
});
