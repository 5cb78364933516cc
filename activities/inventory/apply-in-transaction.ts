import { ConflictError } from '../../domain/errors';
import { throwIfRecordedChangeDiffers, throwIfStockChangeBreaksInvariants } from '../../domain/inventory/guards';
import { movementKeys } from '../../domain/inventory/movement-keys';
import { type InventorySettings } from '../../domain/inventory/settings';
import { type PlannedStockChange, type StockChangeOutcome } from '../../domain/inventory/stock-change';
import { type PrismaClient } from '../../prisma/client';
import {
  applyLevelDeltas,
  ensureLevelsExist,
  insertMovements,
  loadRecordedChange,
  lockLevelsInOrder,
  resolveStockRowIds,
  type MovementRow,
} from './stock-queries';
import { inStockTransaction } from './stock-transaction';

/**
 * Applies a planned change all-or-nothing, in one transaction: ledger rows first (the idempotency gate),
 * then the levels locked in SKU order, checked, and updated. A short line rolls back everything, so no
 * partial reservation is ever left behind; a repeated business key answers the first outcome.
 */
export async function applyStockChangeInTransaction(
  prisma: PrismaClient,
  settings: InventorySettings,
  change: PlannedStockChange,
): Promise<StockChangeOutcome> {
  // Stores and products are never deleted (foreign keys restrict it), so resolving them needs no lock.
  const { storeId, productIdBySku } = await resolveStockRowIds(prisma, change);
  const keys = movementKeys(change.businessKey, change.lines);
  const rows: MovementRow[] = change.lines.map((line, index) => ({
    productId: productIdBySku.get(line.sku) ?? '',
    idempotencyKey: keys[index] ?? '',
    deltaOnHand: line.deltaOnHand,
    deltaReserved: line.deltaReserved,
  }));
  const outcomeBase = { kind: change.kind, storeCode: change.storeCode, businessKey: change.businessKey, lines: change.lines };

  return inStockTransaction(prisma, settings, async (tx) => {
    const inserted = await insertMovements(tx, storeId, change, rows);
    if (inserted.length < rows.length) {
      if (inserted.length > 0) throw new ConflictError(`Business key ${change.businessKey} was already used for a different stock change`);
      const recorded = await loadRecordedChange(tx, change.businessKey);
      if (!recorded) throw new ConflictError(`Business key ${change.businessKey} collides with another change's ledger rows`);
      throwIfRecordedChangeDiffers(recorded, change);
      return { ...outcomeBase, recordedAt: recorded.recordedAt.toISOString(), replayed: true };
    }

    const applied = { ...outcomeBase, recordedAt: (inserted[0]?.createdAt ?? new Date()).toISOString(), replayed: false };
    const receivedProductIds = rows.filter((row) => row.deltaOnHand > 0).map((row) => row.productId);
    if (receivedProductIds.length > 0) await ensureLevelsExist(tx, storeId, receivedProductIds);
    const levels = await lockLevelsInOrder(
      tx,
      storeId,
      rows.map((row) => row.productId),
    );
    throwIfStockChangeBreaksInvariants(change, levels);
    const updated = await applyLevelDeltas(tx, storeId, rows);
    // Every line's level was read under lock just above, so a miss means a level vanished: never commit that.
    if (updated !== rows.length) throw new Error(`Stock change ${change.businessKey} updated ${updated} of ${rows.length} levels`);
    return applied;
  });
}
