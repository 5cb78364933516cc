import { type PickupOrderSnapshot } from '../../domain/pickup/pickup-order-snapshot';
import { type Prisma } from '../client';

/**
 * One query shape for the snapshot, shared by the API (which reads it once while starting the workflow
 * and passes it in the input) and the loading activity (for runs started without it).
 */
export const pickupOrderSnapshotSelect = {
  id: true,
  externalId: true,
  currency: true,
  status: true,
  channel: { select: { code: true } },
  customer: { select: { name: true } },
  lines: {
    select: { id: true, quantity: true, unitPriceMinor: true, product: { select: { sku: true, name: true } } },
    orderBy: { id: 'asc' },
  },
} as const satisfies Prisma.OrderSelect;

export type PickupOrderSnapshotRow = Prisma.OrderGetPayload<{ select: typeof pickupOrderSnapshotSelect }>;

export function pickupOrderSnapshotOf(order: PickupOrderSnapshotRow): PickupOrderSnapshot {
  return {
    orderId: order.id,
    externalId: order.externalId,
    channelCode: order.channel.code,
    currency: order.currency,
    status: order.status,
    customerName: order.customer?.name ?? null,
    lines: order.lines.map((line) => ({
      lineId: line.id,
      sku: line.product.sku,
      productName: line.product.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
    })),
  };
}
