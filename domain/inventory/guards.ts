import { ConflictError, InvalidDataError } from '../errors';
import { InsufficientStockError, StockInvariantError } from './errors';
import { type PlannedStockChange, type StockDeltaLine, type StockMovementKind } from './stock-change';
import { MAX_LINE_QUANTITY, type AdjustmentKind } from './stock-requests';
import { availableQuantity, findStockBreaches, type StockBreach, type StockLevel } from './stock-levels';

export function throwIfTooManyLines(lines: readonly unknown[], maxLines: number): void {
  if (lines.length > maxLines) {
    throw new InvalidDataError(`A stock change may touch at most ${maxLines} SKUs`, { lines: `${lines.length} SKUs, at most ${maxLines}` });
  }
}

export function throwIfQuantityNotPositive(line: { sku: string; quantity: number }): void {
  if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
    throw new InvalidDataError(`Quantity of ${line.sku} must be a positive whole number`, {
      lines: `${line.sku}: quantity ${line.quantity}`,
    });
  }
}

/** Lines naming the same SKU are added up; the sum must still fit the limit a single line has. */
export function throwIfQuantityTooLarge(line: { sku: string; quantity: number }): void {
  if (Math.abs(line.quantity) > MAX_LINE_QUANTITY) {
    throw new InvalidDataError(`Quantity of ${line.sku} exceeds ${MAX_LINE_QUANTITY}`, { lines: `${line.sku}: quantity ${line.quantity}` });
  }
}

/** Adjustment lines for one SKU that cancel out would record a movement that moves nothing. */
export function throwIfDeltaIsZero(line: { sku: string; delta: number }): void {
  if (line.delta === 0) throw new InvalidDataError(`Adjustment of ${line.sku} adds up to zero`, { lines: `${line.sku}: delta 0` });
}

const requiredSign: Partial<Record<AdjustmentKind, 1 | -1>> = { RECEIVE: 1, RETURN_RESTOCK: 1, WRITE_OFF: -1, OFFLINE_SALE: -1 };

/** Goods received or restocked only add; write-offs and offline sales only take away. */
export function throwIfDeltaContradictsKind(kind: AdjustmentKind, line: { sku: string; delta: number }): void {
  const sign = requiredSign[kind];
  if (sign !== undefined && Math.sign(line.delta) !== sign) {
    throw new InvalidDataError(`${kind} must ${sign > 0 ? 'add to' : 'take from'} on hand`, { lines: `${line.sku}: delta ${line.delta}` });
  }
}

/**
 * The rule that keeps stock from going negative or being sold twice, checked against levels read under
 * row locks. A short reservation names every short line and what is available.
 */
export function throwIfStockChangeBreaksInvariants(change: PlannedStockChange, levelsBySku: ReadonlyMap<string, StockLevel>): void {
  const breaches = findStockBreaches(change.lines, levelsBySku);
  if (breaches.length === 0) return;
  if (change.kind === 'RESERVE') {
    throw new InsufficientStockError(
      breaches.map((breach) => ({ sku: breach.sku, requested: breach.deltaReserved, available: availableQuantity(breach) })),
    );
  }
  throw new StockInvariantError(breaches.map((breach) => describeBreach(change.kind, breach)).join('; '), breaches);
}

function describeBreach(kind: StockMovementKind, breach: StockBreach): string {
  switch (kind) {
    case 'RELEASE':
      return `Cannot release ${-breach.deltaReserved} of ${breach.sku}: ${breach.reserved} reserved`;
    case 'CONSUME':
      return `Cannot hand over ${-breach.deltaReserved} of ${breach.sku}: ${breach.reserved} reserved, ${breach.onHand} on hand`;
    default:
      return `${kind} of ${breach.deltaOnHand} for ${breach.sku} would leave ${breach.onHand + breach.deltaOnHand} on hand with ${breach.reserved} reserved`;
  }
}

export interface RecordedStockChange {
  kind: StockMovementKind;
  storeCode: string;
  lines: StockDeltaLine[];
}

/** A business key names one change: reusing it for a different one is a caller's bug, not a replay. */
export function throwIfRecordedChangeDiffers(recorded: RecordedStockChange, change: PlannedStockChange): void {
  const recordedBySku = new Map(recorded.lines.map((line) => [line.sku, line]));
  const same =
    recorded.kind === change.kind &&
    recorded.storeCode === change.storeCode &&
    recorded.lines.length === change.lines.length &&
    change.lines.every((line) => {
      const other = recordedBySku.get(line.sku);
      return other !== undefined && other.deltaOnHand === line.deltaOnHand && other.deltaReserved === line.deltaReserved;
    });
  if (!same) {
    throw new ConflictError(
      `Business key ${change.businessKey} was already used for a different stock change (${recorded.kind} at ${recorded.storeCode})`,
    );
  }
}
