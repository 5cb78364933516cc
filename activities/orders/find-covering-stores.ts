import { type ActivityDeps } from '../deps';

/**
 * Active stores not paused for pickup by an outage (docs/outages.md), other than `excludeStoreCode`, whose available stock (on hand minus reserved) covers
 * every line of the order right now, for offering the customer another pickup store. A snapshot: the
 * reservation at the chosen store is what finally decides.
 */
export function createFindCoveringStores({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function findCoveringStores({
    orderId,
    excludeStoreCode,
  }: {
    orderId: string;
    excludeStoreCode: string;
  }): Promise<{ storeCodes: string[] }> {
    const rows = await prisma.$queryRaw<{ code: string }[]>`
      WITH wanted AS (
        SELECT product_id, sum(quantity)::int AS quantity FROM order_lines WHERE order_id = ${orderId}::uuid GROUP BY product_id
      )
      SELECT s.code FROM stores s
      WHERE s.active AND NOT s.pickup_paused AND s.code <> ${excludeStoreCode}
        AND NOT EXISTS (
          SELECT 1 FROM wanted w
          LEFT JOIN inventory_levels l ON l.store_id = s.id AND l.product_id = w.product_id
          WHERE coalesce(l.on_hand - l.reserved, 0) < w.quantity
        )
      ORDER BY s.code`;
    return { storeCodes: rows.map((row) => row.code) };
  };
}
