import { describeInStoreZone } from '../../domain/pickup/pickup-deadline';
import { type Prisma } from '../../prisma/client';

/** What a customer's message says about where and until when an order is collected. */
export interface PickupStoreDetails {
  storeName: string;
  storeAddress: string;
  openingHours: string;
  /** The deadline on the store's own clocks ("5 Dec 2026, 20:15 WITA"); empty when there is none. */
  collectBy: string;
}

/**
 * The order's pickup store as its record names it (not "AMS-01"), and the collect-by moment in that
 * store's zone: `collectByAt` when the caller knows it, else the due time of the order's open hand-over
 * task (the run's expiry). Null for an order with no pickup store.
 */
export async function pickupStoreDetails(
  db: Prisma.TransactionClient,
  orderId: string,
  collectByAt?: Date,
): Promise<PickupStoreDetails | null> {
  const store = await db.store.findFirst({
    where: { pickupOrders: { some: { id: orderId } } },
    select: { name: true, address: true, openingHours: true, timeZone: true },
  });
  if (store === null) return null;
  const deadline = collectByAt ?? (await openHandoverDueAt(db, orderId));
  return {
    storeName: store.name,
    storeAddress: store.address,
    openingHours: store.openingHours,
    collectBy: deadline === null ? '' : describeInStoreZone(deadline, store.timeZone),
  };
}

async function openHandoverDueAt(db: Prisma.TransactionClient, orderId: string): Promise<Date | null> {
  const task = await db.task.findUnique({ where: { idempotencyKey: `handover:${orderId}` }, select: { dueAt: true, status: true } });
  return task !== null && ['OPEN', 'CLAIMED', 'LOCKED'].includes(task.status) ? task.dueAt : null;
}
