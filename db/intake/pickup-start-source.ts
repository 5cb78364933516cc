import { InvalidDataError, NotFoundError } from '../../domain/errors';
import { type PickupStartSource } from '../../domain/pickup/pickup-definition';
import { type Prisma } from '../../prisma/client';
import { pickupOrderSnapshotOf, pickupOrderSnapshotSelect } from '../../prisma/reads/pickup-order-snapshot';

export const pickupStoreSettingsSelect = {
  code: true,
  pickSlaMinutes: true,
  pickEscalationMinutes: true,
  pickupReminderMinutes: true,
  pickupExpiryHours: true,
  unfulfillablePolicy: true,
} as const satisfies Prisma.StoreSelect;

/** Reads what the start needs of an order already stored (the retry path; intake builds it from what it just wrote). */
export async function readPickupStartSource(tx: Prisma.TransactionClient, orderId: string): Promise<PickupStartSource> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { ...pickupOrderSnapshotSelect, fulfilmentType: true, pickupStore: { select: pickupStoreSettingsSelect } },
  });
  if (order === null) throw new NotFoundError(`Order ${orderId} not found`);
  if (order.fulfilmentType !== 'PICKUP' || order.pickupStore === null) {
    throw new InvalidDataError('Only pickup orders with a pickup store have a pickup workflow', {
      fulfilmentType: 'must be PICKUP with a pickup store',
    });
  }
  return { order: pickupOrderSnapshotOf(order), store: order.pickupStore };
}
