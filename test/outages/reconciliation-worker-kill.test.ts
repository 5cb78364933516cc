import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type WorkflowHandle } from '@temporalio/client';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { buildWorkflowBundle, WorkerPool } from '../../chaos/worker-pool';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { testConfig } from '../api/support/test-app';
import { testEnv } from '../support/env';
import { eventually } from '../support/eventually';
import { CuttableLink } from './support/cuttable-link';
import { OutageChannel } from './support/outage-channel';
import { OutagesWorld, type OutagesUserKey } from './support/outages-world';
import { holdInventoryLevelLock, type HeldRowLock } from './support/row-lock';

/** What the run's history says about one activity: how often it was scheduled, completed, and each attempt that ran. */
async function activityRecord(handle: WorkflowHandle, activityType: string) {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = events
    .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activityType)
    .map((e) => String(e.eventId));
  const of = (id: unknown) => scheduled.includes(String(id));
  return {
    scheduled: scheduled.length,
    completed: events.filter((e) => of(e.activityTaskCompletedEventAttributes?.scheduledEventId)).length,
    attempts: events
      .filter((e) => of(e.activityTaskStartedEventAttributes?.scheduledEventId))
      .map((e) => e.activityTaskStartedEventAttributes?.attempt ?? 0),
  };
}

/**
 * The worker dies (SIGKILL) twice in a store outage's reconciliation, each time at the worst moment: an
 * applying transaction has committed and Temporal has not heard of it - first the one applying the offline
 * journal, then the one writing the correction head office approved. To land each kill there every time,
 * the test holds a stock row the transaction needs (it waits on it, mid-transaction), cuts the worker off
 * from Temporal, lets the transaction commit, and kills the worker once its ledger rows are in. Each
 * replacement repeats the activity (its start-to-close timeout runs out), which finds the work done; the
 * run goes on through the stock counts' drift (one fixed within tolerance, one approved), lifts the
 * measures and publishes to the test's own marketplace. Every sale is applied once, every correction
 * written once.
 */
describe('store outage: worker killed mid-reconciliation', () => {
  const world = new OutagesWorld(4);
  const price = world.unitPriceMinor;
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'outage-reconcile-kill-'));
  const link = new CuttableLink(testEnv.temporalAddress);
  const channel = new OutageChannel(world.prisma, `${world.prefix}-mm`);
  let pool: WorkerPool;
  let app: ReturnType<typeof createApp>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let secret: string;
  let lock: HeldRowLock | null = null;
  const productIds: Record<string, string> = {};
  const as = (key: OutagesUserKey) => world.bearer(key, secret);

  beforeAll(async () => {
    await world.setUp();
    for (const product of await world.prisma.product.findMany({ where: { sku: { in: world.skus } } })) productIds[product.sku] = product.id;
    await channel.setUp(Object.values(productIds));
    const bundlePath = await buildWorkflowBundle(runDir);
    pool = new WorkerPool({
      runDir,
      taskQueue: `outage-reconcile-kill-${world.prefix}`,
      bundlePath,
      databaseUrl: testEnv.databaseUrl,
      // The worker reaches Temporal only through the link the test cuts; the test's own client goes direct.
      temporalAddress: await link.open(),
      gatewayUrl: `${channel.sandboxUrl}/gateway`,
      stickyQueueTimeoutMs: 1000,
    });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: pool.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      OUTAGE_STORE_HOLD_PERCENT: '50',
      RECONCILIATION_TOLERANCE_UNITS: '2',
      RECONCILIATION_TOLERANCE_VALUE_MINOR: String(2 * price),
      RECONCILIATION_FOUR_EYES_ABOVE_MINOR: String(100 * price),
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
    await pool.start();
  }, 240_000);
  afterAll(async () => {
    await lock?.release();
    await pool.stop();
    await link.close();
    await temporal.close();
    await channel.tearDown();
    await world.tearDown();
  });

  it('resumes on a replacement worker with every sale and correction applied once', async () => {
    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', as('managerA'))
      .send({ kind: 'STORE', storeId: world.storeA, cause: 'the till lost its connection' });
    expect(declared.status).toBe(201);
    const { id: outageId, workflowId } = (declared.body as { outage: { id: string; workflowId: string } }).outage;
    const handle = temporal.client.workflow.getHandle(workflowId);
    // A query the worker does not answer in time is asked again, not a failure.
    const step = () =>
      handle.query(outageTimelineQuery).then(
        (t) => t.currentStep,
        () => null,
      );
    await eventually(step, (current) => current === 'WAITING_FOR_RECOVERY', 60_000);

    // The store counts SKUs 1 and 2: SKU 1 one unit short of the journal (within tolerance), SKU 2 six over (beyond it).
    const counted = await request(app)
      .post(`/api/stores/${world.storeA}/stock-counts`)
      .set('Authorization', as('managerA'))
      .send({ skus: [world.sku(1), world.sku(2)] });
    expect(counted.status).toBe(201);
    const countTask = counted.body as { id: string };
    const done = await eventually(
      () =>
        request(app)
          .post(`/api/tasks/${countTask.id}/complete`)
          .set('Authorization', as('clerkA'))
          .send({
            counts: [
              { sku: world.sku(1), counted: 18 },
              { sku: world.sku(2), counted: 24 },
            ],
          }),
      (res) => res.status !== 409,
      60_000,
    );
    expect(done.status).toBe(200);

    // The paper journal: 3 of SKU 0, 1 of SKU 1, 2 of SKU 2, over three receipts.
    const sale = (receiptNumber: string, lines: [number, number][]) => ({
      receiptNumber,
      soldAt: '2026-12-02T09:00:00+07:00',
      currency: 'IDR',
      lines: lines.map(([sku, quantity]) => ({ sku: world.sku(sku), quantity, unitPriceMinor: price })),
    });
    const journal = await request(app)
      .post(`/api/stores/${world.storeA}/offline-sales`)
      .set('Authorization', as('managerA'))
      .send({
        sales: [
          sale('K-1', [
            [0, 2],
            [1, 1],
          ]),
          sale('K-2', [[0, 1]]),
          sale('K-3', [[2, 2]]),
        ],
      });
    expect(journal.body).toMatchObject({ created: 3, errors: 0 });

    /**
     * Lands a SIGKILL between an applying activity's commit and Temporal hearing of it: `sku`'s stock row is
     * held, `trigger` sets the run going, and once the activity's transaction waits on the row (its statement
     * found by `opening`: pg_stat_activity keeps only a query's first 1024 bytes) the worker is cut off from
     * Temporal, the row released and, when `committed` sees the rows, the worker killed. Answers what the
     * run's history said of the activity at the kill; then a replacement worker starts.
     */
    const killAfterCommit = async (options: {
      sku: string;
      opening: string;
      activityType: string;
      trigger: () => Promise<void>;
      committed: () => Promise<boolean>;
    }) => {
      lock = await holdInventoryLevelLock(world.prisma, world.storeA, productIds[options.sku] ?? '');
      const holder = lock.pid;
      await options.trigger();
      const waiting = await eventually(
        () =>
          world.prisma.$queryRaw<{ pid: number }[]>`
            SELECT pid FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid)) AND query LIKE ${`%${options.opening}%`}`,
        (rows) => rows.length === 1,
        90_000,
      );
      expect(waiting).toHaveLength(1);
      link.sever();
      await lock.release();
      lock = null;
      expect(await eventually(options.committed, (done) => done, 60_000, 20)).toBe(true);
      await pool.kill();
      const atKill = await activityRecord(handle, options.activityType);
      link.restore();
      await pool.start();
      return atKill;
    };

    // Kill 1: the journal applied (SKU 0's row held), the run not told.
    const atJournalKill = await killAfterCommit({
      sku: world.sku(0),
      opening: 'JOIN offline_sale_lines',
      activityType: 'reconcileOutage',
      trigger: async () => {
        const ended = await request(app)
          .post(`/api/outages/${outageId}/end`)
          .set('Authorization', as('managerA'))
          .send({ reason: 'the connection is back' });
        expect(ended.status).toBe(202);
      },
      committed: async () =>
        (await world.prisma.inventoryMovement.count({
          where: { storeId: world.storeA, kind: 'OFFLINE_SALE', idempotencyKey: { startsWith: 'offline-sale:' } },
        })) === 3,
    });
    // The proof the kill fell mid-apply: the journal is applied in the database, and the run never heard of it.
    expect(atJournalKill).toMatchObject({ scheduled: 1, completed: 0 });
    expect(await world.prisma.offlineSale.count({ where: { storeId: world.storeA, appliedToStockAt: null } })).toBe(0);

    // The replacement repeats the reconciliation, diffs the counts and waits for head office on SKU 2.
    await eventually(step, (current) => current === 'REVIEWING', 120_000, 500);
    const review = await eventually(
      () => world.prisma.task.findFirst({ where: { workflowId, type: 'RECONCILIATION_REVIEW', status: 'OPEN' } }),
      (task) => task !== null,
      60_000,
    );
    expect(review).not.toBeNull();
    const beyond = await world.prisma.discrepancy.findFirstOrThrow({
      where: { class: 'STOCK_DRIFT', resolution: 'PENDING', reconciliation: { outageId }, productId: productIds[world.sku(2)] },
    });
    expect(beyond.delta).toBe(6);

    // Kill 2: the approved correction written (SKU 2's row held), the run not told.
    const atCorrectionKill = await killAfterCommit({
      sku: world.sku(2),
      opening: 'WITH approved AS',
      activityType: 'applyOutageCorrections',
      trigger: async () => {
        const approved = await request(app)
          .post(`/api/discrepancies/${beyond.id}/decision`)
          .set('Authorization', as('opsLead'))
          .send({ decision: 'APPROVE', reason: 'a delivery was shelved during the outage' });
        expect(approved.body).toMatchObject({ review: { pending: 0, settled: true } });
      },
      committed: async () => (await world.prisma.inventoryMovement.count({ where: { idempotencyKey: `reconcile:${beyond.id}` } })) === 1,
    });
    expect(atCorrectionKill).toMatchObject({ scheduled: 1, completed: 0 });

    const result = (await handle.result()) as { status: string; reconciliation: { offlineSalesApplied: number; linesApplied: number } };
    expect(result.status).toBe('RESOLVED');
    expect(pool.kills).toBe(2);
    // Each activity once, its lost first attempt repeated by a replacement: the repeats found the work done.
    for (const activityType of ['reconcileOutage', 'applyOutageCorrections']) {
      const record = await activityRecord(handle, activityType);
      expect([activityType, record.completed]).toEqual([activityType, 1]);
      expect([activityType, Math.max(...record.attempts) >= 2]).toEqual([activityType, true]);
    }
    expect(result.reconciliation).toMatchObject({ offlineSalesApplied: 3, linesApplied: 3 });

    // One reconciliation, its journal applied once per store x SKU, every sale stamped once.
    const reconciliations = await world.prisma.reconciliation.findMany({ where: { outageId } });
    expect(reconciliations).toHaveLength(1);
    const reconciliationId = reconciliations[0]?.id ?? '';
    const ledger = await world.prisma.inventoryMovement.findMany({
      where: { storeId: world.storeA },
      include: { product: { select: { sku: true } } },
    });
    const rowsOf = (kind: string) =>
      ledger
        .filter((m) => m.kind === kind)
        .map((m) => [m.product.sku, m.deltaOnHand, m.idempotencyKey.split(':')[0]])
        .sort();
    expect(rowsOf('OFFLINE_SALE')).toEqual(
      [
        [world.sku(0), -3, 'offline-sale'],
        [world.sku(1), -1, 'offline-sale'],
        [world.sku(2), -2, 'offline-sale'],
      ].sort(),
    );
    expect(
      ledger.filter((m) => m.kind === 'OFFLINE_SALE').every((m) => m.idempotencyKey.startsWith(`offline-sale:${reconciliationId}:`)),
    ).toBe(true);
    expect(await world.prisma.discrepancy.count({ where: { reconciliationId, class: 'OFFLINE_SALE' } })).toBe(3);

    // Each correction's ledger row once: SKU 1's fixed within tolerance, SKU 2's approved.
    const drifts = await world.prisma.discrepancy.findMany({ where: { reconciliationId, class: 'STOCK_DRIFT' } });
    expect(drifts.map((d) => [d.productId === productIds[world.sku(1)] ? 1 : 2, d.delta, d.resolution]).sort()).toEqual(
      [
        [1, -1, 'AUTO_FIXED'],
        [2, 6, 'APPLIED'],
      ].sort(),
    );
    expect(rowsOf('RECONCILE')).toEqual(
      [
        [world.sku(1), -1, 'reconcile'],
        [world.sku(2), 6, 'reconcile'],
      ].sort(),
    );
    expect(
      ledger
        .filter((m) => m.kind === 'RECONCILE')
        .map((m) => m.idempotencyKey)
        .sort(),
    ).toEqual(drifts.map((d) => `reconcile:${d.id}`).sort());
    expect(ledger).toHaveLength(5);

    // On hand is what the journal and the counts say, and the ledger adds up to it.
    const expected: Record<string, number> = { [world.sku(0)]: 17, [world.sku(1)]: 18, [world.sku(2)]: 24, [world.sku(3)]: 20 };
    const levels = await world.prisma.inventoryLevel.findMany({
      where: { storeId: world.storeA },
      include: { product: { select: { sku: true } } },
    });
    for (const level of levels) {
      expect([level.product.sku, level.onHand]).toEqual([level.product.sku, expected[level.product.sku]]);
      const moved = ledger.filter((m) => m.product.sku === level.product.sku).reduce((sum, m) => sum + m.deltaOnHand, 0);
      expect([level.product.sku, 20 + moved]).toEqual([level.product.sku, level.onHand]);
    }

    // The measures are lifted and the corrected stock is on the marketplace, pushed and read back.
    expect(await world.prisma.store.findUniqueOrThrow({ where: { id: world.storeA } })).toMatchObject({
      pickupPaused: false,
      onlineHoldPercent: 0,
    });
    const publish = (await temporal.client.workflow.getHandle(`outage-publish:${outageId}`).result()) as {
      channels: { channelCode: string; outcome: string }[];
    };
    expect(publish.channels.find((c) => c.channelCode === channel.code)).toMatchObject({ outcome: 'SYNCED' });
    const shown = await channel.listings();
    const listings = await world.prisma.channelListing.findMany({
      where: { channelId: channel.channelId },
      include: { product: { select: { sku: true } } },
    });
    for (const sku of world.skus) {
      expect([sku, shown.get(sku)?.stock]).toEqual([sku, expected[sku]]);
      expect([sku, listings.find((l) => l.product.sku === sku)?.verifiedStock]).toEqual([sku, expected[sku]]);
    }
    const outage = await world.prisma.outage.findUniqueOrThrow({ where: { id: outageId } });
    expect(outage.status).toBe('RESOLVED');
    // Two worker starts, a 30 s activity timeout after the kill, the review and a publish: minutes on a loaded machine.
  }, 420_000);
});
