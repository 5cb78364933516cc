import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';
import { type OutageReconciliationCounts } from '../../domain/outages/outage-workflow';
import { OUTAGE_ACTOR } from '../../domain/outages/outage-workflow';
import { lockStoreJournal } from '../../db/outages/journal-write-guard';

export interface ReconcileOutageInput {
  outageId: string;
  workflowId: string;
}

interface CountsRow {
  sales: number;
  lines: number;
  discrepancies: number;
  double_sales: number;
  value_minor: bigint;
}

/**
 * Applies the outage's offline journal to stock and records what does not fit, in one transaction of
 * set-based statements (no row goes through Node, whatever the journal's size):
 * - per store x SKU, the unapplied offline units are taken from on hand as OFFLINE_SALE ledger rows keyed
 *   `offline-sale:<reconciliationId>:<store>:<product>` and named after the reconciliation, at most what
 *   is available (stock never goes negative);
 * - what the journal sold beyond that was sold twice (offline and online): a DOUBLE_SALE discrepancy,
 *   PENDING an order decision; the applied part is an OFFLINE_SALE discrepancy, AUTO_FIXED;
 * - a receipt whose conflict was decided TAKE_INCOMING counts with the incoming version's lines, not the journal's;
 * - the sales are stamped applied_to_stock_at.
 * Idempotent by outage: a second call finds its reconciliation and answers its recorded counts.
 */
export function createReconcileOutage({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function reconcileOutage(input: ReconcileOutageInput): Promise<OutageReconciliationCounts> {
    return withTemporalFailures(() =>
      prisma.$transaction(
        async (tx) => {
          // One big statement over the whole journal: JIT compiling it (on by cost estimate) costs more than it saves.
          await tx.$executeRaw`SET LOCAL jit = off`;
          // The store's journal lock first (imports and conflict decisions take it before anything else): a
          // conflict decided before this point is applied as decided, one decided after finds the sales applied.
          const [scope] = await tx.$queryRaw<{ store_id: string | null }[]>`
            SELECT store_id FROM outages WHERE id = ${input.outageId}::uuid`;
          if (scope?.store_id) await lockStoreJournal((text, params) => tx.$queryRawUnsafe(text, ...(params ?? [])), scope.store_id);
          const [outage] = await tx.$queryRaw<{ store_id: string | null }[]>`
            SELECT store_id FROM outages WHERE id = ${input.outageId}::uuid FOR UPDATE`;
          const [done] = await tx.$queryRaw<{ id: string; summary: OutageReconciliationCounts }[]>`
            SELECT id, summary FROM reconciliations WHERE outage_id = ${input.outageId}::uuid AND workflow_id = ${input.workflowId}`;
          if (done !== undefined && done.summary.reconciliationId === done.id) return done.summary;
          const [created] = await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO reconciliations (id, outage_id, status, started_at, workflow_id, summary, updated_at)
            VALUES (gen_random_uuid(), ${input.outageId}::uuid, 'RUNNING', now(), ${input.workflowId}, '{"kind":"OUTAGE"}', now())
            RETURNING id`;
          const reconciliationId = (created as { id: string }).id;
          const storeId = outage?.store_id ?? null;
          // Lock the levels the journal touches, in a fixed order (domain/inventory/lock-order.ts's rule).
          const [counts] = await tx.$queryRaw<CountsRow[]>`
            WITH sales AS (
              SELECT s.id, s.store_id FROM offline_sales s
               WHERE s.applied_to_stock_at IS NULL AND (s.outage_id = ${input.outageId}::uuid OR s.store_id = ${storeId}::uuid)
            ), taken AS (
              -- A conflict decided TAKE_INCOMING supersedes its sale's journal lines (docs/outages.md, "Offline-sale conflicts").
              SELECT c.offline_sale_id, c.incoming FROM offline_sale_conflicts c
               WHERE c.decision = 'TAKE_INCOMING' AND c.offline_sale_id IN (SELECT id FROM sales)
            ), sold AS (
              SELECT sa.store_id, l.product_id, l.quantity, l.unit_price_minor::bigint AS unit_price
                FROM sales sa JOIN offline_sale_lines l ON l.offline_sale_id = sa.id
               WHERE NOT EXISTS (SELECT 1 FROM taken t WHERE t.offline_sale_id = sa.id)
              UNION ALL
              SELECT sa.store_id, p.id, x.quantity, x."unitPriceMinor"
                FROM taken t JOIN sales sa ON sa.id = t.offline_sale_id
               CROSS JOIN LATERAL jsonb_to_recordset(t.incoming -> 'lines') AS x(sku text, quantity int, "unitPriceMinor" bigint)
                JOIN products p ON p.sku = x.sku
            ), wanted AS (
              SELECT store_id, product_id, sum(quantity)::int AS quantity, max(unit_price)::bigint AS unit_price
                FROM sold GROUP BY store_id, product_id
            ), levels AS (
              SELECT i.store_id, i.product_id, i.on_hand, i.reserved FROM inventory_levels i
                JOIN wanted w ON w.store_id = i.store_id AND w.product_id = i.product_id
               ORDER BY i.store_id, i.product_id FOR UPDATE OF i
            ), plan AS (
              SELECT w.store_id, w.product_id, w.quantity, w.unit_price, COALESCE(lv.on_hand, 0) AS on_hand,
                     LEAST(w.quantity, COALESCE(lv.on_hand - lv.reserved, 0)) AS applied
                FROM wanted w LEFT JOIN levels lv ON lv.store_id = w.store_id AND lv.product_id = w.product_id
            ), movements AS (
              INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, workflow_id, idempotency_key)
              SELECT gen_random_uuid(), p.store_id, p.product_id, 'OFFLINE_SALE', -p.applied, 0,
                     'offline sales applied by reconciliation ' || ${reconciliationId}, ${OUTAGE_ACTOR.label}, ${input.workflowId},
                     'offline-sale:' || ${reconciliationId} || ':' || p.store_id || ':' || p.product_id
                FROM plan p WHERE p.applied > 0
              ON CONFLICT (idempotency_key) DO NOTHING
              RETURNING store_id, product_id, delta_on_hand
            ), stock AS (
              UPDATE inventory_levels i SET on_hand = i.on_hand + m.delta_on_hand, version = i.version + 1, updated_at = now()
                FROM movements m WHERE i.store_id = m.store_id AND i.product_id = m.product_id
              RETURNING i.id
            ), found AS (
              INSERT INTO discrepancies (id, reconciliation_id, store_id, product_id, journal_qty, system_qty, delta, class, value_minor, resolution, resolved_at, note, updated_at)
              SELECT gen_random_uuid(), ${reconciliationId}::uuid, p.store_id, p.product_id, p.quantity, p.on_hand, -p.applied, 'OFFLINE_SALE',
                     p.applied * p.unit_price, 'AUTO_FIXED'::discrepancy_resolution, now(), 'offline sales applied', now()
                FROM plan p WHERE p.applied > 0
              UNION ALL
              SELECT gen_random_uuid(), ${reconciliationId}::uuid, p.store_id, p.product_id, p.quantity, p.on_hand, -(p.quantity - p.applied), 'DOUBLE_SALE',
                     (p.quantity - p.applied) * p.unit_price, 'PENDING'::discrepancy_resolution, NULL::timestamptz, 'sold offline and online: needs an order decision', now()
                FROM plan p WHERE p.quantity > p.applied
              RETURNING class, value_minor
            ), stamped AS (
              -- The same rows as sales (one snapshot), found by the same predicate in heap order rather than by
              -- a primary key lookup per sale.
              UPDATE offline_sales s SET applied_to_stock_at = now(), updated_at = now()
               WHERE s.applied_to_stock_at IS NULL AND (s.outage_id = ${input.outageId}::uuid OR s.store_id = ${storeId}::uuid)
              RETURNING s.id
            )
            SELECT (SELECT count(*) FROM stamped)::int AS sales,
                   (SELECT count(*) FROM movements)::int AS lines,
                   (SELECT count(*) FROM found)::int AS discrepancies,
                   (SELECT count(*) FROM found WHERE class = 'DOUBLE_SALE')::int AS double_sales,
                   (SELECT COALESCE(sum(value_minor), 0) FROM found)::bigint AS value_minor,
                   (SELECT count(*) FROM stock)::int AS levels`;
          const row = counts as CountsRow;
          const summary: OutageReconciliationCounts = {
            reconciliationId,
            offlineSalesApplied: row.sales,
            linesApplied: row.lines,
            discrepancies: row.discrepancies,
            doubleSales: row.double_sales,
            valueMinor: Number(row.value_minor),
          };
          await tx.$executeRaw`
            UPDATE reconciliations SET summary = ${JSON.stringify({ kind: 'OUTAGE', ...summary })}::jsonb,
                   status = ${summary.doubleSales > 0 ? 'AWAITING_REVIEW' : 'COMPLETED'}::reconciliation_status,
                   finished_at = now(), updated_at = now()
             WHERE id = ${reconciliationId}::uuid`;
          return summary;
        },
        { timeout: 120_000 },
      ),
    );
  };
}
