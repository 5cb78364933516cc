/**
 * When a store's stock adjustment needs a second person: above a configured number of units or value
 * (STOCK_ADJUSTMENT_APPROVAL_QUANTITY, STOCK_ADJUSTMENT_APPROVAL_VALUE_MINOR). Below both, the workflow
 * applies it at once; the ledger row and the audit trail record it either way.
 */
export interface StockAdjustmentApprovalThresholds {
  /** Units (|delta|) above which an approval is needed. */
  quantity: number;
  /** Value (|delta| x base price, minor units) above which an approval is needed. */
  valueMinor: number;
}

export const STOCK_ADJUSTMENT_SUBJECT = 'STOCK_ADJUSTMENT';

export function stockAdjustmentWorkflowId(adjustmentId: string): string {
  return `stock-adjustment:${adjustmentId}`;
}

export function adjustmentNeedsApproval(
  adjustment: { delta: number; valueMinor: number },
  thresholds: StockAdjustmentApprovalThresholds,
): boolean {
  return Math.abs(adjustment.delta) > thresholds.quantity || adjustment.valueMinor > thresholds.valueMinor;
}

export function adjustmentValueMinor(delta: number, unitPriceMinor: number): number {
  return Math.abs(delta) * unitPriceMinor;
}
