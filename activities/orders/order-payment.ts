import { type PaymentStatus, type Prisma } from '../../prisma/client';

interface OrderForPayment {
  id: string;
  channelId: string;
  externalId: string;
  totalMinor: bigint | number;
  currency: string;
}

/**
 * The payment the order's channel took, which refunds hang off. Marketplaces collect the money
 * themselves and intake may not record a payment, so when there is none we record the one the channel
 * holds: its whole total, captured, referenced by the channel's order id.
 */
export async function paymentOfOrder(tx: Prisma.TransactionClient, order: OrderForPayment): Promise<{ id: string; status: PaymentStatus }> {
  const existing = await tx.payment.findFirst({
    where: { orderId: order.id, channelId: order.channelId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, status: true },
  });
  if (existing !== null) return existing;
  return tx.payment.upsert({
    where: { channelId_externalRef: { channelId: order.channelId, externalRef: `order:${order.externalId}` } },
    create: {
      orderId: order.id,
      channelId: order.channelId,
      provider: 'channel',
      externalRef: `order:${order.externalId}`,
      amountMinor: order.totalMinor,
      currency: order.currency,
      status: 'CAPTURED',
    },
    update: {},
    select: { id: true, status: true },
  });
}
