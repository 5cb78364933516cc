import { type Client } from '@temporalio/client';
import { type Express } from 'express';
import request from 'supertest';
import { stockAdjustmentWorkflowId } from '../domain/stock-adjustments/stock-adjustment-rules';
import { type AdjustStockWithApprovalResult } from '../domain/stock-adjustments/stock-adjustment-workflow';
import { type ApprovalsUserKey, type ApprovalsWorld } from '../test/approvals/support/approvals-world';
import { type CuttableLink } from '../test/outages/support/cuttable-link';
import { activityRecord, type ActivityRecord } from '../test/outages/support/reconciliation-kill-driver';
import { holdInventoryLevelLock, type HeldRowLock } from '../test/outages/support/row-lock';
import { eventually } from '../test/support/eventually';

/** The one worker process of the run, reaching Temporal only through `link`: SIGKILL it, start a replacement. */
export interface KillableWorker {
  kill(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Where in the apply step the worker dies: `after-commit`, the ledger row committed and Temporal not told
 * (the worker cut off from it first), or `before-commit`, while the apply statement still waits on the
 * stock row (it commits, or not, without its worker).
 */
export type AdjustmentKillPoint = 'after-commit' | 'before-commit';

export interface KilledAdjustmentRun {
  adjustmentId: string;
  delta: number;
  approved: boolean;
  killPoint: AdjustmentKillPoint;
  /** The run's history of adjustStock at the kill: scheduled once and completed never is a kill inside the apply. */
  atKill: ActivityRecord;
  /** Ledger rows of the adjustment at the kill (1 after the commit, 0 before it). */
  ledgerRowsAtKill: number;
  result?: AdjustStockWithApprovalResult;
  killedAt: number;
  /** When the replacement's repeat of adjustStock completed. */
  recoveredAt?: number;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The apply statement of a one-line stock change (activities/inventory/single-line-statement.ts) opens with this. */
const APPLY_STATEMENT_OPENING = 'WITH target AS';

/**
 * One stock adjustment of `delta` at the world's store A, requested by its manager through the API and, when
 * above the thresholds, approved by the second manager (four-eyes), whose worker is SIGKILLed inside the
 * apply step (`adjustStock`): the SKU's stock row is held so the apply statement waits on it mid-transaction,
 * then the worker dies at `killPoint` and a replacement starts; the run is awaited to its end. Answers what
 * it saw; the caller counts the ledger.
 */
export async function driveKilledAdjustment(options: {
  app: Express;
  client: Client;
  world: ApprovalsWorld;
  productId: string;
  bearer: (key: ApprovalsUserKey) => string;
  worker: KillableWorker;
  link: CuttableLink;
  delta: number;
  killPoint: AdjustmentKillPoint;
}): Promise<KilledAdjustmentRun> {
  const { app, client, world, bearer: as, worker, link } = options;
  let lock: HeldRowLock | null = await holdInventoryLevelLock(world.prisma, world.storeA, options.productId);
  try {
    const created = await request(app)
      .post('/api/stock-adjustments')
      .set('Authorization', as('managerA'))
      .send({ storeId: world.storeA, sku: world.sku, delta: options.delta, reason: 'chaos: counted after a delivery' });
    check(created.status === 201, `adjustment refused: ${created.status} ${JSON.stringify(created.body)}`);
    const { id } = created.body as { id: string };
    const handle = client.workflow.getHandle(stockAdjustmentWorkflowId(id));

    const pending = await eventually(
      async () => {
        const [approval, adjustment] = await Promise.all([
          world.prisma.approvalRequest.findFirst({ where: { subjectId: id, status: 'PENDING' } }),
          world.prisma.stockAdjustment.findUniqueOrThrow({ where: { id } }),
        ]);
        return { approval, status: adjustment.status };
      },
      (seen) => seen.approval !== null || seen.status === 'APPROVED',
      60_000,
    );
    const approved = pending.approval !== null;
    if (pending.approval !== null) {
      const decided = await request(app)
        .post(`/api/approvals/${pending.approval.id}/approve`)
        .set('Authorization', as('managerA2'))
        .send({});
      check(decided.status === 200, `approval refused: ${decided.status} ${JSON.stringify(decided.body)}`);
    } else check(pending.status === 'APPROVED', `adjustment ${id} at ${pending.status}, neither approved nor awaiting approval`);

    const holder = lock.pid;
    const blocked = await eventually(
      () =>
        world.prisma.$queryRaw<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid)) AND query LIKE ${`%${APPLY_STATEMENT_OPENING}%`}`,
      (rows) => rows.length === 1,
      90_000,
    );
    check(blocked.length === 1, `adjustment ${id}: ${blocked.length} apply statements waiting on the held row, not 1`);
    const ledgerRows = () => world.prisma.inventoryMovement.count({ where: { idempotencyKey: { startsWith: `stock-adjustment:${id}` } } });
    if (options.killPoint === 'after-commit') {
      link.sever();
      await lock.release();
      lock = null;
      check(await eventually(ledgerRows, (rows) => rows > 0, 60_000, 20).then((rows) => rows > 0), `adjustment ${id}: never committed`);
    }
    await worker.kill();
    const killedAt = Date.now();
    const ledgerRowsAtKill = await ledgerRows();
    const atKill = await activityRecord(handle, 'adjustStock');
    link.restore();
    await lock?.release();
    lock = null;
    await worker.start();

    const result = (await handle.result()) as AdjustStockWithApprovalResult;
    const repeated = await activityRecord(handle, 'adjustStock');
    // The history has it; its completion time is when the replacement's repeat was done.
    const completedAt = repeated.completed > 0 ? await completionTime(handle) : undefined;
    return {
      adjustmentId: id,
      delta: options.delta,
      approved,
      killPoint: options.killPoint,
      atKill,
      ledgerRowsAtKill,
      result,
      killedAt,
      ...(completedAt !== undefined && { recoveredAt: completedAt }),
    };
  } finally {
    link.restore();
    await lock?.release();
  }
}

/** When the run's adjustStock completed (its history's event time). */
async function completionTime(handle: ReturnType<Client['workflow']['getHandle']>): Promise<number | undefined> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'adjustStock');
  const completed = events.find(
    (e) => String(e.activityTaskCompletedEventAttributes?.scheduledEventId ?? '') === String(scheduled?.eventId ?? '-'),
  );
  const time = completed?.eventTime;
  if (!time) return undefined;
  return Number(String(time.seconds ?? 0)) * 1000 + Math.floor((time.nanos ?? 0) / 1e6);
}
