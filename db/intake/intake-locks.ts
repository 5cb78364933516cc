import { type Prisma } from '../../prisma/client';

/**
 * Transaction-scoped advisory locks that serialise intake work on the same business key. Two deliveries
 * of one order (a redelivery racing the original, or "cancelled" overtaking "created") must not both
 * decide the order is new; two orders of one new customer on two channels must not both create them.
 * Locks are always taken order key first, then customer keys in sorted order, so intake cannot deadlock.
 */
async function lockKey(tx: Prisma.TransactionClient, key: string): Promise<void> {
  // Released at commit or rollback. A hash collision only makes two unrelated intakes wait for each other.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

export async function lockOrderIntake(tx: Prisma.TransactionClient, channelId: string, externalId: string): Promise<void> {
  await lockKey(tx, `order-intake:${channelId}:${externalId}`);
}

/** Every key by which this customer could be found, so two intakes of one new customer take turns. */
export async function lockCustomerKeys(
  tx: Prisma.TransactionClient,
  customer: { channelId: string; externalId: string | null; phone: string | null; email: string | null },
): Promise<void> {
  const keys = [
    customer.externalId === null ? null : `customer-identity:${customer.channelId}:${customer.externalId}`,
    customer.phone === null ? null : `customer-phone:${customer.phone}`,
    customer.email === null ? null : `customer-email:${customer.email}`,
  ]
    .filter((key): key is string => key !== null)
    .sort();
  for (const key of keys) await lockKey(tx, key);
}
