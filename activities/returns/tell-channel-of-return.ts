import { isChannelError } from '../../channels/channel-errors';
import { type ChannelReturnStatus } from '../../channels/wire-format';
import { NotFoundError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { refundRouteFor } from '../../domain/returns/refund-route';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface TellChannelOfReturnInput {
  returnId: string;
  status: ChannelReturnStatus;
}

export type TellChannelOfReturnResult =
  | { told: true; orderStatus: 'RETURNED' | null }
  /** Nothing to tell (a till sale) or the channel refused it: the run notes why and goes on. */
  | { told: false; reason: string };

/**
 * Tells the order's channel about the return: its return record (by the channel's own return id when the
 * customer started it there, else ours) with the units and what was refunded, and the order RETURNED once
 * every unit is back. Keyed by return and status, and the channel treats a repeat as a no-op, so however
 * often it runs the channel sees each change once. A refusal (the channel's order is in a state it cannot
 * move from) is answered, not thrown: the money is already back, and a person reads it on the timeline.
 */
export function createTellChannelOfReturn({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function tellChannelOfReturn(input: TellChannelOfReturnInput): Promise<TellChannelOfReturnResult> {
    return withTemporalFailures(async () => {
      const row = await prisma.return.findUnique({
        where: { id: input.returnId },
        include: {
          order: {
            select: {
              id: true,
              externalId: true,
              status: true,
              currency: true,
              channel: { select: { code: true, kind: true } },
              payments: { orderBy: { createdAt: 'asc' }, take: 1, select: { provider: true } },
            },
          },
          lines: { orderBy: { orderLineId: 'asc' }, include: { orderLine: { select: { product: { select: { sku: true } } } } } },
          refunds: { where: { status: 'SUCCEEDED' }, select: { amountMinor: true } },
        },
      });
      if (row === null) throw new NotFoundError(`Return ${input.returnId} not found`);
      const { order } = row;
      if (refundRouteFor({ channelKind: order.channel.kind, paymentProvider: order.payments[0]?.provider ?? 'channel' }) === 'TILL')
        return { told: false, reason: 'a till sale: no channel holds the order' };
      const adapter = await channels.adapterFor(order.channel.code);
      try {
        await adapter.updateReturnStatus({
          externalOrderId: order.externalId,
          returnRef: row.channelReturnRef ?? row.id,
          status: input.status,
          lines: row.lines.map((line) => ({ sku: line.orderLine.product.sku, quantity: line.quantity })),
          refundedAmount: row.refunds.reduce((sum, refund) => sum + minorUnits(refund.amountMinor), 0),
          currency: order.currency,
          idempotencyKey: `channel-return:${row.id}:${input.status}`,
        });
        if (order.status !== 'RETURNED') return { told: true, orderStatus: null };
        await adapter.updateOrderStatus({
          externalOrderId: order.externalId,
          status: 'RETURNED',
          idempotencyKey: `channel-order-returned:${order.id}`,
        });
        return { told: true, orderStatus: 'RETURNED' };
      } catch (error) {
        if (!isChannelError(error) || error.retryable) throw error;
        return { told: false, reason: error.message };
      }
    });
  };
}
