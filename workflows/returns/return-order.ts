import { ActivityFailure, ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import { type ChannelReturnStatus } from '../../channels/wire-format';
import { cancelReturnUpdate, RETURN_NOT_CANCELLABLE, returnTimelineQuery } from '../../domain/returns/return-messages';
import { type CancelReturnRequest, type ReturnOrderInput, type ReturnOrderResult } from '../../domain/returns/return-workflow';
import { channel, db, notify } from '../kit/activity-proxies';
import { queuedRows } from '../kit/background-deliveries';
import { approveReturn } from './approve-phase';
import { handBackReturn } from './handback-phase';
import { inspectReturn } from './inspect-phase';
import { refundReturn } from './refund-phase';
import { ReturnRun } from './return-run';

/** The rejected return's RETURN_HANDBACK task (workflows/returns/handback-phase.ts). */
export const RETURN_HANDBACK_PATCH = 'return-handback';
/** Telling the origin channel about the return (tellChannelOfReturn). */
export const RETURN_TELL_CHANNEL_PATCH = 'return-tell-channel';

/**
 * One return (`return:<returnId>`), eligibility already checked when it was written: received at the
 * clerk's store, inspected (RETURN_INSPECTION task), approved four-eyes when planned so, refunded once per
 * line through where it was paid, restocked or written off at the receiving store, the order marked
 * returned and the customer told. A cancellation before the refund undoes in reverse (the kit's saga).
 */
export async function returnOrder(input: ReturnOrderInput): Promise<ReturnOrderResult> {
  const run = new ReturnRun(input);
  installHandlers(run);
  run.record = await db.loadReturn({ returnId: run.returnId });

  const received = run.timeline.begin('RECEIVE', run.record.requestedBy.label);
  await db.setReturnStatus({ returnId: run.returnId, status: 'RECEIVED', workflowId: run.workflowId });
  run.compensations.add({
    name: 'cancel the return',
    undo: async ({ reason }) => {
      await db.setReturnStatus({ returnId: run.returnId, status: 'CANCELLED', workflowId: run.workflowId, note: reason });
    },
  });
  run.timeline.end(received, `In the returns area at ${run.record.storeCode} (not sellable)`);

  if (!(await inspectReturn(run)) || run.cancellation !== null) return cancel(run);
  if (!(await approveReturn(run))) {
    await tellCustomer(run, 'return-rejected', { reason: 'not approved by the store manager' });
    // Runs from before the hand-back task ended here, the item's return left to the store.
    if (patched(RETURN_HANDBACK_PATCH)) await handBackReturn(run);
    if (run.record.channelReturnRef && patched(RETURN_TELL_CHANNEL_PATCH)) await tellChannel(run, 'REJECTED');
    return finish(run, 'REJECTED', 0);
  }
  await refundReturn(run);

  const stock = run.timeline.begin('STOCK');
  run.enter('STOCK');
  const booked: string[] = [];
  for (const line of run.record.lines) {
    const result = await db.bookReturnStock({ returnId: run.returnId, returnLineId: line.returnLineId, workflowId: run.workflowId });
    booked.push(`${line.sku}: ${result.kind} ${result.units}`);
  }
  const order = await db.markOrderReturned({ orderId: run.record.orderId });
  run.timeline.end(stock, `${booked.join('; ')} at ${run.record.storeCode}; order ${order.status}`);
  if (patched(RETURN_TELL_CHANNEL_PATCH)) await tellChannel(run, 'REFUNDED');

  await tellCustomer(run, 'return-refunded', {
    refundedMinor: run.refundedMinor,
    currency: run.record.currency,
    refundTo: run.refundTo ?? (run.record.channelKind === 'POS' ? 'you in cash' : `your original payment (${run.record.channelCode})`),
  });
  await db.setReturnStatus({ returnId: run.returnId, status: 'CLOSED', workflowId: run.workflowId });
  return finish(run, 'CLOSED', run.refundedMinor);
}

async function cancel(run: ReturnRun): Promise<ReturnOrderResult> {
  const reason = run.cancellation?.reason ?? 'cancelled';
  const index = run.timeline.begin('CANCELLED', run.cancellation?.actor.label ?? null);
  const { failed } = await run.compensations.runAll({ reason });
  if (run.record.channelReturnRef && patched(RETURN_TELL_CHANNEL_PATCH)) await tellChannel(run, 'CANCELLED');
  await tellCustomer(run, 'return-cancelled', { reason });
  run.timeline.end(index, failed.length === 0 ? `Cancelled: ${reason}` : `Cancelled: ${reason}; ${failed.length} undo step(s) failed`);
  return finish(run, 'CANCELLED', 0);
}

/** The origin channel's return record (and order status) follow ours; a channel that cannot be told is noted, never a failed return. */
async function tellChannel(run: ReturnRun, status: ChannelReturnStatus): Promise<void> {
  try {
    const told = await channel.tellChannelOfReturn({ returnId: run.returnId, status });
    if (told.told)
      run.timeline.note(
        'CHANNEL_TOLD',
        `${run.record.channelCode}: return ${status}${told.orderStatus ? `, order ${told.orderStatus}` : ''}`,
      );
    else if (!told.reason.startsWith('a till sale')) run.timeline.note('CHANNEL_NOT_TOLD', `${run.record.channelCode}: ${told.reason}`);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const cause = error.cause instanceof Error ? error.cause.message : 'no answer';
    run.timeline.note('CHANNEL_NOT_TOLD', `${run.record.channelCode} could not be told after retries: ${cause}`);
  }
}

async function tellCustomer(run: ReturnRun, template: string, data: Record<string, string | number>): Promise<void> {
  const index = run.timeline.begin('NOTIFY');
  const queued = await notify.notifyCustomer({
    orderId: run.record.orderId,
    template,
    idempotencyKey: `notify:${template}:${run.returnId}`,
    data: { storeCode: run.record.storeCode, ...data },
  });
  run.deliveries.send(queuedRows(queued), 'Customer message');
  run.timeline.end(index, queued.queued ? `Customer told (${template})` : 'Customer has no contact details');
}

async function finish(run: ReturnRun, status: ReturnOrderResult['status'], refundedMinor: number): Promise<ReturnOrderResult> {
  await run.deliveries.settled();
  run.enter(status);
  run.finished = true;
  return { status, refundedMinor };
}

function installHandlers(run: ReturnRun): void {
  run.inbox.install();
  run.approvals.install();
  setHandler(returnTimelineQuery, () => run.view());
  setHandler(
    cancelReturnUpdate,
    async (request: CancelReturnRequest) => {
      run.cancellation ??= request;
      await condition(() => run.finished);
      return run.view();
    },
    {
      validator: (_request: CancelReturnRequest) => {
        if (run.cancellation !== null && !run.finished) return;
        if (!run.cancellable)
          throw ApplicationFailure.create({
            type: RETURN_NOT_CANCELLABLE,
            message: `The return can no longer be cancelled (it is at ${run.step})`,
          });
      },
    },
  );
}
