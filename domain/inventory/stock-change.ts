import { type AdjustmentKind, type StockActor } from './stock-requests';

/**
 * A stock change as the database applies it: one signed delta of on hand and of reserved per SKU, in
 * the fixed order rows are locked in. Every operation (reserve, release, consume, adjust) is planned into
 * this one shape, so one transaction routine applies and records all of them.
 */

/** Ledger kinds (the `inventory_movement_kind` enum) this core writes. */
export type StockMovementKind = 'RESERVE' | 'RELEASE' | 'CONSUME' | AdjustmentKind;

export interface StockDeltaLine {
  sku: string;
  deltaOnHand: number;
  deltaReserved: number;
}

export interface PlannedStockChange {
  kind: StockMovementKind;
  storeCode: string;
  businessKey: string;
  actor: StockActor;
  workflowId: string | null;
  reason: string;
  /** One line per SKU, sorted by SKU: the lock order. */
  lines: StockDeltaLine[];
}

/** What a stock activity answers: the change as recorded in the ledger. */
export interface StockChangeOutcome {
  kind: StockMovementKind;
  storeCode: string;
  businessKey: string;
  lines: StockDeltaLine[];
  /** When the change was first applied (ISO 8601); a replay returns the first time, not its own. */
  recordedAt: string;
  /** True when the business key had already been applied and nothing changed this time. */
  replayed: boolean;
}
