import { type StockDeltaLine } from './stock-change';

/** One store's stock of one SKU. A SKU the store never stocked has the level 0/0. */
export interface StockLevel {
  onHand: number;
  reserved: number;
}

export const emptyStockLevel: StockLevel = { onHand: 0, reserved: 0 };

/** What can still be promised to a new order. */
export function availableQuantity(level: StockLevel): number {
  return level.onHand - level.reserved;
}

/** A line whose delta would break "on hand >= 0, reserved >= 0, reserved <= on hand". */
export interface StockBreach extends StockDeltaLine, StockLevel {}

export function applyDelta(level: StockLevel, line: StockDeltaLine): StockLevel {
  return { onHand: level.onHand + line.deltaOnHand, reserved: level.reserved + line.deltaReserved };
}

export function keepsStockInvariants(level: StockLevel): boolean {
  return level.onHand >= 0 && level.reserved >= 0 && level.reserved <= level.onHand;
}

/** The lines that the current levels cannot take, with the level each one found. */
export function findStockBreaches(lines: readonly StockDeltaLine[], levelsBySku: ReadonlyMap<string, StockLevel>): StockBreach[] {
  return lines.flatMap((line) => {
    const level = levelsBySku.get(line.sku) ?? emptyStockLevel;
    return keepsStockInvariants(applyDelta(level, line)) ? [] : [{ ...line, ...level }];
  });
}
