import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { buildWorkflowBundle, WorkerPool } from '../../chaos/worker-pool';
import { testConfig } from '../api/support/test-app';
import { testEnv } from '../support/env';
import { CuttableLink } from './support/cuttable-link';
import { OutageChannel } from './support/outage-channel';
import { OutagesWorld, type OutagesUserKey } from './support/outages-world';
import {
  activityRecord,
  driveKilledReconciliation,
  expectedOnHand,
  reconciliationKillSettings,
} from './support/reconciliation-kill-driver';

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
      ...reconciliationKillSettings(price),
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
    await pool.start();
  }, 240_000);
  afterAll(async () => {
    await pool.stop();
    await link.close();
    await temporal.close();
    await channel.tearDown();
    await world.tearDown();
  });

  it('resumes on a replacement worker with every sale and correction applied once', async () => {
    const run = await driveKilledReconciliation({ app, client: temporal.client, world, productIds, bearer: as, worker: pool, link });
    const { outageId, result } = run;
    const handle = temporal.client.workflow.getHandle(run.workflowId);
    // The proof each kill fell mid-apply: the activity's work is in the database, and the run never heard of it.
    expect(run.atJournalKill).toMatchObject({ scheduled: 1, completed: 0 });
    expect(run.unappliedAtJournalKill).toBe(0);
    expect(run.approvedDelta).toBe(6);
    expect(run.atCorrectionKill).toMatchObject({ scheduled: 1, completed: 0 });
    expect(run.recoveryMs).toHaveLength(2);

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
    const expected = expectedOnHand(world);
    expect(expected).toEqual({ [world.sku(0)]: 17, [world.sku(1)]: 18, [world.sku(2)]: 24, [world.sku(3)]: 20 });
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
