import { type PrismaClient } from '../../prisma/client';

/**
 * One ORDER_MISSING discrepancy for an order the channel took during its outage and the listing brought in:
 * fixed automatically (the order is ours now and its pickup run reserves as for any channel order), worth the
 * order's total, on the channel and the pickup store, with the order linked. The discrepancy table names one
 * product per row: the order's largest line. channel_qty is the order's units, system_qty the 0 we had.
 * Idempotent per (reconciliation, order): a retried step adds nothing.
 */
export async function recordMissingOrder(prisma: PrismaClient, input: { reconciliationId: string; orderId: string }): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO discrepancies (id, reconciliation_id, store_id, channel_id, product_id, system_qty, channel_qty, delta, class, value_minor,
                               resolution, resolved_at, applied_at, order_id, note, updated_at)
    SELECT gen_random_uuid(), ${input.reconciliationId}::uuid, o.pickup_store_id, o.channel_id, main.product_id, 0, units.quantity, 0,
           'ORDER_MISSING', o.total_minor, 'AUTO_FIXED'::discrepancy_resolution, now(), now(), o.id,
           'fetched from the channel after the outage and taken in', now()
      FROM orders o
      CROSS JOIN LATERAL (SELECT l.product_id FROM order_lines l WHERE l.order_id = o.id
                           ORDER BY l.quantity::bigint * l.unit_price_minor DESC, l.id LIMIT 1) main
      CROSS JOIN LATERAL (SELECT sum(l.quantity)::int AS quantity FROM order_lines l WHERE l.order_id = o.id) units
     WHERE o.id = ${input.orderId}::uuid
       AND NOT EXISTS (SELECT 1 FROM discrepancies d
                        WHERE d.reconciliation_id = ${input.reconciliationId}::uuid AND d.order_id = o.id AND d.class = 'ORDER_MISSING')`;
}
