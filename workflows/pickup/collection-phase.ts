import { ActivityFailure, log, uuid4 } from '@temporalio/workflow';
import { type PickResult } from '../../domain/pickup/pick-result';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { queuedRows } from '../kit/background-deliveries';
import { channel, db, notify } from '../kit/activity-proxies';
import { type PickupRun } from './pickup-run';

export type CollectionResult = { kind: 'HANDED_OVER'; by: ProcessActor } | { kind: 'CANCELLED' } | { kind: 'EXPIRED' };

/**
 * Steps 3 and 4: the order is ready (code issued and sent, channel told, HANDOVER task open), then the
 * customer has until the expiry to collect, with reminders on the way. Staff enter the code the
 * customer shows; the API checks it against the stored hash and forwards only whether it matched. The
 * wrong codes allowed are counted here; the last one locks the task until a manager unlocks it.
 */
export async function awaitCollection(run: PickupRun, pick: PickResult): Promise<CollectionResult> {
  run.enter('MARKING_READY');
  const ready = run.timeline.begin('READY');
  const { customerNotified } = await db.issuePickupCode({
    orderId: run.orderId,
    storeName: run.storeCode,
    pickupExpiryMs: run.settings.pickupExpiryMs,
  });
  if (customerNotified) run.deliveries.send([{ idempotencyKey: `notify:pickup-ready:${run.orderId}` }], 'Pickup code message');
  const channelOutcome = await tellChannel(run, 'READY_FOR_PICKUP');
  await db.setPickupOrderStatus({
    orderId: run.orderId,
    status: 'READY_FOR_PICKUP',
    lines: run.order.lines.map((line) => {
      const pickedQuantity = pick.picked.find((picked) => picked.lineId === line.lineId)?.quantity ?? 0;
      return { lineId: line.lineId, status: pickedQuantity < line.quantity ? 'SHORT_PICKED' : 'PICKED', pickedQuantity };
    }),
  });
  const readyAt = new Date().getTime();
  const taskId = uuid4();
  let failedAttempts = 0;
  let handedOverBy: ProcessActor | null = null;
  run.inbox.expect({
    taskId,
    type: 'HANDOVER',
    handle: async ({ actor, outcome, requestId }) => {
      if (outcome.codeMatched) {
        run.handoverStarted = true;
        await db.recordTaskCompletion({ taskId, actor, outcome, requestId });
        handedOverBy = actor;
        return { taskId, completed: true, taskStatus: 'DONE', message: 'Code accepted: hand the goods over' };
      }
      failedAttempts += 1;
      const attemptsLeft = Math.max(run.settings.maxWrongCodeAttempts - failedAttempts, 0);
      if (attemptsLeft === 0) run.inbox.lock();
      await db.setTaskAttempts({ taskId, failedAttempts, locked: attemptsLeft === 0, actor, requestId });
      run.timeline.note(
        'WRONG_CODE',
        attemptsLeft === 0 ? 'Wrong code: task locked until a manager unlocks it' : `Wrong code: ${attemptsLeft} attempt(s) left`,
        actor.label,
      );
      return attemptsLeft === 0
        ? {
            taskId,
            completed: false,
            taskStatus: 'LOCKED',
            attemptsLeft,
            message: 'Wrong code. The task is now locked; a store manager must unlock it',
          }
        : { taskId, completed: false, taskStatus: 'OPEN', attemptsLeft, message: `Wrong code. ${attemptsLeft} attempt(s) left` };
    },
    unlock: async ({ actor, requestId }) => {
      failedAttempts = 0;
      await db.setTaskAttempts({ taskId, failedAttempts: 0, locked: false, actor, requestId });
      run.timeline.note('HANDOVER_UNLOCKED', 'Unlocked', actor.label);
    },
  });
  await db.openTask({
    taskId,
    idempotencyKey: `handover:${run.orderId}`,
    type: 'HANDOVER',
    queue: 'STORE',
    title: `Hand over order ${run.order.externalId}`,
    storeCode: run.storeCode,
    workflowId: run.workflowId,
    dueAt: run.waits.dueIn(run.settings.pickupExpiryMs),
    payload: { orderId: run.orderId, externalId: run.order.externalId, customerName: run.order.customerName, lines: pick.picked },
  });
  run.timeline.end(
    ready,
    `${customerNotified ? 'Code sent to the customer' : 'Customer could not be reached'}; channel: ${channelOutcome}`,
  );

  run.enter('AWAITING_COLLECTION');
  const collection = run.timeline.begin('AWAIT_COLLECTION');

  const collected = () => handedOverBy !== null;
  const settled = await run.waits.waitWithReminders(collected, {
    startedAt: readyAt,
    offsetsMs: run.settings.pickupReminderOffsetsMs,
    deadlineMs: run.settings.pickupExpiryMs,
    remind: async (index) => {
      const reminder = await notify.notifyCustomer({
        orderId: run.orderId,
        template: 'pickup-reminder',
        idempotencyKey: `notify:pickup-reminder:${run.orderId}:${index + 1}`,
        data: { storeCode: run.storeCode, reminder: index + 1 },
      });
      run.deliveries.send(queuedRows(reminder), `Pickup reminder ${index + 1}`);
      run.timeline.note('PICKUP_REMINDER', `Reminder ${index + 1} sent`);
    },
  });
  run.inbox.close();
  const by = handedOverBy as ProcessActor | null;
  if (by !== null) {
    run.timeline.end(collection, 'Code accepted', by.label);
    return { kind: 'HANDED_OVER', by };
  }
  run.timeline.end(collection, settled ? 'Cancelled before collection' : 'Not collected in time');
  return settled ? { kind: 'CANCELLED' } : { kind: 'EXPIRED' };
}

/**
 * Channel status updates are courtesy to the customer, not part of the goods' path: a channel that
 * refuses or stays down past the retries is recorded, and the pickup goes on.
 */
export async function tellChannel(run: PickupRun, status: 'READY_FOR_PICKUP' | 'COLLECTED' | 'CANCELLED'): Promise<string> {
  try {
    await channel.updateChannelOrderStatus({ orderId: run.orderId, status });
    return `${status} on ${run.order.channelCode}`;
  } catch (error) {
    const message = error instanceof ActivityFailure && error.cause instanceof Error ? error.cause.message : String(error);
    log.warn('Channel status update failed', { status, message });
    return `${status} not accepted by ${run.order.channelCode} (${message})`;
  }
}
