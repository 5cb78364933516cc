import { ApplicationFailure, allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import { isCancellablePickupStep } from '../../domain/pickup/pickup-definition';
import { PICKUP_ACTOR, type CancelPickupRequest, type PickupOrderInput, type PickupOrderResult } from '../../domain/pickup/pickup-workflow';
import { closeWithoutCollection, completeCollection } from './close-phase';
import { awaitCollection, tellChannel } from './collection-phase';
import {
  cancelPickupUpdate,
  PICKUP_NOT_CANCELLABLE,
  pickupCancelledSignal,
  pickupTimelineQuery,
} from '../../domain/pickup/pickup-messages';
import { pickOrder } from './pick-phase';
import { channel, db, localDb } from '../kit/activity-proxies';
import { type CloseContext, PickupRun } from './pickup-run';
import { reserveOrderLines } from './reserve-phase';

/** Runs cancelled before they started refund what was paid (issue 8); earlier ones replay without. */
const REFUND_CANCELLED_BEFORE_START_PATCH = 'pickup-refund-cancelled-before-start';

/**
 * Buy online, pick up in store, for one order (`pickup:<orderId>`): reserve, pick, ready, collect, or
 * close cleanly (cancelled, expired, unfulfillable) with stock released and money refunded exactly once.
 * Every duration comes from the input (the store's settings when the order arrived).
 */
export async function pickupOrder(input: PickupOrderInput): Promise<PickupOrderResult> {
  const run = new PickupRun(input);
  installHandlers(run);

  if (!run.oneTaskStart) run.order = await db.loadPickupOrder({ orderId: run.orderId });
  else run.order = input.order ?? (await localDb.loadPickupOrder({ orderId: run.orderId }));
  // Cancelled before this run started: the order arrived cancelled, or the cancellation came with the
  // start (signal-with-start from the outbox). Reserving would hold stock for nobody; what was paid is
  // refunded. Runs recorded before the patch closed without refunding.
  if (run.order.status === 'CANCELLED' || run.cancellation !== null) {
    if (patched(REFUND_CANCELLED_BEFORE_START_PATCH)) return closeCancelledBeforeStart(run);
    if (run.order.status === 'CANCELLED') return closeAlreadyCancelled(run);
  }
  // The customer paid at checkout, so the money is the first thing to give back if the order closes.
  run.compensations.add({ name: 'refund what was not handed over', undo: (close) => refundRemaining(run, close) });
  run.compensations.add({
    name: 'tell the channel the order is cancelled',
    undo: () => tellChannel(run, 'CANCELLED').then(() => undefined),
  });

  const reserved = await reserveOrderLines(run);
  if (reserved.kind === 'CLOSE') return finish(run, reserved.close);
  if (run.cancellation !== null) return finish(run, cancelledBy(run.cancellation));

  const pick = await pickOrder(run);
  if (pick.kind === 'CANCELLED') return finish(run, cancelledBy(run.cancellation));
  if (pick.result.nothingPicked)
    return finish(run, { finalStep: 'CANCELLED', cause: 'UNFULFILLABLE', reason: 'Nothing could be picked' }, pick.pickedBy.label);
  if (run.cancellation !== null) return finish(run, cancelledBy(run.cancellation));

  const collection = await awaitCollection(run, pick.result);
  if (collection.kind === 'CANCELLED') return finish(run, cancelledBy(run.cancellation));
  if (collection.kind === 'EXPIRED')
    return finish(run, { finalStep: 'EXPIRED', cause: 'EXPIRED', reason: 'Not collected before the pickup window closed' });
  await completeCollection(run, pick.result, collection.by);
  return finish(run, null);
}

function installHandlers(run: PickupRun): void {
  run.inbox.install();
  setHandler(pickupTimelineQuery, () => run.view());
  setHandler(pickupCancelledSignal, (request) => {
    if (isCancellable(run)) run.cancellation ??= request;
  });
  setHandler(
    cancelPickupUpdate,
    async (request) => {
      run.cancellation ??= request;
      await condition(() => run.finished);
      return run.view();
    },
    {
      validator: (_request: CancelPickupRequest) => {
        // Asking again while the order is already being cancelled joins that cancellation.
        const alreadyCancelling = run.cancellation !== null && !run.finished && !run.handoverStarted;
        if (!alreadyCancelling && !isCancellable(run))
          throw ApplicationFailure.create({
            type: PICKUP_NOT_CANCELLABLE,
            message: `The order can no longer be cancelled (it is ${run.step})`,
          });
      },
    },
  );
}

/** Until a correct code is accepted; after that the goods are the customer's (steps: pickup-definition.ts). */
function isCancellable(run: PickupRun): boolean {
  return !run.finished && !run.handoverStarted && isCancellablePickupStep(run.step);
}

function cancelledBy(cancellation: CancelPickupRequest | null): CloseContext {
  return { finalStep: 'CANCELLED', cause: 'CANCELLED', reason: cancellation?.reason ?? 'Cancelled' };
}

async function refundRemaining(run: PickupRun, close: CloseContext): Promise<void> {
  const lines = run.order.lines.flatMap((line) => {
    const quantity = line.quantity - (run.refundedUnitsByLine[line.lineId] ?? 0);
    return quantity > 0 ? [{ lineId: line.lineId, quantity }] : [];
  });
  if (lines.length === 0) return;
  const { refunds } = await channel.refundOrderLines({ orderId: run.orderId, cause: close.cause, lines });
  for (const refund of refunds) {
    const line = lines.find((candidate) => candidate.lineId === refund.lineId);
    if (refund.status === 'SUCCEEDED' && line !== undefined) run.addRefunded(line.lineId, line.quantity);
  }
  const failed = refunds.filter((refund) => refund.status === 'FAILED');
  if (failed.length > 0)
    throw ApplicationFailure.create({
      type: 'REFUND_FAILED',
      message: failed.map((refund) => refund.failureReason).join('; '),
      nonRetryable: true,
    });
}

/**
 * Nothing was reserved or picked, but the customer may have paid at checkout (a marketplace captures
 * before it tells us): that is refunded, or released when no money was taken. Then the order is closed.
 */
async function closeCancelledBeforeStart(run: PickupRun): Promise<PickupOrderResult> {
  const reason = run.cancellation?.reason ?? `Order ${run.order.externalId} was cancelled before its pickup started`;
  run.enter('CANCELLING');
  const entry = run.timeline.begin('CANCEL', run.cancellation?.actor.label ?? PICKUP_ACTOR.label);
  let refundOutcome: string;
  try {
    await refundRemaining(run, { finalStep: 'CANCELLED', cause: 'CANCELLED', reason });
    const units = Object.values(run.refundedUnitsByLine).reduce((sum, refunded) => sum + refunded, 0);
    refundOutcome = units === 0 ? 'nothing to refund' : `${units} unit(s) refunded`;
  } catch (error) {
    refundOutcome = `refund failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  await db.setPickupOrderStatus({
    orderId: run.orderId,
    status: 'CANCELLED',
    cancelReason: reason,
    lines: run.order.lines.map((line) => ({ lineId: line.lineId, status: 'CANCELLED' })),
    ...(run.cancellation !== null && { actor: run.cancellation.actor, requestId: run.cancellation.requestId }),
  });
  run.enter('CANCELLED');
  run.timeline.end(entry, `Cancelled before the pickup started, nothing reserved; ${refundOutcome}`);
  return finish(run, null);
}

/** Runs from before REFUND_CANCELLED_BEFORE_START_PATCH: nothing reserved or picked, closed without a refund. */
async function closeAlreadyCancelled(run: PickupRun): Promise<PickupOrderResult> {
  run.enter('CANCELLED');
  run.timeline.note(
    'ALREADY_CANCELLED',
    `Order ${run.order.externalId} was already cancelled when the pickup started: nothing reserved`,
    PICKUP_ACTOR.label,
  );
  return finish(run, null);
}

async function finish(run: PickupRun, close: CloseContext | null, actor?: string): Promise<PickupOrderResult> {
  if (close !== null) await closeWithoutCollection(run, close, actor ?? run.cancellation?.actor.label ?? PICKUP_ACTOR.label);
  // Messages still on their way: their failures belong on this run's timeline.
  await run.deliveries.settled();
  run.finished = true;
  // Answer pending Updates (a cancellation waiting for the end) before the run closes.
  await condition(allHandlersFinished);
  const finalStep = run.step === 'COLLECTED' || run.step === 'CANCELLED' || run.step === 'EXPIRED' ? run.step : 'CANCELLED';
  return { orderId: run.orderId, finalStep, storeCode: run.storeCode, refundedUnitsByLine: { ...run.refundedUnitsByLine } };
}
