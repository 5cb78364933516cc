/**
 * How far a count may differ from the system before a second person has to approve the correction
 * (STOCK_COUNT_TOLERANCE_UNITS and STOCK_COUNT_TOLERANCE_VALUE_MINOR, docs/stock-counts.md).
 */
export interface StockCountTolerance {
  /** Most units (|counted - on hand|) corrected without an approval. */
  units: number;
  /** Most value (|difference| x base price, minor units) corrected without an approval. */
  valueMinor: number;
}

export type CountLineSettlement = 'MATCHED' | 'AUTO_ADJUST' | 'NEEDS_APPROVAL';

export function stockCountWorkflowId(stockCountId: string): string {
  return `stock-count:${stockCountId}`;
}

/** The ledger key of a line's automatic correction: one movement per count line, however often it is retried. */
export function stockCountLineKey(stockCountId: string, lineId: string): string {
  return `stock-count:${stockCountId}:${lineId}`;
}

export function settlementOf(line: { delta: number; valueMinor: number }, tolerance: StockCountTolerance): CountLineSettlement {
  if (line.delta === 0) return 'MATCHED';
  return Math.abs(line.delta) <= tolerance.units && line.valueMinor <= tolerance.valueMinor ? 'AUTO_ADJUST' : 'NEEDS_APPROVAL';
}
