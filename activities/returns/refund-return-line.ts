import { isChannelError } from '../../channels/channel-errors';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { returnRefundRow, settleRefundedPayment } from './return-refund-row';

export interface RefundReturnLineInput {
  returnId: string;
  returnLineId: string;
}

export type RefundReturnLineResult =
  | { status: 'SUCCEEDED'; amountMinor: number; replayed: boolean; via: 'CHANNEL' | 'CASH' | 'NONE' }
  | { status: 'REFUSED'; amountMinor: number; reason: string };

/**
 * Gives one return line's money back through where it was paid, exactly once: the refund row first
 * (`refund:return:<returnId>:<lineId>`), then the order's channel's refund API with the same key (the
 * channel de-duplicates a repeated call, so a worker killed between the call and the record pays once).
 * Store (POS) sales are paid back at the till in cash, recorded as such. A refusal (non-retryable) marks
 * the row FAILED with the channel's reason and answers REFUSED, so the workflow opens a MANUAL_REFUND
 * task; an unreachable channel fails the activity for Temporal to retry.
 */
export function createRefundReturnLine({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function refundReturnLine(input: RefundReturnLineInput): Promise<RefundReturnLineResult> {
    return withTemporalFailures(async () => {
      const context = await returnRefundRow(prisma, input.returnId, input.returnLineId);
      if (context === null) return { status: 'SUCCEEDED', amountMinor: 0, replayed: false, via: 'NONE' };
      const { row, amountMinor, idempotencyKey, order } = context;
      if (row.status === 'SUCCEEDED') return { status: 'SUCCEEDED', amountMinor, replayed: true, via: 'CHANNEL' };
      if (order.channelKind === 'POS') {
        await prisma.refund.update({
          where: { id: row.id },
          data: { status: 'SUCCEEDED', externalRef: `cash:${idempotencyKey}`, completedAt: new Date(), failureReason: null },
        });
        await settleRefundedPayment(prisma, row.paymentId);
        return { status: 'SUCCEEDED', amountMinor, replayed: false, via: 'CASH' };
      }
      const adapter = await channels.adapterFor(order.channelCode);
      try {
        const result = await adapter.refund({
          externalOrderId: order.externalId,
          amount: amountMinor,
          currency: row.currency,
          reason: row.reason,
          idempotencyKey,
        });
        await prisma.refund.update({
          where: { id: row.id },
          data: { status: 'SUCCEEDED', externalRef: result.refundId, completedAt: new Date(), failureReason: null },
        });
        await settleRefundedPayment(prisma, row.paymentId);
        return { status: 'SUCCEEDED', amountMinor, replayed: false, via: 'CHANNEL' };
      } catch (error) {
        if (!isChannelError(error) || error.retryable) throw error;
        await prisma.refund.update({ where: { id: row.id }, data: { status: 'FAILED', failureReason: error.message } });
        return { status: 'REFUSED', amountMinor, reason: error.message };
      }
    });
  };
}
