import { uuid4 } from '@temporalio/workflow';
import { db } from '../kit/activity-proxies';
import { type ReturnRun } from './return-run';

/** Used when a run was started before RETURN_HANDBACK_SLA_MS reached the input. */
const DEFAULT_HANDBACK_SLA_MS = 72 * 3600_000;

/**
 * A rejected return's item goes back to the customer: a RETURN_HANDBACK task in the receiving store's
 * queue (SLA, then the manager's queue), completed by the clerk who hands it over. Completing it records
 * who handed it back and when, and the run ends; nothing is refunded and no stock moves.
 */
export async function handBackReturn(run: ReturnRun): Promise<void> {
  const index = run.timeline.begin('HANDBACK');
  run.enter('HANDBACK');
  const taskId = uuid4();
  const slaMs = run.settings.handbackSlaMs ?? DEFAULT_HANDBACK_SLA_MS;
  await db.openTask({
    taskId,
    idempotencyKey: `return-handback:${run.returnId}`,
    type: 'RETURN_HANDBACK',
    queue: 'STORE',
    title: `Hand back the rejected return of order ${run.record.externalOrderId}`,
    storeCode: run.record.storeCode,
    workflowId: run.workflowId,
    dueAt: run.waits.dueIn(slaMs),
    payload: {
      returnId: run.returnId,
      orderId: run.record.orderId,
      lines: run.record.lines.map((line) => ({ returnLineId: line.returnLineId, sku: line.sku, quantity: line.quantity })),
    },
  });
  let handedBack = false;
  run.inbox.expect({
    taskId,
    type: 'RETURN_HANDBACK',
    handle: async ({ taskId: completed, actor, outcome, requestId }) => {
      await db.recordTaskCompletion({ taskId: completed, actor, outcome, requestId });
      await db.recordReturnHandback({ returnId: run.returnId, actor, note: outcome.note ?? null, workflowId: run.workflowId });
      handedBack = true;
      run.inbox.close();
      run.timeline.end(index, `Handed back to the customer${outcome.note ? ` (${outcome.note})` : ''}`, actor.label);
      return { taskId: completed, completed: true, taskStatus: 'DONE', message: 'Hand-back recorded' };
    },
  });
  await run.waits.waitWithEscalation(() => handedBack, {
    slaMs,
    onSlaMissed: () => Promise.resolve(run.timeline.note('HANDBACK_OVERDUE', 'The item has not been handed back within its SLA')),
    escalationDelayMs: slaMs,
    onEscalated: async () => {
      await db.escalateTask({ taskId });
      run.timeline.note('HANDBACK_ESCALATED', 'Moved to the store manager');
    },
  });
}
