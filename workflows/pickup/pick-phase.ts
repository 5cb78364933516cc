import { uuid4 } from '@temporalio/workflow';
import { invalidDataFailure } from '../../domain/failures/invalid-data-failure';
import { moneyText } from '../../domain/money/money-text';
import { pickReportProblems, pickResultOf, type PickResult } from '../../domain/pickup/pick-result';
import { PICKUP_ACTOR } from '../../domain/pickup/pickup-workflow';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { type PickOutcome } from '../../domain/tasks/task-outcomes';
import { queuedRows } from '../kit/background-deliveries';
import { channel, db, localDb, notify } from '../kit/activity-proxies';
import { type PickupRun } from './pickup-run';

export type PickPhaseResult = { kind: 'PICKED'; result: PickResult; pickedBy: ProcessActor } | { kind: 'CANCELLED' };

/**
 * Step 2: a PICK task with the store's SLA. Missing the SLA reminds the store's staff; missing it by
 * the escalation delay as well moves the task to the manager queue and tells the managers. Lines picked
 * short are released and refunded (once: refund key per line) and the customer is told.
 */
export async function pickOrder(run: PickupRun): Promise<PickPhaseResult> {
  run.enter('PICKING');
  // Begun with the step, like every other phase, so the timeline never shows PICKING without its entry.
  const entry = run.timeline.begin('PICK');
  const taskId = uuid4();
  let picked: { outcome: PickOutcome; actor: ProcessActor } | null = null;
  run.inbox.expect({
    taskId,
    type: 'PICK',
    validate: ({ outcome }) => {
      const problems = pickReportProblems(run.order.lines, outcome.lines);
      if (Object.keys(problems).length > 0) throw invalidDataFailure('The pick does not match the order', problems);
    },
    handle: async ({ actor, outcome, requestId }) => {
      await db.recordTaskCompletion({ taskId, actor, outcome, requestId });
      picked = { outcome, actor };
      return { taskId, completed: true, taskStatus: 'DONE', message: 'Pick recorded' };
    },
  });
  await openPickTask(run, taskId);

  const isPicked = () => picked !== null;
  await run.waits.waitWithEscalation(isPicked, {
    slaMs: run.settings.pickSlaMs,
    onSlaMissed: async () => {
      const overdue = await notify.notifyStoreStaff({
        storeCode: run.storeCode,
        managersOnly: false,
        template: 'pick-overdue',
        idempotencyKey: `notify:pick-overdue:${run.orderId}`,
        data: { orderId: run.orderId, externalId: run.order.externalId },
      });
      run.deliveries.send(queuedRows(overdue), 'Pick overdue e-mail');
      run.timeline.note('PICK_REMINDER', 'Pick SLA missed: store staff reminded');
    },
    escalationDelayMs: run.settings.pickEscalationDelayMs,
    onEscalated: async () => {
      await db.escalateTask({ taskId });
      const escalated = await notify.notifyStoreStaff({
        storeCode: run.storeCode,
        managersOnly: true,
        template: 'pick-escalated',
        idempotencyKey: `notify:pick-escalated:${run.orderId}`,
        data: { orderId: run.orderId, externalId: run.order.externalId },
      });
      run.deliveries.send(queuedRows(escalated), 'Pick escalation e-mail');
      run.timeline.note('PICK_ESCALATED', 'Escalated to the store manager queue');
    },
  });
  run.inbox.close();
  const done = picked as { outcome: PickOutcome; actor: ProcessActor } | null;
  if (done === null) {
    run.timeline.end(entry, 'Cancelled before picking');
    return { kind: 'CANCELLED' };
  }
  const result = pickResultOf(run.order.lines, done.outcome.lines);
  const summary =
    result.shortfalls.length === 0
      ? 'All lines picked'
      : `Short: ${result.shortfalls.map((line) => `${line.sku} -${line.shortQuantity}`).join(', ')}`;
  run.timeline.end(entry, summary, done.actor.label);
  if (result.shortfalls.length > 0 && !result.nothingPicked) await settleShortPick(run, result);
  return { kind: 'PICKED', result, pickedBy: done.actor };
}

/** The PICK task for the store, and the order moving to PICKING (one transaction on the one-task start). */
async function openPickTask(run: PickupRun, taskId: string): Promise<void> {
  const task = {
    taskId,
    idempotencyKey: `pick:${run.orderId}`,
    type: 'PICK',
    queue: 'STORE',
    title: `Pick order ${run.order.externalId}`,
    storeCode: run.storeCode,
    workflowId: run.workflowId,
    dueAt: run.waits.dueIn(run.settings.pickSlaMs),
    payload: {
      orderId: run.orderId,
      externalId: run.order.externalId,
      channelCode: run.order.channelCode,
      lines: run.order.lines.map(({ lineId, sku, productName, quantity }) => ({ lineId, sku, productName, quantity })),
    },
  } as const;
  const order = {
    orderId: run.orderId,
    status: 'PICKING',
    lines: run.order.lines.map((line) => ({ lineId: line.lineId, status: 'RESERVED' as const })),
  } as const;
  if (run.oneTaskStart) {
    await localDb.openPickTask({ task, order });
    run.waits.closeTasksOnUndo();
    return;
  }
  await db.openTask(task);
  run.waits.closeTasksOnUndo();
  await db.setPickupOrderStatus(order);
}

/** Releases and refunds what the store could not find, then tells the customer. */
async function settleShortPick(run: PickupRun, result: PickResult): Promise<void> {
  const entry = run.timeline.begin('SHORT_PICK', PICKUP_ACTOR.label);
  await db.releaseStock({
    storeCode: run.storeCode,
    businessKey: `release:${run.orderId}:short-pick`,
    actor: PICKUP_ACTOR,
    workflowId: run.workflowId,
    reason: `Short pick of order ${run.order.externalId}`,
    lines: result.shortfalls.map((line) => ({ sku: line.sku, quantity: line.shortQuantity })),
  });
  for (const line of result.shortfalls)
    run.reservedByLine.set(line.lineId, (run.reservedByLine.get(line.lineId) ?? 0) - line.shortQuantity);

  const { refunds } = await channel.refundOrderLines({
    orderId: run.orderId,
    cause: 'SHORT_PICK',
    lines: result.shortfalls.map((line) => ({ lineId: line.lineId, quantity: line.shortQuantity })),
  });
  const failed = refunds.filter((refund) => refund.status === 'FAILED');
  for (const line of result.shortfalls) {
    if (refunds.some((refund) => refund.lineId === line.lineId && refund.status === 'SUCCEEDED'))
      run.addRefunded(line.lineId, line.shortQuantity);
  }
  const refundedMinor = refunds.filter((refund) => refund.status === 'SUCCEEDED').reduce((sum, refund) => sum + refund.amountMinor, 0);
  const shortPickMessage = await notify.notifyCustomer({
    orderId: run.orderId,
    template: 'pickup-short-picked',
    idempotencyKey: `notify:pickup-short-picked:${run.orderId}`,
    data: {
      refundedMinor,
      currency: run.order.currency,
      missing: result.shortfalls.map((line) => `${line.shortQuantity} x ${line.sku}`).join(', '),
    },
  });
  run.deliveries.send(queuedRows(shortPickMessage), 'Short-pick message');
  run.timeline.end(
    entry,
    failed.length === 0
      ? `Released and refunded ${moneyText(refundedMinor, run.order.currency)}`
      : `Refund failed for ${failed.length} line(s): ${failed.map((refund) => refund.failureReason).join('; ')}`,
  );
}
