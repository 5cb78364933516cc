import { NotFoundError } from '../../domain/errors';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { type PickupOrderSnapshot } from '../../domain/pickup/pickup-order-snapshot';
import { pickupOrderSnapshotOf, pickupOrderSnapshotSelect } from '../../prisma/reads/pickup-order-snapshot';

/**
 * Reads the order snapshot for a pickup run whose input does not carry it (runs started before the API
 * passed it, or by a caller that only knows the order id).
 */
export function createLoadPickupOrder({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function loadPickupOrder({ orderId }: { orderId: string }): Promise<PickupOrderSnapshot> {
    return withTemporalFailures(async () => {
      const order = await prisma.order.findUnique({ where: { id: orderId }, select: pickupOrderSnapshotSelect });
      if (order === null) throw new NotFoundError(`Order ${orderId} not found`);
      return pickupOrderSnapshotOf(order);
    });
  };
}
