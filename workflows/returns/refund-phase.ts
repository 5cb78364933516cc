import { ActivityFailure, uuid4 } from '@temporalio/workflow';
import { type LoadedReturnLine } from '../../activities/returns/load-return';
import { type RefundReturnLineResult } from '../../activities/returns/refund-return-line';
import { moneyText } from '../../domain/money/money-text';
import { db, refunds } from '../kit/activity-proxies';
import { type ReturnRun } from './return-run';

/**
 * Refunds every line once through where it was paid (refundReturnLine, keyed by line). A refusal, or a
 * refund still unknown after the channel profile's retries, becomes a MANUAL_REFUND task for customer
 * service: they refund by hand and enter the reference; nothing is left as a silent FAILED row.
 */
export async function refundReturn(run: ReturnRun): Promise<void> {
  const index = run.timeline.begin('REFUND');
  run.enter('REFUND');
  await db.setReturnStatus({ returnId: run.returnId, status: 'REFUND_PENDING', workflowId: run.workflowId });
  const outcomes: string[] = [];
  for (const line of run.record.lines) {
    const problem = await refundOnce(run, line);
    if (problem === null) {
      outcomes.push(`${line.sku}: ${moneyText(line.refundMinor, run.record.currency)}`);
      continue;
    }
    run.timeline.note('REFUND_NEEDS_A_PERSON', `${line.sku}: ${problem}`);
    const reference = await refundByHand(run, line, problem);
    outcomes.push(`${line.sku}: ${moneyText(line.refundMinor, run.record.currency)} by hand (${reference})`);
  }
  run.refundedMinor = run.record.refundTotalMinor;
  await db.setReturnStatus({ returnId: run.returnId, status: 'REFUNDED', workflowId: run.workflowId });
  run.timeline.end(index, `Refunded ${moneyText(run.refundedMinor, run.record.currency)} (${outcomes.join('; ')})`);
}

/** Null when the money moved; otherwise why a person must do it. */
async function refundOnce(run: ReturnRun, line: LoadedReturnLine): Promise<string | null> {
  try {
    const result = await refunds.refundReturnLine({ returnId: run.returnId, returnLineId: line.returnLineId, workflowId: run.workflowId });
    if (result.status !== 'SUCCEEDED') return `refused by the channel: ${result.reason}`;
    run.refundTo = whereTheMoneyWent(run, result, run.refundTo);
    return null;
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const cause = error.cause instanceof Error ? error.cause.message : 'no answer';
    return `unknown after retries: ${cause}`;
  }
}

/** Where the customer's message says the money went, from how each line was refunded. */
function whereTheMoneyWent(
  run: ReturnRun,
  result: Extract<RefundReturnLineResult, { status: 'SUCCEEDED' }>,
  earlier: string | null,
): string {
  const credit = result.via === 'STORE_CREDIT' && result.reference ? result.reference.replace(/^store-credit:/, '') : null;
  const here =
    result.via === 'STORE_CREDIT'
      ? `store credit ${credit ?? ''} (spend it at any of our stores)`
      : result.via === 'CASH'
        ? `you in cash at ${run.record.storeCode}`
        : result.via === 'PAYMENT_PROVIDER'
          ? 'the card or account you paid with in our web store'
          : `your original payment (${run.record.channelCode})`;
  return earlier === null || earlier === here ? here : `${earlier}; ${here}`;
}

async function refundByHand(run: ReturnRun, line: LoadedReturnLine, problem: string): Promise<string> {
  const taskId = uuid4();
  await db.openTask({
    taskId,
    idempotencyKey: `manual-refund:${run.returnId}:${line.returnLineId}`,
    type: 'MANUAL_REFUND',
    queue: 'CUSTOMER_SERVICE',
    title: `Refund ${moneyText(line.refundMinor, run.record.currency)} by hand: order ${run.record.externalOrderId}`,
    storeCode: null,
    workflowId: run.workflowId,
    dueAt: run.waits.dueIn(run.settings.manualRefundSlaMs),
    payload: {
      returnId: run.returnId,
      returnLineId: line.returnLineId,
      orderId: run.record.orderId,
      channelCode: run.record.channelCode,
      amountMinor: line.refundMinor,
      currency: run.record.currency,
      problem,
    },
  });
  let reference: string | null = null;
  run.inbox.expect({
    taskId,
    type: 'MANUAL_REFUND',
    handle: async ({ taskId: completed, actor, outcome, requestId }) => {
      await db.recordTaskCompletion({ taskId: completed, actor, outcome, requestId });
      await db.recordManualRefund({
        returnId: run.returnId,
        returnLineId: line.returnLineId,
        reference: outcome.reference,
        actor,
        workflowId: run.workflowId,
      });
      reference = outcome.reference;
      run.inbox.close();
      run.timeline.note('MANUAL_REFUND', `${line.sku}: refunded by hand, reference ${reference}`, actor.label);
      return { taskId: completed, completed: true, taskStatus: 'DONE', message: 'Manual refund recorded' };
    },
  });
  // No cancellation once the refund has started: this waits until a person has refunded by hand.
  await run.waits.waitFor(() => reference !== null);
  return reference ?? '';
}
