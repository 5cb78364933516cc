import { type StockAdjustmentWorkflowSettings } from '../stock-adjustments/stock-adjustment-workflow';
import { type StockCountOutcome } from '../outages/outage-workflow';
import { type ProcessActor } from '../workflow-kit/process-actor';
import { type WorkflowTimeline } from '../workflow-kit/timeline';
import { type StockCountTolerance } from './stock-count-rules';

export const STOCK_COUNT_WORKFLOW_TYPE = 'countStock';

/** The same outcome as an outage's count: the clerk's screen and the API's body schema are one. */
export type { StockCountOutcome };

/** Settings the API passes in from its config (STOCK_COUNT_*), so the run never reads the environment. */
export interface StockCountSettings {
  /** Time to count before the task is late (its due time); then it moves to the manager queue. */
  slaMs: number;
  /** After the escalation, how long the count may still be done before it expires. */
  expireAfterEscalationMs: number;
  /** A difference within both is corrected at once; beyond either it needs a second person. */
  tolerance: StockCountTolerance;
  /** The stock-adjustment run's settings for a difference beyond the tolerance (its thresholds are the tolerance). */
  adjustment: StockAdjustmentWorkflowSettings;
}

export interface CountStockInput {
  stockCountId: string;
  /** Written with the count by the API (the task a person sees at once); the run adopts it. */
  taskId: string;
  storeId: string;
  storeCode: string;
  skus: { sku: string; name: string }[];
  requestedBy: ProcessActor;
  settings: StockCountSettings;
}

/** How each counted line was settled. */
export type CountLineResolution = 'MATCHED' | 'ADJUSTED' | 'AWAITING_APPROVAL' | 'APPROVED' | 'REJECTED' | 'FAILED';

/** One counted SKU as recorded: on hand as the count was recorded, and the difference to correct. */
export interface RecordedCountLine {
  lineId: string;
  sku: string;
  counted: number;
  systemOnHand: number;
  delta: number;
  valueMinor: number;
  currency: string;
}

export interface CountStockResult {
  status: 'DONE' | 'EXPIRED' | 'CANCELLED';
  lines: { sku: string; delta: number; resolution: CountLineResolution }[];
}

export interface StockCountTimeline extends WorkflowTimeline {
  lines: { sku: string; counted: number; systemOnHand: number; delta: number; resolution: CountLineResolution | null }[];
}
