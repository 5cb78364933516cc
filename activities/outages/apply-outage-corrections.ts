import { ApplicationFailure } from '@temporalio/common';
import { OUTAGE_ACTOR } from '../../domain/outages/outage-workflow';
import { type ActivityDeps } from '../deps';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface ApplyOutageCorrectionsInput {
  outageId: string;
  reconciliationId: string;
  workflowId: string;
}

/** A double sale whose order is to be cancelled and refunded through its pickup run. */
export interface OrderCancellation {
  discrepancyId: string;
  orderId: string;
  orderWorkflowId: string;
  reason: string;
}

export interface AppliedCorrections {
  /** Stock corrections written (one RECONCILE ledger row each). */
  stockCorrections: number;
  unitsMoved: number;
  /** Double sales fulfilled by a transfer from the store a reviewer chose. */
  transfers: number;
  /** Double sales sent back to review: the chosen store no longer had the units. */
  reopened: number;
  cancellations: OrderCancellation[];
}

/**
 * Carries out what reviewers approved, once each (ledger rows keyed by discrepancy, rows APPROVED ->
 * APPLIED in the same transaction):
 * - a stock correction: a RECONCILE row of the correction in force (edited or proposed), never below what
 *   is reserved, on hand moved by exactly that;
 * - a double sale fulfilled from another store: the unit the journal sold leaves the cut-off store
 *   (OFFLINE_SALE) and one comes in from the chosen store (RECEIVE there, ADJUST out of the other), so the
 *   online order keeps its store and its reservation. The other store's units are taken only if still
 *   available; if not, the row goes back to PENDING for a new decision;
 * - a double sale to cancel and refund: answered to the run, which cancels the order through its pickup
 *   run; `settleCancelledDoubleSale` books the journal's unit once the reservation is released.
 */
export function createApplyOutageCorrections({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function applyOutageCorrections(input: ApplyOutageCorrectionsInput): Promise<AppliedCorrections> {
    return withTemporalFailures(() =>
      prisma.$transaction(
        async (tx) => {
          const [stock] = await tx.$queryRaw<{ corrections: number; units: number }[]>`
            WITH approved AS (
              SELECT d.id, d.store_id, d.product_id, COALESCE(d.corrected_delta, d.delta) AS delta FROM discrepancies d
               WHERE d.reconciliation_id = ${input.reconciliationId}::uuid AND d.class = 'STOCK_DRIFT' AND d.resolution = 'APPROVED'
               ORDER BY d.store_id, d.product_id FOR UPDATE OF d
            ), levels AS (
              SELECT i.store_id, i.product_id, i.on_hand, i.reserved FROM inventory_levels i
                JOIN approved a ON a.store_id = i.store_id AND a.product_id = i.product_id
               ORDER BY i.store_id, i.product_id FOR UPDATE OF i
            ), movements AS (
              INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, workflow_id, idempotency_key)
              SELECT gen_random_uuid(), a.store_id, a.product_id, 'RECONCILE', GREATEST(a.delta, lv.reserved - lv.on_hand), 0,
                     'approved stock correction, reconciliation ' || ${input.reconciliationId}, ${OUTAGE_ACTOR.label}, ${input.workflowId},
                     'reconcile:' || a.id
                FROM approved a JOIN levels lv ON lv.store_id = a.store_id AND lv.product_id = a.product_id
               WHERE GREATEST(a.delta, lv.reserved - lv.on_hand) <> 0
              ON CONFLICT (idempotency_key) DO NOTHING
              RETURNING store_id, product_id, delta_on_hand
            ), moved AS (
              UPDATE inventory_levels i SET on_hand = i.on_hand + m.delta_on_hand, version = i.version + 1, updated_at = now()
                FROM movements m WHERE i.store_id = m.store_id AND i.product_id = m.product_id
              RETURNING m.delta_on_hand
            ), applied AS (
              UPDATE discrepancies d SET resolution = 'APPLIED', applied_at = now(), updated_at = now()
                FROM approved a WHERE d.id = a.id RETURNING d.id
            )
            SELECT (SELECT count(*) FROM applied)::int AS corrections, (SELECT COALESCE(sum(abs(delta_on_hand)), 0) FROM moved)::int AS units`;

          const transfers = await tx.$queryRaw<
            { id: string; store_id: string; product_id: string; units: number; from_store: string; available: number | null }[]
          >`
            SELECT d.id, d.store_id, d.product_id, abs(d.delta)::int AS units, d.decision_store_id AS from_store,
                   (SELECT i.on_hand - i.reserved FROM inventory_levels i WHERE i.store_id = d.decision_store_id AND i.product_id = d.product_id
                     FOR UPDATE)::int AS available
              FROM discrepancies d
             WHERE d.reconciliation_id = ${input.reconciliationId}::uuid AND d.class = 'DOUBLE_SALE' AND d.resolution = 'APPROVED'
               AND d.decision = 'FULFIL_FROM_STORE'
             ORDER BY d.id FOR UPDATE OF d`;
          let done = 0;
          let reopened = 0;
          for (const t of transfers) {
            if ((t.available ?? 0) < t.units) {
              await tx.$executeRaw`
                UPDATE discrepancies SET resolution = 'PENDING', decision = NULL, decision_store_id = NULL, resolved_at = NULL,
                       resolved_by_user_id = NULL, note = 'the chosen store no longer has the units: decide again', updated_at = now()
                 WHERE id = ${t.id}::uuid`;
              reopened += 1;
              continue;
            }
            const key = `double-sale:${t.id}`;
            const reason = `double sale ${t.id}: unit transferred for the online order`;
            await tx.$executeRaw`
              INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, workflow_id, idempotency_key)
              VALUES (gen_random_uuid(), ${t.store_id}::uuid, ${t.product_id}::uuid, 'OFFLINE_SALE', ${-t.units}, 0, ${`${reason} (sold offline)`},
                      ${OUTAGE_ACTOR.label}, ${input.workflowId}, ${`${key}:sold-offline`}),
                     (gen_random_uuid(), ${t.store_id}::uuid, ${t.product_id}::uuid, 'RECEIVE', ${t.units}, 0, ${`${reason} (transfer in)`},
                      ${OUTAGE_ACTOR.label}, ${input.workflowId}, ${`${key}:transfer-in`}),
                     (gen_random_uuid(), ${t.from_store}::uuid, ${t.product_id}::uuid, 'ADJUST', ${-t.units}, 0, ${`${reason} (transfer out)`},
                      ${OUTAGE_ACTOR.label}, ${input.workflowId}, ${`${key}:transfer-out`})
              ON CONFLICT (idempotency_key) DO NOTHING`;
            await tx.$executeRaw`
              UPDATE inventory_levels SET on_hand = on_hand - ${t.units}, version = version + 1, updated_at = now()
               WHERE store_id = ${t.from_store}::uuid AND product_id = ${t.product_id}::uuid`;
            await tx.$executeRaw`
              UPDATE discrepancies SET resolution = 'APPLIED', applied_at = now(), updated_at = now() WHERE id = ${t.id}::uuid`;
            done += 1;
          }

          const cancellations = await tx.$queryRaw<{ id: string; order_id: string; workflow_id: string | null; reason: string | null }[]>`
            SELECT d.id, d.order_id, o.workflow_id, d.decision_reason AS reason FROM discrepancies d JOIN orders o ON o.id = d.order_id
             WHERE d.reconciliation_id = ${input.reconciliationId}::uuid AND d.class = 'DOUBLE_SALE' AND d.resolution = 'APPROVED'
               AND d.decision = 'CANCEL_AND_REFUND'
             ORDER BY d.id`;
          return {
            stockCorrections: (stock as { corrections: number }).corrections,
            unitsMoved: (stock as { units: number }).units,
            transfers: done,
            reopened,
            cancellations: cancellations.map((c) => ({
              discrepancyId: c.id,
              orderId: c.order_id,
              orderWorkflowId: c.workflow_id ?? `pickup:${c.order_id}`,
              reason: c.reason ?? 'sold twice during a store outage',
            })),
          };
        },
        { timeout: 120_000 },
      ),
    );
  };
}

/** Order statuses after which a cancelled order holds no stock any more. */
const RELEASED = ['CANCELLED', 'EXPIRED'];

/**
 * After the order of a double sale was cancelled through its pickup run: once the run has released the
 * reservation (the order CANCELLED), the unit the journal sold leaves on hand (OFFLINE_SALE, keyed
 * `double-sale:<discrepancyId>:sold-offline`) and the discrepancy is APPLIED. Until then it fails
 * retryably, so the activity's retries wait for the pickup run. An order that was collected meanwhile
 * (it left the store before the decision) is recorded as such, with nothing booked twice.
 */
export function createSettleCancelledDoubleSale({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function settleCancelledDoubleSale(input: { discrepancyId: string; workflowId: string }): Promise<{ settled: string }> {
    return withTemporalFailures(() =>
      prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<
          { resolution: string; store_id: string; product_id: string; delta: number; order_status: string | null }[]
        >`
          SELECT d.resolution::text AS resolution, d.store_id, d.product_id, d.delta, o.status::text AS order_status
            FROM discrepancies d LEFT JOIN orders o ON o.id = d.order_id WHERE d.id = ${input.discrepancyId}::uuid FOR UPDATE OF d`;
        if (row === undefined) throw ApplicationFailure.nonRetryable(`Discrepancy ${input.discrepancyId} not found`, 'NOT_FOUND');
        if (row.resolution === 'APPLIED') return { settled: 'already applied' };
        if (row.order_status === null || !RELEASED.includes(row.order_status)) {
          if (row.order_status === 'COLLECTED' || row.order_status === 'COMPLETED') {
            await tx.$executeRaw`
              UPDATE discrepancies SET resolution = 'APPLIED', applied_at = now(), note = 'the order was collected before it could be cancelled',
                     updated_at = now() WHERE id = ${input.discrepancyId}::uuid`;
            return { settled: 'order collected before the cancellation' };
          }
          throw ApplicationFailure.retryable(`The order is ${row.order_status ?? 'unknown'}, not released yet`, 'ORDER_NOT_RELEASED');
        }
        const [level] = await tx.$queryRaw<{ available: number }[]>`
          SELECT (on_hand - reserved)::int AS available FROM inventory_levels
           WHERE store_id = ${row.store_id}::uuid AND product_id = ${row.product_id}::uuid FOR UPDATE`;
        const units = Math.min(Math.abs(row.delta), level?.available ?? 0);
        if (units > 0) {
          const inserted = await tx.$executeRaw`
            INSERT INTO inventory_movements (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_label, workflow_id, idempotency_key)
            VALUES (gen_random_uuid(), ${row.store_id}::uuid, ${row.product_id}::uuid, 'OFFLINE_SALE', ${-units}, 0,
                    ${`double sale ${input.discrepancyId}: online order cancelled, unit sold offline`}, ${OUTAGE_ACTOR.label}, ${input.workflowId},
                    ${`double-sale:${input.discrepancyId}:sold-offline`})
            ON CONFLICT (idempotency_key) DO NOTHING`;
          if (inserted > 0)
            await tx.$executeRaw`
              UPDATE inventory_levels SET on_hand = on_hand - ${units}, version = version + 1, updated_at = now()
               WHERE store_id = ${row.store_id}::uuid AND product_id = ${row.product_id}::uuid`;
        }
        await tx.$executeRaw`
          UPDATE discrepancies SET resolution = 'APPLIED', applied_at = now(), updated_at = now() WHERE id = ${input.discrepancyId}::uuid`;
        return { settled: `order cancelled and refunded, ${units} unit(s) booked as sold offline` };
      }),
    );
  };
}
