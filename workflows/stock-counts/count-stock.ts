import {
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { stockCountTimelineQuery } from '../../domain/stock-counts/stock-count-messages';
import {
  type CountStockInput,
  type CountStockResult,
  type RecordedCountLine,
  type StockCountOutcome,
  type StockCountTimeline,
} from '../../domain/stock-counts/stock-count-workflow';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { db } from '../kit/activity-proxies';
import { Compensations } from '../kit/saga';
import { ShownSearchAttributes } from '../kit/shown-search-attributes';
import { TaskInbox } from '../kit/task-inbox';
import { TaskWaits, type ClosedTaskStatus } from '../kit/task-waits';
import { TimelineRecorder } from '../kit/timeline-recorder';
import { settleCountLines, type Resolved } from './settle-count-lines';

/** Every SKU of the task exactly once (the API checks it too; the run is the last word). */
function throwIfCountsDoNotMatch(input: CountStockInput, outcome: StockCountOutcome): void {
  const asked = input.skus.map((s) => s.sku).sort();
  const counted = outcome.counts.map((c) => c.sku).sort();
  if (asked.length !== counted.length || asked.some((sku, i) => sku !== counted[i]))
    throw ApplicationFailure.create({ type: 'INVALID_DATA', message: 'Count every SKU of this task exactly once' });
}

/**
 * A cycle count of some SKUs of a store outside an outage (docs/stock-counts.md): the STOCK_COUNT task on the
 * store's queue (written by the API with the count; the run adopts it and gives it its due time), the count
 * recorded with on hand as it was at that moment, then every difference settled (settle-count-lines.ts).
 * Late by the SLA: the task moves to the manager queue; late by the expiry as well: EXPIRED, nothing changed.
 */
export async function countStock(input: CountStockInput): Promise<CountStockResult> {
  const { workflowId } = workflowInfo();
  const { taskId, settings } = input;
  const timeline = new TimelineRecorder();
  const inbox = new TaskInbox<StockCountOutcome>();
  const compensations = new Compensations<{ status: ClosedTaskStatus }>();
  const shown = new ShownSearchAttributes([searchAttributes.currentStep]);
  let step = 'COUNTING';
  const enter = (next: string) => {
    step = next;
    shown.show([{ key: searchAttributes.currentStep, value: next }]);
  };
  let lines: RecordedCountLine[] | null = null;
  let countedBy: string | null = null;
  const resolved: Resolved = new Map();
  const waits = new TaskWaits({ workflowId, inbox, compensations, interrupted: () => false, closedTaskStatus: (c) => c.status });
  const view = (): StockCountTimeline => ({
    currentStep: step,
    openTask: inbox.openTask,
    entries: timeline.snapshot(),
    lines: (lines ?? []).map((l) => ({
      sku: l.sku,
      counted: l.counted,
      systemOnHand: l.systemOnHand,
      delta: l.delta,
      resolution: resolved.get(l.lineId) ?? null,
    })),
  });
  const result = (status: CountStockResult['status']): CountStockResult => ({
    status,
    lines: (lines ?? []).map((l) => ({ sku: l.sku, delta: l.delta, resolution: resolved.get(l.lineId) ?? 'FAILED' })),
  });

  inbox.install();
  setHandler(stockCountTimelineQuery, view);
  inbox.expect({
    taskId,
    type: 'STOCK_COUNT',
    validate: ({ outcome }) => throwIfCountsDoNotMatch(input, outcome),
    handle: async ({ outcome, actor, requestId }) => {
      // Recorded inside the Update: on hand is read as the clerk sends the count, not when the run gets to it.
      lines = await db.recordStockCount({ stockCountId: input.stockCountId, taskId, actor, outcome, requestId });
      countedBy = actor.label;
      return { taskId, completed: true, taskStatus: 'DONE', message: `${outcome.counts.length} SKUs counted` };
    },
  });

  const closeUnfinished = async (status: 'EXPIRED' | 'CANCELLED') => {
    inbox.close();
    await compensations.runAll({ status });
    await db.settleStockCount({ stockCountId: input.stockCountId, status, lines: [] });
    enter(status);
  };

  try {
    await db.openTask({
      taskId,
      idempotencyKey: `stock-count:${input.stockCountId}`,
      type: 'STOCK_COUNT',
      queue: 'STORE',
      title: `Count ${input.skus.length} SKU${input.skus.length === 1 ? '' : 's'} on the shelf`,
      storeCode: input.storeCode,
      workflowId,
      dueAt: waits.dueIn(settings.slaMs),
      payload: { storeId: input.storeId, stockCountId: input.stockCountId, skus: input.skus },
    });
    waits.closeTasksOnUndo();
    const counting = timeline.begin('COUNT', input.requestedBy.label);
    const counted = () => lines !== null;
    if (!(await waits.waitFor(counted, settings.slaMs))) {
      await db.escalateTask({ taskId });
      timeline.note('COUNT_ESCALATED', 'Not counted in time: moved to the manager queue');
      await waits.waitFor(counted, settings.expireAfterEscalationMs);
    }
    await condition(() => !inbox.isApplying);
    if (lines === null) {
      timeline.end(counting, 'Not counted: expired');
      await closeUnfinished('EXPIRED');
      return result('EXPIRED');
    }
    inbox.close();
    const recorded: RecordedCountLine[] = lines;
    const differing = recorded.filter((l) => l.delta !== 0).length;
    timeline.end(counting, `${recorded.length} SKUs counted, ${differing} differ`, countedBy);

    enter('ADJUSTING');
    const adjusting = timeline.begin('ADJUST');
    await settleCountLines(input, workflowId, recorded, resolved, (count) => {
      enter('AWAITING_APPROVAL');
      timeline.note('APPROVAL_REQUESTED', `${count} beyond the tolerance: a second person approves`);
    });
    const tally = (r: string) => [...resolved.values()].filter((v) => v === r).length;
    timeline.end(
      adjusting,
      `${tally('ADJUSTED')} adjusted, ${tally('APPROVED')} approved, ${tally('REJECTED')} rejected, ${tally('MATCHED')} matched`,
    );
    await db.settleStockCount({
      stockCountId: input.stockCountId,
      status: 'DONE',
      lines: [...resolved.entries()].filter(([, r]) => r !== 'ADJUSTED').map(([lineId, resolution]) => ({ lineId, resolution })),
    });
    enter('DONE');
    await condition(allHandlersFinished);
    return result('DONE');
  } catch (error) {
    if (!isCancellation(error)) throw error;
    await CancellationScope.nonCancellable(() => closeUnfinished('CANCELLED'));
    throw error;
  }
}
