import { ApplicationFailure, uuid4 } from '@temporalio/workflow';
import { type InspectionOutcome } from '../../domain/returns/return-workflow';
import { TASK_NOT_CURRENT } from '../../domain/workflow-kit/task-messages';
import { db } from '../kit/activity-proxies';
import { type ReturnRun } from './return-run';

/**
 * The RETURN_INSPECTION task at the receiving store: a grade and a disposition for every line, with an
 * SLA (the store is reminded on the timeline) and an escalation to the manager queue. Answers false when
 * the return was cancelled while it waited.
 */
export async function inspectReturn(run: ReturnRun): Promise<boolean> {
  const index = run.timeline.begin('INSPECT');
  run.enter('INSPECT');
  const taskId = uuid4();
  await db.openTask({
    taskId,
    idempotencyKey: `return-inspection:${run.returnId}`,
    type: 'RETURN_INSPECTION',
    queue: 'STORE',
    title: `Inspect return of order ${run.record.externalOrderId}`,
    storeCode: run.record.storeCode,
    workflowId: run.workflowId,
    dueAt: run.waits.dueIn(run.settings.inspectionSlaMs),
    payload: {
      returnId: run.returnId,
      orderId: run.record.orderId,
      lines: run.record.lines.map((line) => ({ returnLineId: line.returnLineId, sku: line.sku, quantity: line.quantity })),
    },
  });
  run.waits.closeTasksOnUndo();
  let inspected = false;
  run.inbox.expect({
    taskId,
    type: 'RETURN_INSPECTION',
    validate: ({ outcome }) => validateInspection(run, outcome),
    handle: async ({ taskId: completed, actor, outcome, requestId }) => {
      await db.recordTaskCompletion({ taskId: completed, actor, outcome, requestId });
      await db.recordReturnInspection({ returnId: run.returnId, outcome, actor, workflowId: run.workflowId });
      inspected = true;
      run.inbox.close();
      const graded = outcome.lines.map((line) => `${line.grade} -> ${line.disposition}`).join(', ');
      run.timeline.end(index, `Inspected: ${graded}`, actor.label);
      return { taskId: completed, completed: true, taskStatus: 'DONE', message: 'Inspection recorded' };
    },
  });
  await run.waits.waitWithEscalation(() => inspected, {
    slaMs: run.settings.inspectionSlaMs,
    onSlaMissed: () => Promise.resolve(run.timeline.note('INSPECTION_OVERDUE', 'Inspection SLA missed')),
    escalationDelayMs: run.settings.inspectionEscalationDelayMs,
    onEscalated: async () => {
      await db.escalateTask({ taskId });
      run.timeline.note('INSPECTION_ESCALATED', 'Moved to the store manager');
    },
  });
  return inspected;
}

function validateInspection(run: ReturnRun, outcome: InspectionOutcome): void {
  const expected = new Set(run.record.lines.map((line) => line.returnLineId));
  const given = new Set(outcome.lines.map((line) => line.returnLineId));
  if (given.size !== outcome.lines.length || given.size !== expected.size || [...given].some((id) => !expected.has(id)))
    throw ApplicationFailure.create({
      type: TASK_NOT_CURRENT,
      message: 'An inspection grades every line of the return exactly once',
    });
}
