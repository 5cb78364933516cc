import { ApplicationFailure } from '@temporalio/common';
import { isChannelError } from '../../channels/channel-errors';
import { NotFoundError } from '../../domain/errors';
import { refundKey, type RefundCause } from '../../domain/pickup/refund-keys';
import { type ActivityDeps } from '../deps';
import { withActivityFailures } from '../inventory/to-activity-failure';
import { paymentOfOrder } from './order-payment';

export interface RefundOrderLinesRequest {
  orderId: string;
  cause: RefundCause;
  /** Units to refund per line; the amount is units x the line's unit price. */
  lines: { lineId: string; quantity: number }[];
}

export interface LineRefundOutcome {
  lineId: string;
  amountMinor: number;
  status: 'SUCCEEDED' | 'FAILED';
  /** True when this key had already been refunded and nothing moved this time. */
  replayed: boolean;
  failureReason: string | null;
}

/**
 * Gives money back through the order's origin channel, one refund per line, each under its own
 * idempotency key (refund-keys.ts): the Refund row is written first (unique key), the channel gets the
 * same key, so however often this runs, each line is refunded once. A channel that refuses outright
 * (non-retryable) leaves the row FAILED with the reason for a person to follow up; a channel that is
 * only unreachable fails the activity so Temporal retries it.
 */
export function createRefundOrderLines({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function refundOrderLines(request: RefundOrderLinesRequest): Promise<{ refunds: LineRefundOutcome[] }> {
    return withActivityFailures(async () => {
      const order = await prisma.order.findUnique({
        where: { id: request.orderId },
        include: { channel: { select: { code: true } }, lines: { select: { id: true, unitPriceMinor: true } } },
      });
      if (order === null) throw new NotFoundError(`Order ${request.orderId} not found`);
      const adapter = await channels.adapterFor(order.channel.code);
      const payment = await prisma.$transaction((tx) => paymentOfOrder(tx, order));
      const refunds: LineRefundOutcome[] = [];

      for (const wanted of request.lines) {
        const line = order.lines.find((candidate) => candidate.id === wanted.lineId);
        if (line === undefined) throw new NotFoundError(`Order ${order.id} has no line ${wanted.lineId}`);
        const amountMinor = wanted.quantity * line.unitPriceMinor;
        if (amountMinor <= 0) continue;
        const idempotencyKey = refundKey(order.id, line.id, request.cause);
        const reason = `${request.cause}: ${wanted.quantity} x line ${line.id}`;
        const row = await prisma.refund.upsert({
          where: { idempotencyKey },
          create: { paymentId: payment.id, orderId: order.id, amountMinor, currency: order.currency, reason, idempotencyKey },
          update: {},
        });
        if (row.status === 'SUCCEEDED') {
          refunds.push({ lineId: line.id, amountMinor: row.amountMinor, status: 'SUCCEEDED', replayed: true, failureReason: null });
          continue;
        }
        try {
          const result = await adapter.refund({
            externalOrderId: order.externalId,
            amount: row.amountMinor,
            currency: row.currency,
            reason,
            idempotencyKey,
          });
          await prisma.refund.update({
            where: { id: row.id },
            data: { status: 'SUCCEEDED', externalRef: result.refundId, completedAt: new Date(), failureReason: null },
          });
          refunds.push({ lineId: line.id, amountMinor: row.amountMinor, status: 'SUCCEEDED', replayed: false, failureReason: null });
        } catch (error) {
          if (!isChannelError(error)) throw error;
          if (error.retryable) throw ApplicationFailure.create({ type: error.type, message: error.message, cause: error });
          await prisma.refund.update({ where: { id: row.id }, data: { status: 'FAILED', failureReason: error.message } });
          refunds.push({ lineId: line.id, amountMinor: row.amountMinor, status: 'FAILED', replayed: false, failureReason: error.message });
        }
      }
      await settlePaymentStatus(prisma, payment.id);
      return { refunds };
    });
  };
}

/** The payment's status follows what has been refunded of it so far. */
async function settlePaymentStatus(prisma: ActivityDeps['prisma'], paymentId: string): Promise<void> {
  const payment = await prisma.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { refunds: { where: { status: 'SUCCEEDED' }, select: { amountMinor: true } } },
  });
  const refunded = payment.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
  if (refunded === 0) return;
  await prisma.payment.update({
    where: { id: paymentId },
    data: { status: refunded >= payment.amountMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED' },
  });
}
