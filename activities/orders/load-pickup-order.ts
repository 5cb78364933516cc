import { NotFoundError } from '../../domain/errors';
import { type PickupOrderLine } from '../../domain/pickup/pick-result';
import { type ActivityDeps } from '../deps';
import { withActivityFailures } from '../inventory/to-activity-failure';

export interface PickupOrderSnapshot {
  orderId: string;
  externalId: string;
  channelCode: string;
  currency: string;
  status: string;
  customerName: string | null;
  lines: (PickupOrderLine & { productName: string })[];
}

/** What the pickup workflow needs of an order, read once at its start: lines, prices, origin channel. */
export function createLoadPickupOrder({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function loadPickupOrder({ orderId }: { orderId: string }): Promise<PickupOrderSnapshot> {
    return withActivityFailures(async () => {
      const order = await prisma.order.findUnique({
        where: { id: orderId },
        include: { channel: { select: { code: true } }, customer: { select: { name: true } }, lines: { include: { product: { select: { sku: true, name: true } } }, orderBy: { id: 'asc' } } },
      });
      if (order === null) throw new NotFoundError(`Order ${orderId} not found`);
      return {
        orderId: order.id,
        externalId: order.externalId,
        channelCode: order.channel.code,
        currency: order.currency,
        status: order.status,
        customerName: order.customer?.name ?? null,
        lines: order.lines.map((line) => ({ lineId: line.id, sku: line.product.sku, productName: line.product.name, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor })),
      };
    });
  };
}
