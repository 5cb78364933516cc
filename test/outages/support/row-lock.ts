import { type PrismaClient } from '../../../prisma/client';

export interface HeldRowLock {
  /** The backend holding the lock, to find who waits on it (pg_blocking_pids). */
  pid: number;
  /** Ends the holding transaction (changing nothing); resolves once it is over. */
  release(): Promise<void>;
}

/**
 * Holds the row lock of one inventory level in a transaction of its own, the way a till's sale holding
 * the row would: whatever locks that level next waits, mid-transaction, until release.
 */
export async function holdInventoryLevelLock(prisma: PrismaClient, storeId: string, productId: string): Promise<HeldRowLock> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held: (pid: number) => void = () => undefined;
  const pid = new Promise<number>((resolve) => {
    held = resolve;
  });
  const transaction = prisma.$transaction(
    async (tx) => {
      const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await tx.$queryRaw`SELECT id FROM inventory_levels WHERE store_id = ${storeId}::uuid AND product_id = ${productId}::uuid FOR UPDATE`;
      held(backend?.pid ?? -1);
      await released;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  const holder = await Promise.race([pid, transaction.then(() => -1)]);
  if (holder < 0) throw new Error('the lock-holding transaction ended before it held the lock');
  return {
    pid: holder,
    async release() {
      release();
      await transaction;
    },
  };
}
