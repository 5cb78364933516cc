import { type Client } from '@temporalio/client';
import { type Express } from 'express';
import request from 'supertest';
import { stockCountWorkflowId } from '../domain/stock-counts/stock-count-rules';
import { type CountStockResult } from '../domain/stock-counts/stock-count-workflow';
import { activityRecord, type ActivityRecord } from '../test/outages/support/reconciliation-kill-driver';
import { eventually } from '../test/support/eventually';
import { type StockCountUserKey, type StockCountWorld } from '../test/stock-counts/support/stock-count-world';
import { holdCountLines, type HeldCountLines } from './count-lines-lock';
import { type KillableWorker } from './stock-adjustment-kill-driver';

/**
 * Where in the correction step (`adjustStockCountLine`, one activity per line within the tolerance, all at
 * once) the worker dies: `none-committed`, every line's apply statement waiting on its held stock row;
 * `some-committed`, the first line's waiting there, the others' ledger rows committed; `all-committed`,
 * every ledger row committed. In all three the lines are held, so no correction has told Temporal.
 */
export type CountKillPoint = 'none-committed' | 'some-committed' | 'all-committed';

/** A line of the count as driven: the world's SKU index and the difference the clerk counts. */
export interface PlannedLine {
  index: number;
  delta: number;
}

export interface KilledCountRun {
  stockCountId: string;
  workflowId: string;
  taskId: string;
  killPoint: CountKillPoint;
  planned: PlannedLine[];
  /** On hand of each planned SKU just before the count was sent (nothing else moves it during the run). */
  onHandBefore: Map<number, number>;
  /** adjustStockCountLine in the run's history at the kill: scheduled per auto line, completed none. */
  atKill: ActivityRecord;
  /** The count's `stock-count:<countId>:*` ledger rows at the kill. */
  ledgerRowsAtKill: number;
  /** Auto lines whose ledger row should have been in at the kill for the kill point. */
  expectedRowsAtKill: number;
  /** The stock adjustment of the line beyond the tolerance, approved by the second manager. */
  adjustmentId?: string;
  result?: CountStockResult;
  killedAt: number;
  /** When the replacement's last repeat of adjustStockCountLine completed (its history's event time). */
  recoveredAt?: number;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The apply statement of a one-line stock change (activities/inventory/single-line-statement.ts) opens with this. */
const APPLY_STATEMENT_OPENING = 'WITH target AS';

/**
 * One stock count at the world's store A through the API: the clerk asks for it, counts every planned SKU at
 * on hand + its delta, and, as the completion commits the lines, they (and, for the kill point, the stock rows
 * of some lines within the tolerance) are held; once the corrections wait there the worker is SIGKILLed, the
 * holds released and a replacement started. A line beyond the tolerance is approved by the second manager
 * (never the clerk who counted); the run is awaited to its end. Answers what it saw; the caller counts.
 */
export async function driveKilledCount(options: {
  app: Express;
  client: Client;
  world: StockCountWorld;
  bearer: (key: StockCountUserKey) => string;
  worker: KillableWorker;
  killPoint: CountKillPoint;
  planned: PlannedLine[];
  /** Within this many units a difference is corrected at once (STOCK_COUNT_TOLERANCE_UNITS). */
  toleranceUnits: number;
}): Promise<KilledCountRun> {
  const { app, client, world, bearer: as, worker, killPoint, planned } = options;
  const autoLines = planned.filter((line) => line.delta !== 0 && Math.abs(line.delta) <= options.toleranceUnits);
  check(autoLines.length >= 2, 'a killed count needs two lines within the tolerance at least');
  const asked = await request(app)
    .post(`/api/stores/${world.storeA}/stock-counts`)
    .set('Authorization', as('managerA'))
    .send({ skus: planned.map((line) => world.sku(line.index)) });
  check(asked.status === 201, `count refused: ${asked.status} ${JSON.stringify(asked.body)}`);
  const task = asked.body as { id: string; workflowId: string; payload: { stockCountId: string } };
  const stockCountId = task.payload.stockCountId;
  check(task.workflowId === stockCountWorkflowId(stockCountId), `count ${stockCountId}: run ${task.workflowId}`);
  const handle = client.workflow.getHandle(task.workflowId);
  // The run adopts the task before it takes completions.
  await eventually(
    () => world.prisma.workflowStart.findUnique({ where: { workflowId: task.workflowId } }),
    (start) => start?.status === 'STARTED',
    60_000,
  );

  const onHandBefore = new Map<number, number>();
  for (const line of planned) onHandBefore.set(line.index, await world.onHandA(line.index));
  const productIdOf = new Map<string, number>();
  for (const line of planned)
    productIdOf.set((await world.prisma.product.findUniqueOrThrow({ where: { sku: world.sku(line.index) } })).id, line.index);
  const heldIndexes = new Set(
    killPoint === 'none-committed' ? autoLines.map((l) => l.index) : killPoint === 'some-committed' ? [autoLines[0]?.index] : [],
  );
  let lock: HeldCountLines | null = null;
  try {
    const holding = holdCountLines(world.prisma, stockCountId, (lines) =>
      lines.map((l) => l.productId).filter((id) => heldIndexes.has(productIdOf.get(id) ?? -1)),
    );
    // Awaited below; a timeout while the completion is still in flight must not crash the suite meanwhile.
    holding.catch(() => undefined);
    const completed = await request(app)
      .post(`/api/tasks/${task.id}/complete`)
      .set('Authorization', as('clerkA'))
      .send({ counts: planned.map((line) => ({ sku: world.sku(line.index), counted: (onHandBefore.get(line.index) ?? 0) + line.delta })) });
    lock = await holding;
    check(completed.status === 200, `completion refused: ${completed.status} ${JSON.stringify(completed.body)}`);

    const ledgerRows = () =>
      world.prisma.inventoryMovement.count({ where: { idempotencyKey: { startsWith: `stock-count:${stockCountId}:` } } });
    const expectedRowsAtKill = autoLines.length - heldIndexes.size;
    const holder = lock.pid;
    // In position: every held line's apply statement waits on its stock row, every other one's ledger row is in
    // and its ADJUSTED mark waits on the line.
    const position = await eventually(
      async () => {
        const [waiting] = await world.prisma.$queryRaw<[{ applies: number; marks: number }]>`
          SELECT count(*) FILTER (WHERE query LIKE ${`%${APPLY_STATEMENT_OPENING}%`})::int AS applies,
                 count(*) FILTER (WHERE query LIKE '%stock_count_lines%')::int AS marks
            FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid))`;
        return { ...waiting, rows: await ledgerRows() };
      },
      (seen) => seen.applies === heldIndexes.size && seen.marks === expectedRowsAtKill && seen.rows === expectedRowsAtKill,
      60_000,
      20,
    );
    check(
      position.applies === heldIndexes.size && position.rows === expectedRowsAtKill,
      `count ${stockCountId}: never in position for ${killPoint} (${position.applies} applies and ${position.marks} marks waiting, ${position.rows} ledger rows)`,
    );
    await worker.kill();
    const killedAt = Date.now();
    const ledgerRowsAtKill = await ledgerRows();
    const atKill = await activityRecord(handle, 'adjustStockCountLine');
    await lock.release();
    lock = null;
    await worker.start();

    let adjustmentId: string | undefined;
    if (planned.some((line) => Math.abs(line.delta) > options.toleranceUnits)) {
      const line = await eventually(
        () => world.prisma.stockCountLine.findFirst({ where: { stockCountId, stockAdjustmentId: { not: null } } }),
        (row) => row !== null,
        120_000,
      );
      adjustmentId = line?.stockAdjustmentId ?? undefined;
      check(adjustmentId !== undefined, `count ${stockCountId}: no stock adjustment for the line beyond the tolerance`);
      const approval = await eventually(
        () => world.prisma.approvalRequest.findFirst({ where: { subjectId: adjustmentId, status: 'PENDING' } }),
        (row) => row !== null,
        60_000,
      );
      check(approval !== null, `adjustment ${adjustmentId}: no approval requested`);
      const decided = await request(app).post(`/api/approvals/${approval?.id}/approve`).set('Authorization', as('managerA2')).send({});
      check(decided.status === 200, `approval refused: ${decided.status} ${JSON.stringify(decided.body)}`);
    }
    const result = (await handle.result()) as CountStockResult;
    const recoveredAt = await lastCompletionTime(handle, 'adjustStockCountLine');
    return {
      stockCountId,
      workflowId: task.workflowId,
      taskId: task.id,
      killPoint,
      planned,
      onHandBefore,
      atKill,
      ledgerRowsAtKill,
      expectedRowsAtKill,
      ...(adjustmentId !== undefined && { adjustmentId }),
      result,
      killedAt,
      ...(recoveredAt !== undefined && { recoveredAt }),
    };
  } finally {
    await lock?.release();
  }
}

/** When the run's last activity of `activityType` completed (its history's event time). */
async function lastCompletionTime(handle: ReturnType<Client['workflow']['getHandle']>, activityType: string): Promise<number | undefined> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Set(
    events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activityType).map((e) => String(e.eventId)),
  );
  const times = events
    .filter((e) => scheduled.has(String(e.activityTaskCompletedEventAttributes?.scheduledEventId ?? '-')))
    .map((e) => Number(String(e.eventTime?.seconds ?? 0)) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6));
  return times.length === 0 ? undefined : Math.max(...times);
}
