import { OUTAGE_ACTOR } from '../../domain/outages/outage-workflow';
import { type ReconciliationTolerance } from '../../domain/outages/reconciliation-rules';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface DiffOutageStockInput {
  outageId: string;
  reconciliationId: string;
  workflowId: string;
  tolerance: ReconciliationTolerance;
  fourEyesAboveMinor: number;
}

export interface OutageStockDiff {
  stockDrifts: number;
  autoFixed: number;
  toReview: number;
  fourEyes: number;
  doubleSalesWithOrder: number;
}

interface DiffRow {
  drifts: number;
  auto_fixed: number;
  to_review: number;
  four_eyes: number;
}

/**
 * The second half of the three-way diff, after the journal was applied (reconcile-outage.ts): per store x
 * SKU the newest count of the outage's STOCK_COUNT tasks against on hand now (= system on hand minus the
 * journal). A difference is a STOCK_DRIFT discrepancy with the three numbers (journal units, system, counted);
 * within tolerance (units and value) it is fixed at once with a RECONCILE ledger row keyed
 * `reconcile:<discrepancyId>`, beyond it waits for review (four-eyes above the value). On hand never goes
 * below what is reserved: a count below the reservations fixes down to them. Double sales are linked to
 * the open online order that holds the store's last units, the order a reviewer decides about.
 * Idempotent by reconciliation: a second call answers the counts recorded in its summary.
 */
export function createDiffOutageStock({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function diffOutageStock(input: DiffOutageStockInput): Promise<OutageStockDiff> {
    return withTemporalFailures(() =>
      prisma.$transaction(
        async (tx) => {
          const [rec] = await tx.$queryRaw<{ summary: { stockDiff?: OutageStockDiff } }[]>`
            SELECT summary FROM reconciliations WHERE id = ${input.reconciliationId}::uuid FOR UPDATE`;
          if (rec?.summary.stockDiff !== undefined) return rec.summary.stockDiff;

          // A counted SKU without a stock row gets one, so its correction has a level to land on.
          await tx.$executeRaw`
            INSERT INTO inventory_levels (id, store_id, product_id, on_hand, reserved, version, updated_at)
            SELECT DISTINCT gen_random_uuid(), c.store_id, c.product_id, 0, 0, 0, now()
              FROM (SELECT DISTINCT store_id, product_id FROM stock_count_lines WHERE outage_id = ${input.outageId}::uuid) c
            ON CONFLICT (store_id, product_id) DO NOTHING`;
          const [row] = await tx.$queryRaw<DiffRow[]>`
            WITH counts AS (
              SELECT DISTINCT ON (c.store_id, c.product_id) c.store_id, c.product_id, c.counted
                FROM stock_count_lines c WHERE c.outage_id = ${input.outageId}::uuid
               ORDER BY c.store_id, c.product_id, c.counted_at DESC
            ), levels AS (
              SELECT i.store_id, i.product_id, i.on_hand, i.reserved FROM inventory_levels i
                JOIN counts c ON c.store_id = i.store_id AND c.product_id = i.product_id
               ORDER BY i.store_id, i.product_id FOR UPDATE OF i
            ), journal AS (
              SELECT s.store_id, l.product_id, sum(l.quantity)::int AS quantity
                FROM offline_sales s JOIN offline_sale_lines l ON l.offline_sale_id = s.id
               WHERE s.outage_id = ${input.outageId}::uuid GROUP BY s.store_id, l.product_id
            ), plan AS (
              SELECT c.store_id, c.product_id, c.counted, lv.on_hand, lv.reserved, j.quantity AS journal_qty,
                     c.counted - lv.on_hand AS delta, p.base_price_minor::bigint AS price
                FROM counts c JOIN levels lv ON lv.store_id = c.store_id AND lv.product_id = c.product_id
                JOIN products p ON p.id = c.product_id
                LEFT JOIN journal j ON j.store_id = c.store_id AND j.product_id = c.product_id
               WHERE c.counted <> lv.on_hand
            ), routed AS (
              SELECT plan.*, abs(delta) * price AS value,
                     (abs(delta) <= ${input.tolerance.units} AND abs(delta) * price <= ${input.tolerance.valueMinor}) AS auto,
                     abs(delta) * price > ${input.fourEyesAboveMinor} AS four_eyes
                FROM plan
            ), found AS (
              INSERT INTO discrepancies (id, reconciliation_id, store_id, product_id, journal_qty, system_qty, channel_qty, delta, class,
                                         value_minor, resolution, resolved_at, requires_four_eyes, applied_at, note, updated_at)
              SELECT gen_random_uuid(), ${input.reconciliationId}::uuid, r.store_id, r.product_id, r.journal_qty, r.on_hand, r.counted, r.delta,
                     'STOCK_DRIFT', r.value, CASE WHEN r.auto THEN 'AUTO_FIXED' ELSE 'PENDING' END::discrepancy_resolution,
                     CASE WHEN r.auto THEN now() END, r.four_eyes AND NOT r.auto, CASE WHEN r.auto THEN now() END,
                     'counted ' || r.counted || ', system ' || r.on_hand, now()
                FROM routed r
              RETURNING id, store_id, product_id, delta, resolution
            ), movements AS (
              INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, workflow_id, idempotency_key)
              SELECT gen_random_uuid(), f.store_id, f.product_id, 'RECONCILE', GREATEST(f.delta, r.reserved - r.on_hand), 0,
                     'stock count within tolerance, reconciliation ' || ${input.reconciliationId}, ${OUTAGE_ACTOR.label}, ${input.workflowId},
                     'reconcile:' || f.id
                FROM found f JOIN routed r ON r.store_id = f.store_id AND r.product_id = f.product_id
               WHERE f.resolution = 'AUTO_FIXED' AND GREATEST(f.delta, r.reserved - r.on_hand) <> 0
              ON CONFLICT (idempotency_key) DO NOTHING
              RETURNING store_id, product_id, delta_on_hand
            ), stock AS (
              UPDATE inventory_levels i SET on_hand = i.on_hand + m.delta_on_hand, version = i.version + 1, updated_at = now()
                FROM movements m WHERE i.store_id = m.store_id AND i.product_id = m.product_id
              RETURNING i.id
            )
            SELECT (SELECT count(*) FROM found)::int AS drifts,
                   (SELECT count(*) FROM found WHERE resolution = 'AUTO_FIXED')::int AS auto_fixed,
                   (SELECT count(*) FROM found WHERE resolution = 'PENDING')::int AS to_review,
                   (SELECT count(*) FROM routed WHERE four_eyes AND NOT auto)::int AS four_eyes,
                   (SELECT count(*) FROM stock)::int AS levels`;
          const linked = await tx.$executeRaw`
            UPDATE discrepancies d SET order_id = (
                SELECT o.id FROM orders o JOIN order_lines ol ON ol.order_id = o.id
                 WHERE o.pickup_store_id = d.store_id AND ol.product_id = d.product_id AND ol.status IN ('RESERVED', 'PICKED')
                   AND o.status IN ('RESERVED', 'PICKING', 'READY_FOR_PICKUP', 'AWAITING_CUSTOMER_DECISION')
                 ORDER BY o.placed_at DESC, o.id LIMIT 1), updated_at = now()
             WHERE d.reconciliation_id = ${input.reconciliationId}::uuid AND d.class = 'DOUBLE_SALE' AND d.order_id IS NULL`;
          const counts = row as DiffRow;
          const diff: OutageStockDiff = {
            stockDrifts: counts.drifts,
            autoFixed: counts.auto_fixed,
            toReview: counts.to_review,
            fourEyes: counts.four_eyes,
            doubleSalesWithOrder: linked,
          };
          await tx.$executeRaw`
            UPDATE reconciliations SET summary = summary || jsonb_build_object('stockDiff', ${JSON.stringify(diff)}::jsonb), updated_at = now()
             WHERE id = ${input.reconciliationId}::uuid`;
          return diff;
        },
        { timeout: 120_000 },
      ),
    );
  };
}
