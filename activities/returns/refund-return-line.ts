import { isChannelError, ChannelNotConfiguredError } from '../../channels/channel-errors';
import { refundRouteFor } from '../../domain/returns/refund-route';
import { keepHeartbeating } from '../channels/keep-heartbeating';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { refundAtTill } from './refund-at-till';
import { returnRefundRow, settleRefundedPayment, type ReturnRefundContext } from './return-refund-row';

export interface RefundReturnLineInput {
  returnId: string;
  returnLineId: string;
  /** The run's id, recorded on a till's cash movement; absent in runs from before it was passed. */
  workflowId?: string;
}

export type RefundVia = 'CHANNEL' | 'PAYMENT_PROVIDER' | 'CASH' | 'STORE_CREDIT' | 'NONE';

export type RefundReturnLineResult =
  | { status: 'SUCCEEDED'; amountMinor: number; replayed: boolean; via: RefundVia; reference?: string | null }
  | { status: 'REFUSED'; amountMinor: number; reason: string };

/** What the outside world answered for a refund it made: its own id for it. */
interface ExternalRefund {
  refundId: string;
}

/**
 * Gives one return line's money back through where it was paid (domain/returns/refund-route.ts), exactly
 * once: the refund row first (`refund:return:<returnId>:<lineId>`), then the order's channel's refund API
 * or, for web-store orders, the payment provider, with the same key (both de-duplicate a repeated call,
 * so a worker killed between the call and the record pays once). Till sales are paid back at the
 * receiving store's till, in cash or store credit as the customer chose (refund-at-till.ts). A refusal (non-retryable) marks the row FAILED with the reason and
 * answers REFUSED, so the workflow opens a MANUAL_REFUND task; an unreachable channel or provider fails
 * the activity for Temporal to retry. Heartbeats while the call is out, so a dead worker's refund is
 * handed to another after the refund profile's heartbeat timeout.
 */
export function createRefundReturnLine({ prisma, channels, payments }: Pick<ActivityDeps, 'prisma' | 'channels' | 'payments'>) {
  const callOutside = async (context: ReturnRefundContext, route: 'CHANNEL' | 'PAYMENT_PROVIDER'): Promise<ExternalRefund> => {
    const { row, amountMinor, idempotencyKey, order, payment } = context;
    if (route === 'CHANNEL') {
      const adapter = await channels.adapterFor(order.channelCode);
      return adapter.refund({
        externalOrderId: order.externalId,
        amount: amountMinor,
        currency: row.currency,
        reason: row.reason,
        idempotencyKey,
      });
    }
    if (payments === undefined)
      throw new ChannelNotConfiguredError(
        'payment-provider',
        'no payment provider is configured for web-store refunds (PAYMENT_PROVIDER_URL)',
      );
    return payments.refund({
      // Our payment row names the provider's payment when the checkout told us; else it is found by order number.
      paymentId: payment.provider === payments.providerCode ? payment.externalRef : null,
      reference: order.externalId,
      amount: amountMinor,
      currency: row.currency,
      reason: row.reason,
      idempotencyKey,
    });
  };

  return async function refundReturnLine(input: RefundReturnLineInput): Promise<RefundReturnLineResult> {
    return withTemporalFailures(async () => {
      const context = await returnRefundRow(prisma, input.returnId, input.returnLineId);
      if (context === null) return { status: 'SUCCEEDED', amountMinor: 0, replayed: false, via: 'NONE' };
      const { row, amountMinor, order, payment } = context;
      const route = refundRouteFor({ channelKind: order.channelKind, paymentProvider: payment.provider });
      if (route === 'TILL') {
        const till = await refundAtTill(prisma, context, input.workflowId ?? `return:${input.returnId}`);
        await settleRefundedPayment(prisma, row.paymentId);
        return { status: 'SUCCEEDED', amountMinor, replayed: row.status === 'SUCCEEDED', via: till.via, reference: till.reference };
      }
      if (row.status === 'SUCCEEDED') return { status: 'SUCCEEDED', amountMinor, replayed: true, via: route, reference: row.externalRef };
      try {
        const result = await keepHeartbeating(() => callOutside(context, route));
        await prisma.refund.update({
          where: { id: row.id },
          data: { status: 'SUCCEEDED', externalRef: result.refundId, completedAt: new Date(), failureReason: null },
        });
        await settleRefundedPayment(prisma, row.paymentId);
        return { status: 'SUCCEEDED', amountMinor, replayed: false, via: route, reference: result.refundId };
      } catch (error) {
        if (!isChannelError(error) || error.retryable) throw error;
        await prisma.refund.update({ where: { id: row.id }, data: { status: 'FAILED', failureReason: error.message } });
        return { status: 'REFUSED', amountMinor, reason: error.message };
      }
    });
  };
}
