import { type PrismaClient } from '../../prisma/client';

/**
 * The implementation we compare against, as it is commonly written: read the level, check in code,
 * write the new value back, append to the ledger, each statement on its own. Between the read and the
 * write another caller can sell the same units, and writing the value computed from a stale read also
 * loses the other caller's increment, so the CHECK constraints never notice. Bench use only.
 */
export async function naiveReserve(
  prisma: PrismaClient,
  storeCode: string,
  sku: string,
  quantity: number,
  businessKey: string,
): Promise<boolean> {
  const [level] = await prisma.$queryRaw<{ storeId: string; productId: string; onHand: number; reserved: number }[]>`
    SELECT l.store_id::text AS "storeId", l.product_id::text AS "productId", l.on_hand AS "onHand", l.reserved
    FROM inventory_levels l JOIN stores s ON s.id = l.store_id JOIN products p ON p.id = l.product_id
    WHERE s.code = ${storeCode} AND p.sku = ${sku}`;
  if (!level || level.onHand - level.reserved < quantity) return false;
  await prisma.$executeRaw`
    UPDATE inventory_levels SET reserved = ${level.reserved + quantity}, version = version + 1, updated_at = now()
    WHERE store_id = ${level.storeId}::uuid AND product_id = ${level.productId}::uuid`;
  await prisma.$executeRaw`
    INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, idempotency_key)
    VALUES (gen_random_uuid(), ${level.storeId}::uuid, ${level.productId}::uuid, 'RESERVE', 0, ${quantity}, 'bench', 'bench:naive', ${businessKey})`;
  return true;
}
