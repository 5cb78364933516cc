import { StorePickupPausedError } from '../../domain/inventory/errors';
import { type PrismaClient } from '../../prisma/client';

/**
 * Refuses a new reservation at a store whose pickup an outage paused. A reservation already recorded under
 * this business key (an attempt that committed before the pause, then lost its answer) is not refused: the
 * stock change answers it as the replay it is, so no reserved stock is left without its order.
 */
export async function throwIfPickupPaused(prisma: PrismaClient, storeCode: string, businessKey: string): Promise<void> {
  const [store] = await prisma.$queryRaw<{ refused: boolean }[]>`
    SELECT s.pickup_paused AND NOT EXISTS (SELECT 1 FROM inventory_movements m WHERE m.idempotency_key = ${businessKey}) AS refused
      FROM stores s
     WHERE s.code = ${storeCode}`;
  if (store?.refused === true) throw new StorePickupPausedError(storeCode);
}
