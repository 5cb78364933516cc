import { randomUUID } from 'node:crypto';
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

export interface InsertedOrder {
  id: string;
  /** The lines as written (in the order given), with their ids. */
  lines: (OrderLineDraft & { id: string })[];
}

/**
 * Writes an order with its lines and its payment; the caller's transaction makes it all or nothing. Ids
 * are made here rather than by the database, so the caller can describe what it wrote (e.g. the pickup
 * workflow's input) without reading it back.
 */
export async function insertOrder(tx: Prisma.TransactionClient, order: NewOrder): Promise<InsertedOrder> {
  const cancelled = order.cancellation !== null;
  const lines = order.lines.map((line) => ({ ...line, id: randomUUID() }));
  const { id } = await tx.order.create({
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
        create: lines.map((line) => ({
          id: line.id,
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
  return { id, lines };
}
