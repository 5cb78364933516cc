import { throwIfStockChangeBreaksInvariants } from '../../domain/inventory/guards';
import { type InventorySettings } from '../../domain/inventory/settings';
import { type PlannedStockChange, type StockChangeOutcome, type StockDeltaLine } from '../../domain/inventory/stock-change';
import { emptyStockLevel } from '../../domain/inventory/stock-levels';
import { type PrismaClient } from '../../prisma/client';
import { applyStockChangeInTransaction } from './apply-in-transaction';
import { applySingleLineInOneStatement } from './single-line-statement';
import { retryingTransientConflicts } from './stock-transaction';
import { postgresErrorCode } from './transient-database-conflict';

/** unique_violation (a duplicate raced us to the ledger key), foreign_key_violation (unknown actor). */
const explainedByTransactionPath = new Set(['23505', '23503']);

/**
 * Applies a planned stock change all-or-nothing and records it in the ledger. Most changes are one
 * line (a single-item order, one hand-over): those first try the one-statement path; whatever that
 * cannot settle by itself (a replay, an unknown store or SKU, several lines) goes through the
 * transaction path, which locks in SKU order and answers every case precisely.
 */
export async function applyStockChange(
  prisma: PrismaClient,
  settings: InventorySettings,
  change: PlannedStockChange,
): Promise<StockChangeOutcome> {
  const [onlyLine, ...moreLines] = change.lines;
  if (onlyLine && moreLines.length === 0) {
    const outcome = await tryOneStatement(prisma, settings, change, onlyLine);
    if (outcome) return outcome;
  }
  return applyStockChangeInTransaction(prisma, settings, change);
}

async function tryOneStatement(
  prisma: PrismaClient,
  settings: InventorySettings,
  change: PlannedStockChange,
  line: StockDeltaLine,
): Promise<StockChangeOutcome | undefined> {
  let attempt;
  try {
    attempt = await retryingTransientConflicts(settings, () => applySingleLineInOneStatement(prisma, change, line));
  } catch (error) {
    if (explainedByTransactionPath.has(postgresErrorCode(error) ?? '')) return undefined;
    throw error;
  }
  if (attempt.recordedAt) {
    return {
      kind: change.kind,
      storeCode: change.storeCode,
      businessKey: change.businessKey,
      lines: change.lines,
      recordedAt: attempt.recordedAt.toISOString(),
      replayed: false,
    };
  }
  // A new key that did not fit: name the short line from what the statement saw, without another trip.
  if (attempt.found && !attempt.keyUsed)
    throwIfStockChangeBreaksInvariants(change, new Map([[line.sku, attempt.level ?? emptyStockLevel]]));
  // It would fit now (stock came back after the statement's snapshot, or goods arrive for a level not yet
  // created), or it is a replay or names something unknown: the transaction path settles it.
  return undefined;
}
