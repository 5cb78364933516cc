import { isChannelError } from '../../channels/channel-errors';
import { NotFoundError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { moneyWasTaken } from '../../domain/orders/payment-rules';
import { refundKey, type RefundCause } from '../../domain/pickup/refund-keys';
import { type PaymentStatus } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
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

export interface RefundOrderLinesResult {
  refunds: LineRefundOutcome[];
  /**
   * Set when the payment had taken no money (PENDING: pay at pickup; AUTHORIZED: only held): nothing is
   * refunded. Closing the order releases it (VOIDED); a short pick leaves it, the customer pays for what
   * is handed over.
   */
  notCharged?: { paymentStatus: PaymentStatus };
}

/**
 * Gives money back through the order's origin channel, one refund per line, each under its own
 * idempotency key (refund-keys.ts): the Refund row is written first (unique key), the channel gets the
 * same key, so however often this runs, each line is refunded once. A channel that refuses outright
 * (non-retryable) leaves the row FAILED with the reason for a person to follow up; a channel that is
 * only unreachable fails the activity so Temporal retries it.
 * Money that was never taken is never refunded: a payment still PENDING or only AUTHORIZED is released
 * instead (payment-rules.ts), with no Refund row and no call to the channel.
 */
export function createRefundOrderLines({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function refundOrderLines(request: RefundOrderLinesRequest): Promise<RefundOrderLinesResult> {
    return withTemporalFailures(async () => {
      const order = await prisma.order.findUnique({
        where: { id: request.orderId },
        include: { channel: { select: { code: true } }, lines: { select: { id: true, unitPriceMinor: true } } },
      });
      if (order === null) throw new NotFoundError(`Order ${request.orderId} not found`);
      const payment = await prisma.$transaction((tx) => paymentOfOrder(tx, order));
      if (!moneyWasTaken(payment.status))
        return { refunds: [], notCharged: { paymentStatus: await releasePayment(prisma, payment, request.cause) } };

      const adapter = await channels.adapterFor(order.channel.code);
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
        const rowAmountMinor = minorUnits(row.amountMinor);
        if (row.status === 'SUCCEEDED') {
          refunds.push({ lineId: line.id, amountMinor: rowAmountMinor, status: 'SUCCEEDED', replayed: true, failureReason: null });
          continue;
        }
        try {
          const result = await adapter.refund({
            externalOrderId: order.externalId,
            amount: rowAmountMinor,
            currency: row.currency,
            reason,
            idempotencyKey,
          });
          await prisma.refund.update({
            where: { id: row.id },
            data: { status: 'SUCCEEDED', externalRef: result.refundId, completedAt: new Date(), failureReason: null },
          });
          refunds.push({ lineId: line.id, amountMinor: rowAmountMinor, status: 'SUCCEEDED', replayed: false, failureReason: null });
        } catch (error) {
          // Transient (rate limited, unavailable): withTemporalFailures rethrows it retryable, Retry-After kept.
          if (!isChannelError(error) || error.retryable) throw error;
          await prisma.refund.update({ where: { id: row.id }, data: { status: 'FAILED', failureReason: error.message } });
          refunds.push({ lineId: line.id, amountMinor: rowAmountMinor, status: 'FAILED', replayed: false, failureReason: error.message });
        }
      }
      await settlePaymentStatus(prisma, payment.id);
      return { refunds };
    });
  };
}

/**
 * Nothing was taken, so nothing is given back: an order that closes releases its payment (a held
 * authorization or a pay-at-pickup promise) once, as VOIDED; a short pick changes nothing, since the
 * customer pays at hand-over for what they get. Answers the payment's status afterwards.
 */
async function releasePayment(
  prisma: ActivityDeps['prisma'],
  payment: { id: string; status: PaymentStatus },
  cause: RefundCause,
): Promise<PaymentStatus> {
  if (cause === 'SHORT_PICK') return payment.status;
  // Conditional, so a payment captured meanwhile (a till at hand-over) is never voided by a late retry.
  const { count } = await prisma.payment.updateMany({
    where: { id: payment.id, status: { in: ['PENDING', 'AUTHORIZED'] } },
    data: { status: 'VOIDED' },
  });
  return count === 1 ? 'VOIDED' : (await prisma.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { status: true } })).status;
}

/** The payment's status follows what has been refunded of it so far. */
async function settlePaymentStatus(prisma: ActivityDeps['prisma'], paymentId: string): Promise<void> {
  const payment = await prisma.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { refunds: { where: { status: 'SUCCEEDED' }, select: { amountMinor: true } } },
  });
  const refunded = payment.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0n);
  if (refunded === 0n) return;
  await prisma.payment.update({
    where: { id: paymentId },
    data: { status: refunded >= payment.amountMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED' },
  });
}
