import { ActivityFailure, ApplicationFailure, uuid4 } from '@temporalio/workflow';
import { invalidDataFailure } from '../../domain/failures/invalid-data-failure';
import { INSUFFICIENT_STOCK, STORE_PICKUP_PAUSED } from '../../domain/inventory/errors';
import { PICKUP_ACTOR } from '../../domain/pickup/pickup-workflow';
import { type CustomerDecisionOutcome } from '../../domain/tasks/task-outcomes';
import { queuedRows } from '../kit/background-deliveries';
import { db, localDb, notify } from '../kit/activity-proxies';
import { type CloseContext, type PickupRun } from './pickup-run';

export type ReserveResult = { kind: 'RESERVED' } | { kind: 'CLOSE'; close: CloseContext };

/** Why the chosen store cannot take the order: its stock is short, or an outage paused its pickup. */
type StoreRefusal = 'SHORT' | 'PAUSED';

/** A remote activity's failure arrives wrapped in ActivityFailure; a local activity's arrives as it was thrown. */
function storeRefusal(error: unknown): StoreRefusal | null {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  if (!(failure instanceof ApplicationFailure)) return null;
  return failure.type === INSUFFICIENT_STOCK ? 'SHORT' : failure.type === STORE_PICKUP_PAUSED ? 'PAUSED' : null;
}

const refusalWording: Record<StoreRefusal, { cannot: string; template: string }> = {
  SHORT: { cannot: 'cannot cover the order', template: 'pickup-store-cannot-cover' },
  PAUSED: { cannot: 'has paused pickups (cut off by an outage)', template: 'pickup-store-paused' },
};

/**
 * Step 1: reserve every line at the chosen store, all or nothing. When the store cannot cover the order
 * its policy decides: CANCEL_AND_REFUND closes the order; OFFER_OTHER_STORE asks the customer (a
 * CUSTOMER_SERVICE task naming the stores that can) to move the order or cancel, and tries again at the
 * store they pick. The reservation's undo is registered only once it has succeeded.
 */
export async function reserveOrderLines(run: PickupRun): Promise<ReserveResult> {
  for (let attempt = 1; ; attempt += 1) {
    run.enter('RESERVING');
    const entry = run.timeline.begin('RESERVE');
    const storeCode = run.storeCode;
    try {
      await (run.oneTaskStart ? localDb : db).reserveStock({
        storeCode,
        businessKey: `reserve:${run.orderId}:${storeCode}`,
        actor: PICKUP_ACTOR,
        workflowId: run.workflowId,
        reason: `Pickup order ${run.order.externalId}`,
        lines: run.order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      });
    } catch (error) {
      const refusal = storeRefusal(error);
      if (refusal === null) throw error;
      run.timeline.end(entry, `Store ${storeCode} ${refusalWording[refusal].cannot}`);
      const decision = await applyUnfulfillablePolicy(run, attempt, refusal);
      if (decision.kind === 'CLOSE') return decision;
      continue;
    }
    for (const line of run.order.lines) run.reservedByLine.set(line.lineId, line.quantity);
    run.compensations.add({
      name: 'release reserved stock',
      undo: async () => {
        const lines = run.order.lines.flatMap((line) => {
          const quantity = run.reservedByLine.get(line.lineId) ?? 0;
          return quantity > 0 ? [{ sku: line.sku, quantity }] : [];
        });
        if (lines.length === 0) return;
        await db.releaseStock({
          storeCode,
          businessKey: `release:${run.orderId}:${storeCode}`,
          actor: PICKUP_ACTOR,
          workflowId: run.workflowId,
          reason: `Pickup order ${run.order.externalId} closed`,
          lines,
        });
        run.reservedByLine.clear();
      },
    });
    run.timeline.end(entry, `Reserved at ${storeCode}`);
    return { kind: 'RESERVED' };
  }
}

async function applyUnfulfillablePolicy(
  run: PickupRun,
  attempt: number,
  refusal: StoreRefusal,
): Promise<{ kind: 'RETRY' } | ReserveResult> {
  const { cannot, template } = refusalWording[refusal];
  const unfulfillable = (reason: string): ReserveResult => ({
    kind: 'CLOSE',
    close: { finalStep: 'CANCELLED', cause: 'UNFULFILLABLE', reason },
  });
  if (run.settings.unfulfillablePolicy === 'CANCEL_AND_REFUND') return unfulfillable(`Store ${run.storeCode} ${cannot}`);
  const { storeCodes } = await db.findCoveringStores({ orderId: run.orderId, excludeStoreCode: run.storeCode });
  if (storeCodes.length === 0) return unfulfillable('No store can cover the order');

  run.enter('AWAITING_CUSTOMER_DECISION');
  await db.setPickupOrderStatus({ orderId: run.orderId, status: 'AWAITING_CUSTOMER_DECISION' });
  const cannotCoverMessage = await notify.notifyCustomer({
    orderId: run.orderId,
    template,
    idempotencyKey: `notify:${template}:${run.orderId}:${attempt}`,
    data: { storeCode: run.storeCode, alternativeStores: storeCodes.join(', ') },
  });
  run.deliveries.send(queuedRows(cannotCoverMessage), 'Store-cannot-cover message');
  const taskId = uuid4();
  let decision: (CustomerDecisionOutcome & { actor: string; userId: string | null }) | null = null;
  run.inbox.expect({
    taskId,
    type: 'CUSTOMER_SERVICE',
    validate: ({ outcome }) => {
      if (outcome.decision === 'MOVE_TO_STORE' && outcome.storeCode === run.storeCode) {
        throw invalidDataFailure('Choose a store other than the one that cannot cover the order', { storeCode: 'must be another store' });
      }
    },
    handle: async ({ actor, outcome, requestId }) => {
      await db.recordTaskCompletion({ taskId, actor, outcome, requestId });
      decision = { ...outcome, actor: actor.label, userId: actor.userId };
      return { taskId, completed: true, taskStatus: 'DONE', message: 'Decision recorded' };
    },
  });
  await db.openTask({
    taskId,
    idempotencyKey: `customer-decision:${run.orderId}:${attempt}`,
    type: 'CUSTOMER_SERVICE',
    queue: 'CUSTOMER_SERVICE',
    title: `Order ${run.order.externalId}: ${run.storeCode} ${cannot}; ask the customer`,
    storeCode: null,
    workflowId: run.workflowId,
    dueAt: run.waits.dueIn(run.settings.pickupExpiryMs),
    payload: {
      orderId: run.orderId,
      externalId: run.order.externalId,
      storeCode: run.storeCode,
      alternativeStores: storeCodes,
      channelCode: run.order.channelCode,
    },
  });
  run.waits.closeTasksOnUndo();
  const entry = run.timeline.begin('CUSTOMER_DECISION');

  const answered = await run.waits.waitFor(() => decision !== null, run.settings.pickupExpiryMs);
  run.inbox.close();
  const chosen = decision as (CustomerDecisionOutcome & { actor: string; userId: string | null }) | null;
  if (chosen === null) {
    run.timeline.end(entry, answered ? 'Cancelled before the customer decided' : 'No decision in time');
    return run.cancellation !== null
      ? { kind: 'CLOSE', close: { finalStep: 'CANCELLED', cause: 'CANCELLED', reason: run.cancellation.reason } }
      : unfulfillable('The customer did not choose another store in time');
  }
  if (chosen.decision === 'CANCEL') {
    run.timeline.end(entry, 'Customer cancelled', chosen.actor);
    return {
      kind: 'CLOSE',
      close: { finalStep: 'CANCELLED', cause: 'CANCELLED', reason: 'Customer cancelled: store could not cover the order' },
    };
  }
  const moved = await db.moveOrderToStore({
    orderId: run.orderId,
    storeCode: chosen.storeCode,
    maxWrongCodeAttempts: run.settings.maxWrongCodeAttempts,
  });
  run.storeCode = moved.storeCode;
  run.settings = moved.settings;
  run.timeline.end(entry, `Moved to ${moved.storeCode}`, chosen.actor);
  return { kind: 'RETRY' };
}
