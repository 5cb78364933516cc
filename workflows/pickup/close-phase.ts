import { type PickResult } from '../../domain/pickup/pick-result';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { tellChannel } from './collection-phase';
import { queuedRows } from '../kit/background-deliveries';
import { db, notify } from '../kit/activity-proxies';
import { type CloseContext, type PickupRun } from './pickup-run';

/** Step 5, collected: the goods leave the store (on hand and reserved down, ledger row), channel told. */
export async function completeCollection(run: PickupRun, pick: PickResult, by: ProcessActor): Promise<void> {
  run.enter('COLLECTING');
  const entry = run.timeline.begin('COLLECT', by.label);
  await db.consumeStock({
    storeCode: run.storeCode,
    businessKey: `consume:${run.orderId}`,
    actor: by,
    workflowId: run.workflowId,
    reason: `Order ${run.order.externalId} handed over`,
    lines: pick.picked.map((line) => ({ sku: line.sku, quantity: line.quantity })),
  });
  run.reservedByLine.clear();
  await db.setPickupOrderStatus({
    orderId: run.orderId,
    status: 'COLLECTED',
    lines: pick.picked.map((line) => ({ lineId: line.lineId, status: 'FULFILLED' })),
  });
  const channelOutcome = await tellChannel(run, 'COLLECTED');
  run.enter('COLLECTED');
  run.timeline.end(entry, `Collected; channel: ${channelOutcome}`);
}

/**
 * Expired, cancelled, or impossible to fulfil before hand-over: undo what was done, last first (close
 * tasks, release stock, tell the channel, refund what was paid and not yet refunded), then tell the
 * customer and close the order. Each undo is idempotent, so a retried or replayed close changes nothing.
 */
export async function closeWithoutCollection(run: PickupRun, close: CloseContext, actor: string): Promise<void> {
  run.enter('CANCELLING');
  const entry = run.timeline.begin(close.finalStep === 'EXPIRED' ? 'EXPIRE' : 'CANCEL', actor);
  const { failed } = await run.compensations.runAll(close);
  const closedMessage = await notify.notifyCustomer({
    orderId: run.orderId,
    template: close.finalStep === 'EXPIRED' ? 'pickup-expired' : 'pickup-cancelled',
    idempotencyKey: `notify:pickup-closed:${run.orderId}`,
    data: { reason: close.reason, refundedUnits: Object.values(run.refundedUnitsByLine).reduce((sum, units) => sum + units, 0) },
  });
  run.deliveries.send(queuedRows(closedMessage), close.finalStep === 'EXPIRED' ? 'Expiry message' : 'Cancellation message');
  await db.setPickupOrderStatus({
    orderId: run.orderId,
    status: close.finalStep,
    cancelReason: close.reason,
    lines: run.order.lines.map((line) => ({ lineId: line.lineId, status: 'CANCELLED' })),
    // A person's (or a channel's) cancellation is audited with the change; expiry and unfulfillable are the workflow's own.
    ...(close.cause === 'CANCELLED' &&
      run.cancellation !== null && { actor: run.cancellation.actor, requestId: run.cancellation.requestId }),
  });
  run.enter(close.finalStep);
  run.timeline.end(
    entry,
    failed.length === 0 ? close.reason : `${close.reason}; failed: ${failed.map((item) => `${item.name} (${item.message})`).join('; ')}`,
  );
}
