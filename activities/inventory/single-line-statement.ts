import { type PlannedStockChange, type StockDeltaLine } from '../../domain/inventory/stock-change';
import { type StockLevel } from '../../domain/inventory/stock-levels';
import { type PrismaClient } from '../../prisma/client';

export interface SingleLineAttempt {
  /** Set when the change was applied and recorded by this statement. */
  recordedAt: Date | null;
  /** The store and the SKU both exist. */
  found: boolean;
  /** The business key was already in the ledger when the statement started. */
  keyUsed: boolean;
  /** The level as the statement's snapshot saw it; null when the store never stocked the SKU. */
  level: StockLevel | null;
}

/**
 * A one-line change as ONE statement, its own transaction: the conditional UPDATE of the level and the
 * INSERT of its ledger row commit together or not at all. The UPDATE locks, checks and changes the row
 * in one step, so the lock is held for the shortest time, and a reservation costs one round trip.
 * A duplicate racing past the NOT EXISTS (both read the snapshot before either committed) fails on the
 * ledger's unique key, which rolls its UPDATE back too. When nothing was applied, the answer carries
 * what the caller needs to say why.
 */
export async function applySingleLineInOneStatement(
  prisma: PrismaClient,
  change: PlannedStockChange,
  line: StockDeltaLine,
): Promise<SingleLineAttempt> {
  const [attempt] = await prisma.$queryRaw<
    { recordedAt: Date | null; found: boolean; keyUsed: boolean; onHand: number | null; reserved: number | null }[]
  >`
    WITH target AS (
      SELECT s.id AS store_id, p.id AS product_id
      FROM stores s JOIN products p ON p.sku = ${line.sku}
      WHERE s.code = ${change.storeCode}
    ), applied AS (
      UPDATE inventory_levels AS l
      SET on_hand = l.on_hand + ${line.deltaOnHand}, reserved = l.reserved + ${line.deltaReserved}, version = l.version + 1, updated_at = now()
      FROM target t
      WHERE l.store_id = t.store_id AND l.product_id = t.product_id
        AND NOT EXISTS (SELECT 1 FROM inventory_movements WHERE idempotency_key = ${change.businessKey})
        AND l.on_hand + ${line.deltaOnHand} >= 0 AND l.reserved + ${line.deltaReserved} >= 0
        AND l.reserved + ${line.deltaReserved} <= l.on_hand + ${line.deltaOnHand}
      RETURNING l.store_id, l.product_id
    ), recorded AS (
      INSERT INTO inventory_movements
        (id, store_id, product_id, kind, delta_on_hand, delta_reserved, reason, actor_user_id, actor_label, workflow_id, idempotency_key)
      SELECT gen_random_uuid(), a.store_id, a.product_id, ${change.kind}::inventory_movement_kind, ${line.deltaOnHand}, ${line.deltaReserved},
             ${change.reason}, ${change.actor.userId}::uuid, ${change.actor.label}, ${change.workflowId}, ${change.businessKey}
      FROM applied a
      RETURNING created_at
    )
    SELECT (SELECT created_at FROM recorded) AS "recordedAt",
           EXISTS (SELECT 1 FROM target) AS found,
           EXISTS (SELECT 1 FROM inventory_movements WHERE idempotency_key = ${change.businessKey}) AS "keyUsed",
           l.on_hand AS "onHand", l.reserved
    FROM (SELECT 1) AS one
    LEFT JOIN target t ON true
    LEFT JOIN inventory_levels l ON l.store_id = t.store_id AND l.product_id = t.product_id`;
  return {
    recordedAt: attempt?.recordedAt ?? null,
    found: attempt?.found ?? false,
    keyUsed: attempt?.keyUsed ?? false,
    level: attempt && attempt.onHand !== null && attempt.reserved !== null ? { onHand: attempt.onHand, reserved: attempt.reserved } : null,
  };
}
