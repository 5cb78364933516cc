import { type PrismaClient, Prisma } from '../../../prisma/client';
import { type PickupFigures } from './dashboard.validators';
import { type Period } from './reporting-period';
import { countOf, inStores, rateOf } from './sql-fragments';

interface PickupRow {
  storeId: string | null;
  pickTasks: bigint;
  pickedWithinSla: bigint;
  readyOrders: bigint;
  p50: number | null;
  p90: number | null;
  expired: bigint;
}

/**
 * Per store (and for every store in scope: the grouping set's empty row, store null):
 * - PICK tasks created in the period that are decided: done, or not done and past due (cancelled ones and
 *   those still within their SLA are left out); done by their due time counts as within SLA;
 * - for pickup orders placed in the period, order -> ready for pickup p50/p90 in seconds (percentile_cont),
 *   and how many expired uncollected.
 */
export async function pickupFiguresByStore(
  prisma: PrismaClient,
  period: Period,
  storeIds: readonly string[] | undefined,
): Promise<Map<string | null, PickupFigures>> {
  const rows = await prisma.$queryRaw<PickupRow[]>`
    WITH picks AS (
      SELECT t.store_id,
        count(*) FILTER (WHERE t.status = 'DONE' OR (t.status <> 'CANCELLED' AND t.due_at < now())) AS pick_tasks,
        count(*) FILTER (WHERE t.status = 'DONE' AND t.completed_at <= t.due_at) AS picked_within_sla
      FROM tasks t
      WHERE t.type = 'PICK' AND t.store_id IS NOT NULL
        AND t.created_at >= ${period.from} AND t.created_at < ${period.to}
        AND ${inStores(Prisma.sql`t.store_id`, storeIds)}
      GROUP BY t.store_id
    ), pickup_orders AS (
      SELECT o.pickup_store_id AS store_id, o.status,
        extract(epoch FROM o.ready_for_pickup_at - o.placed_at)::float8 AS seconds_to_ready
      FROM orders o
      WHERE o.fulfilment_type = 'PICKUP' AND o.pickup_store_id IS NOT NULL
        AND o.placed_at >= ${period.from} AND o.placed_at < ${period.to}
        AND ${inStores(Prisma.sql`o.pickup_store_id`, storeIds)}
    ), stores_in_scope AS (
      SELECT store_id FROM picks UNION SELECT store_id FROM pickup_orders
    )
    SELECT s.store_id AS "storeId",
      coalesce(sum(p.pick_tasks), 0)::int8 AS "pickTasks",
      coalesce(sum(p.picked_within_sla), 0)::int8 AS "pickedWithinSla",
      (SELECT count(seconds_to_ready) FROM pickup_orders po WHERE s.store_id IS NULL OR po.store_id = s.store_id) AS "readyOrders",
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_to_ready) FROM pickup_orders po
        WHERE s.store_id IS NULL OR po.store_id = s.store_id) AS p50,
      (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds_to_ready) FROM pickup_orders po
        WHERE s.store_id IS NULL OR po.store_id = s.store_id) AS p90,
      (SELECT count(*) FROM pickup_orders po WHERE po.status = 'EXPIRED' AND (s.store_id IS NULL OR po.store_id = s.store_id)) AS expired
    FROM (SELECT store_id FROM stores_in_scope UNION ALL SELECT NULL::uuid) s
    LEFT JOIN picks p ON s.store_id IS NULL OR p.store_id = s.store_id
    GROUP BY s.store_id`;
  return new Map(
    rows.map((row) => {
      const pickTasks = countOf(row.pickTasks);
      const pickedWithinSla = countOf(row.pickedWithinSla);
      return [
        row.storeId,
        {
          pickTasks,
          pickedWithinSla,
          withinSlaRate: rateOf(pickedWithinSla, pickTasks),
          readyOrders: countOf(row.readyOrders),
          orderToReadySecondsP50: row.p50,
          orderToReadySecondsP90: row.p90,
          expiredUncollected: countOf(row.expired),
        },
      ];
    }),
  );
}
