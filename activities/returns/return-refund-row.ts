import { NotFoundError } from '../../domain/errors';
import { minorUnits } from '../../domain/money/minor-units';
import { returnRefundKey } from '../../domain/returns/return-keys';
import { type Refund } from '../../prisma/generated/client';
import { type ActivityDeps } from '../deps';
import { paymentOfOrder } from '../orders/order-payment';

export interface ReturnRefundContext {
  row: Refund;
  amountMinor: number;
  idempotencyKey: string;
  order: { id: string; externalId: string; channelCode: string; channelKind: string };
  /** The payment the refund hangs off: who took it and under which reference. */
  payment: { provider: string; externalRef: string };
  /** For a refund given at a till: where (the receiving store), how (the customer's choice) and to whom. */
  till: { storeId: string | null; method: 'ORIGINAL_PAYMENT' | 'CASH' | 'STORE_CREDIT'; customerId: string | null };
}

/**
 * The refund row of one return line, written once under its business key before any money moves (the
 * database checks the key, the line's amount and the payment's total). Answers null for a line that
 * refunds nothing.
 */
export async function returnRefundRow(
  prisma: ActivityDeps['prisma'],
  returnId: string,
  returnLineId: string,
): Promise<ReturnRefundContext | null> {
  const line = await prisma.returnLine.findFirst({
    where: { id: returnLineId, returnId },
    include: {
      return: { include: { order: { include: { channel: { select: { code: true, kind: true } } } } } },
      orderLine: { select: { product: { select: { sku: true } } } },
    },
  });
  if (line === null) throw new NotFoundError(`Return ${returnId} has no line ${returnLineId}`);
  const amountMinor = minorUnits(line.refundMinor);
  if (amountMinor <= 0) return null;
  const order = line.return.order;
  const idempotencyKey = returnRefundKey(returnId, returnLineId);
  const { row, payment } = await prisma.$transaction(async (tx) => {
    const found = await paymentOfOrder(tx, order);
    const refund = await tx.refund.upsert({
      where: { idempotencyKey },
      create: {
        paymentId: found.id,
        orderId: order.id,
        returnId,
        returnLineId,
        amountMinor: line.refundMinor,
        currency: order.currency,
        reason: `return ${returnId}: ${line.quantity} x ${line.orderLine.product.sku}`,
        idempotencyKey,
      },
      update: {},
    });
    // The payment the row was written against (a retry finds the row of the first attempt).
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: refund.paymentId }, select: { provider: true, externalRef: true } });
    return { row: refund, payment };
  });
  return {
    row,
    payment,
    till: { storeId: line.return.receivedAtStoreId, method: line.return.refundMethod, customerId: order.customerId },
    amountMinor,
    idempotencyKey,
    order: { id: order.id, externalId: order.externalId, channelCode: order.channel.code, channelKind: order.channel.kind },
  };
}

/** The payment's status follows what has been refunded of it so far. */
export async function settleRefundedPayment(prisma: ActivityDeps['prisma'], paymentId: string): Promise<void> {
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { amountMinor: true, refundedMinor: true } });
  if (payment.refundedMinor === 0n) return;
  await prisma.payment.update({
    where: { id: paymentId },
    data: { status: payment.refundedMinor >= payment.amountMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED' },
  });
}
