import { type OrderLineDraft } from '../../domain/orders/order-lines';
import { type FulfilmentType, type PaymentStatus, type Prisma } from '../../prisma/client';

export interface NewOrder {
  channelId: string;
  externalId: string;
  customerId: string;
  fulfilmentType: FulfilmentType;
  pickupStoreId: string | null;
  cancellation: { at: Date; reason: string } | null;
  currency: string;
  totalMinor: number;
  placedAt: Date;
  /** Sequence of the channel event that created it; 0 for orders we take ourselves. */
  channelSequence: number;
  intakeNotes: string[];
  lines: OrderLineDraft[];
  payment: { provider: string; externalRef: string; status: PaymentStatus };
}

/** Writes an order with its lines and its payment; the caller's transaction makes it all or nothing. */
export async function insertOrder(tx: Prisma.TransactionClient, order: NewOrder): Promise<{ id: string }> {
  const cancelled = order.cancellation !== null;
  return tx.order.create({
    data: {
      channelId: order.channelId,
      externalId: order.externalId,
      customerId: order.customerId,
      fulfilmentType: order.fulfilmentType,
      pickupStoreId: order.pickupStoreId,
      status: cancelled ? 'CANCELLED' : 'RECEIVED',
      cancelledAt: order.cancellation?.at ?? null,
      cancelReason: order.cancellation?.reason ?? null,
      currency: order.currency,
      totalMinor: order.totalMinor,
      placedAt: order.placedAt,
      channelSequence: order.channelSequence,
      intakeNotes: order.intakeNotes,
      lines: {
        create: order.lines.map((line) => ({
          productId: line.productId,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          status: cancelled ? 'CANCELLED' : 'PENDING',
        })),
      },
      payments: {
        create: {
          channelId: order.channelId,
          provider: order.payment.provider,
          externalRef: order.payment.externalRef,
          amountMinor: order.totalMinor,
          currency: order.currency,
          status: order.payment.status,
        },
      },
    },
    select: { id: true },
  });
}
