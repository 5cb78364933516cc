import { type Client, type WorkflowHandle } from '@temporalio/client';
import { type Express } from 'express';
import request from 'supertest';
import { outageTimelineQuery } from '../../../domain/outages/outage-messages';
import { eventually } from '../../support/eventually';
import { type CuttableLink } from './cuttable-link';
import { type OutagesWorld, type OutagesUserKey } from './outages-world';
import { holdInventoryLevelLock, type HeldRowLock } from './row-lock';

/** The one worker process of the run, reaching Temporal only through `link`: SIGKILL it, start a replacement. */
export interface KillableWorker {
  kill(): Promise<void>;
  start(): Promise<void>;
}

/** What a run's history says about one activity: how often it was scheduled, completed, and each attempt that ran. */
export interface ActivityRecord {
  scheduled: number;
  completed: number;
  attempts: number[];
}

export async function activityRecord(handle: WorkflowHandle, activityType: string): Promise<ActivityRecord> {
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

/** The API settings the run needs: SKU 1's drift within tolerance, SKU 2's beyond it, no read-back delay. */
export function reconciliationKillSettings(unitPriceMinor: number): Record<string, string> {
  return {
    OUTAGE_STORE_HOLD_PERCENT: '50',
    RECONCILIATION_TOLERANCE_UNITS: '2',
    RECONCILIATION_TOLERANCE_VALUE_MINOR: String(2 * unitPriceMinor),
    RECONCILIATION_FOUR_EYES_ABOVE_MINOR: String(100 * unitPriceMinor),
    OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
  };
}

/** The offline sales the run posts, per SKU index (3 of SKU 0, 1 of SKU 1, 2 of SKU 2), and the counts (SKU 1: 18, SKU 2: 24). */
export const OFFLINE_SOLD: Record<number, number> = { 0: 3, 1: 1, 2: 2 };
export const COUNTED: Record<number, number> = { 1: 18, 2: 24 };
/** Store A's start: 20 of each SKU (test/outages/support/outages-world.ts). */
const START_ON_HAND = 20;
/**
 * With `doubleSale`: the journal also sells 21 of SKU 3 (receipt K-4), one more than store A has, so 20 are
 * applied and 1 is a double sale, fulfilled from store B (which is given DOUBLE_SALE_STORE_B_ON_HAND of SKU 3):
 * store A's SKU 3 ends at 0 (the unit sold twice leaves, the transfer's comes in), store B's one lower.
 */
export const DOUBLE_SALE_SKU = 3;
export const DOUBLE_SALE_SOLD = 21;
export const DOUBLE_SALE_STORE_B_ON_HAND = 5;

/** On hand after the run, per SKU of a world of `skuCount` SKUs: the count where counted, else the start less the journal. */
export function expectedOnHand(world: OutagesWorld, doubleSale = false): Record<string, number> {
  return Object.fromEntries(
    world.skus.map((sku, index) => [
      sku,
      doubleSale && index === DOUBLE_SALE_SKU ? 0 : (COUNTED[index] ?? START_ON_HAND - (OFFLINE_SOLD[index] ?? 0)),
    ]),
  );
}

export interface KilledReconciliationRun {
  outageId: string;
  workflowId: string;
  /** The history of each activity at its kill: scheduled once, completed never is the kill mid-apply. */
  atJournalKill: ActivityRecord;
  /** With `moreKills`: the stock diff's kill, after its auto-fix committed. */
  atDiffKill?: ActivityRecord;
  atCorrectionKill: ActivityRecord;
  /** With `doubleSale`: the double sale (SKU 3, one unit) fulfilled from store B. */
  doubleSaleId?: string;
  /** Offline sales not stamped applied at the journal kill: 0 is the journal committed before the kill. */
  unappliedAtJournalKill: number;
  /** The drift head office approved (SKU 2, +6). */
  approvedDiscrepancyId: string;
  approvedDelta: number;
  /** From each kill until the replacement's repeat of the activity completed (ms). */
  recoveryMs: number[];
  result: { status: string; reconciliation: { offlineSalesApplied: number; linesApplied: number } };
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/**
 * One store outage whose worker dies (SIGKILL) twice in its reconciliation, each time at the worst moment:
 * an applying transaction has committed and Temporal has not heard of it, first the one applying the
 * offline journal, then the one writing the correction head office approved. A stock row the transaction
 * needs is held (it waits on it, mid-transaction), the worker is cut off from Temporal (`link`), the row
 * released, and the worker killed once the transaction's ledger rows are in. Each replacement repeats the
 * activity after its start-to-close timeout. Drives the outage to its end (store A of `world`, SKUs 0-3 in
 * `productIds`) and answers what it saw; the caller counts the effects. Used by
 * test/outages/reconciliation-worker-kill.test.ts and the chaos row chaos/outage-reconciliation-kill.ts.
 */
export async function driveKilledReconciliation(options: {
  app: Express;
  client: Client;
  world: OutagesWorld;
  productIds: Record<string, string>;
  bearer: (key: OutagesUserKey) => string;
  worker: KillableWorker;
  link: CuttableLink;
  /**
   * More kill points (the chaos row; the jest test keeps the two for its time budget): a third kill after
   * `diffOutageStock`'s auto-fix committed (SKU 1's -1), and a double sale (`DOUBLE_SALE_SKU`) decided
   * FULFIL_FROM_STORE before the drift's approval, so the correction kill lands after the commit of the
   * transaction that also wrote its `double-sale:<id>:*` rows.
   */
  moreKills?: boolean;
}): Promise<KilledReconciliationRun> {
  const { app, client, world, productIds, bearer: as, worker, link } = options;
  const moreKills = options.moreKills === true;
  const price = world.unitPriceMinor;
  const declared = await request(app)
    .post('/api/outages')
    .set('Authorization', as('managerA'))
    .send({ kind: 'STORE', storeId: world.storeA, cause: 'the till lost its connection' });
  check(declared.status === 201, `outage refused: ${declared.status} ${JSON.stringify(declared.body)}`);
  const { id: outageId, workflowId } = (declared.body as { outage: { id: string; workflowId: string } }).outage;
  const handle = client.workflow.getHandle(workflowId);
  // A query the worker does not answer in time is asked again, not a failure.
  const step = () =>
    handle.query(outageTimelineQuery).then(
      (t) => t.currentStep,
      () => null,
    );
  const waiting = await eventually(step, (current) => current === 'WAITING_FOR_RECOVERY', 60_000);
  check(waiting === 'WAITING_FOR_RECOVERY', `outage ${outageId} at ${waiting}, not WAITING_FOR_RECOVERY`);

  // The store counts SKUs 1 and 2: SKU 1 one unit short of the journal (within tolerance), SKU 2 six over (beyond it).
  const counted = await request(app)
    .post(`/api/stores/${world.storeA}/stock-counts`)
    .set('Authorization', as('managerA'))
    .send({ skus: [world.sku(1), world.sku(2)] });
  check(counted.status === 201, `stock count refused: ${counted.status}`);
  const countTask = counted.body as { id: string };
  const done = await eventually(
    () =>
      request(app)
        .post(`/api/tasks/${countTask.id}/complete`)
        .set('Authorization', as('clerkA'))
        .send({ counts: Object.entries(COUNTED).map(([index, units]) => ({ sku: world.sku(Number(index)), counted: units })) }),
    (res) => res.status !== 409,
    60_000,
  );
  check(done.status === 200, `count task completion answered ${done.status}`);

  // Store B has units of the double sale's SKU to fulfil it from.
  if (moreKills)
    await world.prisma.inventoryLevel.create({
      data: { storeId: world.storeB, productId: productIds[world.sku(DOUBLE_SALE_SKU)] ?? '', onHand: DOUBLE_SALE_STORE_B_ON_HAND },
    });
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
        ...(moreKills ? [sale('K-4', [[DOUBLE_SALE_SKU, DOUBLE_SALE_SOLD]])] : []),
      ],
    });
  const posted = journal.body as { created?: number; errors?: number };
  const receipts = moreKills ? 4 : 3;
  check(posted.created === receipts && posted.errors === 0, `journal answered ${journal.status} ${JSON.stringify(journal.body)}`);

  const recoveryMs: number[] = [];
  // Ends the background watches of a run that fails before its repeats completed.
  let over = false;
  let lock: HeldRowLock | null = null;
  /**
   * Lands a SIGKILL between an applying activity's commit and Temporal hearing of it: `sku`'s stock row is
   * held, `trigger` sets the run going, and once the activity's transaction waits on the row (its statement
   * found by `opening`: pg_stat_activity keeps only a query's first 1024 bytes) the worker is cut off from
   * Temporal, the row released and, when `committed` sees the rows, the worker killed. Answers what the
   * run's history said of the activity at the kill; then a replacement worker starts, and the time until
   * its repeat of the activity completed is measured in the background.
   */
  const killAfterCommit = async (kill: {
    sku: string;
    opening: string;
    activityType: string;
    trigger: () => Promise<void>;
    committed: () => Promise<boolean>;
  }) => {
    lock = await holdInventoryLevelLock(world.prisma, world.storeA, productIds[kill.sku] ?? '');
    const holder = lock.pid;
    await kill.trigger();
    const blocked = await eventually(
      () =>
        world.prisma.$queryRaw<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid)) AND query LIKE ${`%${kill.opening}%`}`,
      (rows) => rows.length === 1,
      90_000,
    );
    check(blocked.length === 1, `${kill.activityType}: ${blocked.length} transactions waiting on the held row, not 1`);
    link.sever();
    await lock.release();
    lock = null;
    check(await eventually(kill.committed, (committed) => committed, 60_000, 20), `${kill.activityType}: its rows never committed`);
    await worker.kill();
    const killedAt = Date.now();
    const atKill = await activityRecord(handle, kill.activityType);
    link.restore();
    await worker.start();
    const repeated = eventually(
      () => activityRecord(handle, kill.activityType),
      (record) => over || record.completed > 0,
      24 * 3600_000,
      250,
    ).then(
      (record) => {
        if (record.completed > 0) recoveryMs.push(Date.now() - killedAt);
      },
      () => undefined,
    );
    return { atKill, repeated };
  };

  try {
    // Kill 1: the journal applied (SKU 0's row held), the run not told.
    const journalKill = await killAfterCommit({
      sku: world.sku(0),
      opening: 'JOIN offline_sale_lines',
      activityType: 'reconcileOutage',
      trigger: async () => {
        const ended = await request(app)
          .post(`/api/outages/${outageId}/end`)
          .set('Authorization', as('managerA'))
          .send({ reason: 'the connection is back' });
        check(ended.status === 202, `ending the outage answered ${ended.status}`);
      },
      committed: async () =>
        (await world.prisma.inventoryMovement.count({
          where: { storeId: world.storeA, kind: 'OFFLINE_SALE', idempotencyKey: { startsWith: 'offline-sale:' } },
        })) === receipts,
    });
    // Kill 1b: the stock diff's auto-fix of SKU 1 (-1, within tolerance) committed (SKU 1's row held), the run not told.
    const diffKill = moreKills
      ? await killAfterCommit({
          sku: world.sku(1),
          opening: 'WITH counts AS',
          activityType: 'diffOutageStock',
          // The replacement repeats reconcileOutage (it finds its summary and touches no stock row), then diffs.
          trigger: () => Promise.resolve(),
          committed: async () =>
            (await world.prisma.inventoryMovement.count({
              where: { storeId: world.storeA, kind: 'RECONCILE', productId: productIds[world.sku(1)] ?? '' },
            })) === 1,
        })
      : undefined;
    const unappliedAtJournalKill = await world.prisma.offlineSale.count({ where: { storeId: world.storeA, appliedToStockAt: null } });

    // The replacement repeats the reconciliation, diffs the counts and waits for head office on SKU 2.
    const reviewing = await eventually(step, (current) => current === 'REVIEWING', 120_000, 500);
    check(reviewing === 'REVIEWING', `outage ${outageId} at ${reviewing} after the journal kill, not REVIEWING`);
    await journalKill.repeated;
    await diffKill?.repeated;
    const review = await eventually(
      () => world.prisma.task.findFirst({ where: { workflowId, type: 'RECONCILIATION_REVIEW', status: 'OPEN' } }),
      (task) => task !== null,
      60_000,
    );
    check(review !== null, `outage ${outageId}: no open reconciliation review`);
    const beyond = await world.prisma.discrepancy.findFirstOrThrow({
      where: { class: 'STOCK_DRIFT', resolution: 'PENDING', reconciliation: { outageId }, productId: productIds[world.sku(2)] },
    });

    // The double sale decided first (the review settles only with the drift's approval, below).
    const doubleSale = moreKills
      ? await world.prisma.discrepancy.findFirstOrThrow({
          where: { class: 'DOUBLE_SALE', reconciliation: { outageId }, productId: productIds[world.sku(DOUBLE_SALE_SKU)] },
        })
      : undefined;
    if (doubleSale !== undefined) {
      const decided = await request(app)
        .post(`/api/discrepancies/${doubleSale.id}/decision`)
        .set('Authorization', as('opsLead'))
        .send({ decision: 'FULFIL_FROM_STORE', storeId: world.storeB });
      check(decided.status === 200, `the double sale's decision answered ${decided.status} ${JSON.stringify(decided.body)}`);
    }
    // Kill 2: the approved correction (and the double sale's transfer) written (SKU 2's row held), the run not told.
    const correctionKill = await killAfterCommit({
      sku: world.sku(2),
      opening: 'WITH approved AS',
      activityType: 'applyOutageCorrections',
      trigger: async () => {
        const approved = await request(app)
          .post(`/api/discrepancies/${beyond.id}/decision`)
          .set('Authorization', as('opsLead'))
          .send({ decision: 'APPROVE', reason: 'a delivery was shelved during the outage' });
        const review = (approved.body as { review?: { pending: number; settled: boolean } }).review;
        check(review?.pending === 0 && review.settled, `approval answered ${approved.status} ${JSON.stringify(approved.body)}`);
      },
      committed: async () =>
        (await world.prisma.inventoryMovement.count({ where: { idempotencyKey: `reconcile:${beyond.id}` } })) === 1 &&
        (doubleSale === undefined ||
          (await world.prisma.inventoryMovement.count({ where: { idempotencyKey: { startsWith: `double-sale:${doubleSale.id}:` } } })) ===
            3),
    });
    const result = (await handle.result()) as KilledReconciliationRun['result'];
    await correctionKill.repeated;
    return {
      outageId,
      workflowId,
      atJournalKill: journalKill.atKill,
      ...(diffKill !== undefined && { atDiffKill: diffKill.atKill }),
      atCorrectionKill: correctionKill.atKill,
      ...(doubleSale !== undefined && { doubleSaleId: doubleSale.id }),
      unappliedAtJournalKill,
      approvedDiscrepancyId: beyond.id,
      approvedDelta: beyond.delta,
      recoveryMs,
      result,
    };
  } finally {
    over = true;
    link.restore();
    await (lock as HeldRowLock | null)?.release();
  }
}
