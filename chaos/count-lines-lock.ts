import { type PrismaClient } from '../prisma/client';

export interface HeldCountLines {
  /** The backend holding the locks, to find who waits on them (pg_blocking_pids). */
  pid: number;
  lines: { id: string; productId: string }[];
  /** Ends the holding transaction (changing nothing); resolves once it is over. */
  release(): Promise<void>;
}

/**
 * Waits, polling without pause inside one transaction, for a stock count's lines to be committed (by
 * recordStockCount, inside the task completion), then locks them and the stock rows of `heldSkus`' lines.
 * Whatever then corrects a line waits: on a held stock row before its ledger row commits, on the line (its
 * ADJUSTED mark) after it, so the correction activity never completes until release.
 */
export async function holdCountLines(
  prisma: PrismaClient,
  stockCountId: string,
  heldProductIds: (lines: { id: string; productId: string }[]) => string[],
  timeoutMs = 60_000,
): Promise<HeldCountLines> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held: (value: { pid: number; lines: { id: string; productId: string }[] }) => void = () => undefined;
  const holding = new Promise<{ pid: number; lines: { id: string; productId: string }[] }>((resolve) => {
    held = resolve;
  });
  const transaction = prisma.$transaction(
    async (tx) => {
      const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      const deadline = Date.now() + timeoutMs;
      let lines: { id: string; productId: string }[] = [];
      while (lines.length === 0) {
        if (Date.now() > deadline) throw new Error(`stock count ${stockCountId}: no lines recorded within ${timeoutMs / 1000} s`);
        lines = await tx.$queryRaw<{ id: string; productId: string }[]>`
          SELECT id::text AS id, product_id::text AS "productId" FROM stock_count_lines
           WHERE stock_count_id = ${stockCountId}::uuid ORDER BY id FOR UPDATE`;
      }
      const [{ storeId }] = await tx.$queryRaw<[{ storeId: string }]>`
        SELECT store_id::text AS "storeId" FROM stock_count_lines WHERE id = ${lines[0]?.id ?? ''}::uuid`;
      const productIds = heldProductIds(lines);
      if (productIds.length > 0)
        await tx.$queryRaw`
          SELECT id FROM inventory_levels WHERE store_id = ${storeId}::uuid
             AND product_id = ANY(${productIds}::uuid[]) ORDER BY product_id FOR UPDATE`;
      held({ pid: backend?.pid ?? -1, lines });
      await released;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  const seen = await Promise.race([holding, transaction.then(() => null)]);
  if (seen === null) throw new Error('the lock-holding transaction ended before it held the lines');
  return {
    ...seen,
    async release() {
      release();
      await transaction;
    },
  };
}
