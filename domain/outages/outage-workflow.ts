import { type ProcessActor, workflowActor } from '../workflow-kit/process-actor';
import { type WorkflowTimeline } from '../workflow-kit/timeline';
import { type FetchLateOrdersResult } from './late-orders';
import { type OutageDetectionSettings } from './outage-detection';
import { type ReconciliationTolerance } from './reconciliation-rules';

export const OUTAGE_WORKFLOW_TYPE = 'handleOutage';
export const OUTAGE_ACTOR: ProcessActor = workflowActor('outages');

/** Settings the starter passes in from its config, so the run never reads the environment. */
export interface OutageWorkflowSettings {
  /** Time between health checks of a channel that is down. */
  healthCheckIntervalMs: number;
  detection: OutageDetectionSettings;
  /** Share of a cut-off store's available stock held back from every channel (OUTAGE_STORE_HOLD_PERCENT). */
  storeHoldPercent: number;
  tolerance: ReconciliationTolerance;
  /** RECONCILIATION_FOUR_EYES_ABOVE_MINOR (absent in runs started before the review existed). */
  fourEyesAboveMinor?: number;
  /** Wait between publishing the corrections to the channels and reading them back (OUTAGE_PUBLISH_READBACK_DELAY_MS). */
  publishReadBackDelayMs?: number;
  /** A channel's price drift per unit re-pushed without a person (OUTAGE_PRICE_TOLERANCE_MINOR; absent in older runs). */
  priceToleranceMinor?: number;
  /** SKUs read back per page of the price diff (OUTAGE_PRICE_PAGE_SIZE). */
  pricePageSize?: number;
  /** How far before its detection a channel outage's late orders are listed from (default in domain/outages/late-orders.ts). */
  lateOrdersMarginMs?: number;
  /** Region national phone numbers of fetched orders are read in (INTAKE_PHONE_REGION's default when absent). */
  lateOrdersPhoneRegion?: string;
}

export interface HandleOutageInput {
  outageId: string;
  settings: OutageWorkflowSettings;
}

export type OutageMeasure = 'CHANNEL_MARKED_UNHEALTHY' | 'STORE_STOCK_HELD' | 'STORE_PICKUP_PAUSED';

export interface EndOutageRequest {
  actor: ProcessActor;
  reason: string;
}

export interface OutageReconciliationCounts {
  reconciliationId: string;
  offlineSalesApplied: number;
  linesApplied: number;
  discrepancies: number;
  doubleSales: number;
  valueMinor: number;
}

export interface HandleOutageResult {
  status: 'RESOLVED';
  endedBy: string;
  reconciliation: OutageReconciliationCounts;
  /** What review and corrections did (runs with the review flow). */
  corrections?: OutageCorrectionsSummary;
  /** A channel outage's orders fetched after it (counts only; absent when skipped or the listing failed). */
  lateOrders?: FetchLateOrdersResult;
}

export interface OutageCorrectionsSummary {
  stockDrifts: number;
  autoFixed: number;
  reviewed: number;
  stockCorrections: number;
  unitsMoved: number;
  transfers: number;
  cancellations: number;
  /** Runs with the price diff (patch `outage-price-drift`): channel x SKU prices that differed. */
  priceDrifts?: number;
  pricesAutoFixed?: number;
  /** Approved price corrections pushed and verified by read-back. */
  priceCorrections?: number;
}

export interface OutageTimeline extends WorkflowTimeline {
  measures: OutageMeasure[];
}

/** The store's manual procedure while it is cut off: i18n keys the checklist task shows, in order. */
export const OUTAGE_CHECKLIST_STEPS = [
  'outages.checklist.paper_journal',
  'outages.checklist.no_pickups',
  'outages.checklist.tell_customers',
  'outages.checklist.keep_receipts',
  'outages.checklist.enter_journal',
] as const;

export type OutageChecklistOutcome = {
  type: 'OUTAGE_CHECKLIST';
  acknowledged: true;
};

export type StockCountOutcome = {
  type: 'STOCK_COUNT';
  counts: { sku: string; counted: number }[];
};

export type OutageTaskOutcome = OutageChecklistOutcome | StockCountOutcome;

/** A stock count the API opened for the store of an open outage: the run accepts its completion. */
export interface StockCountRequested {
  taskId: string;
  skus: string[];
}

export interface ReconciliationReviewed {
  reviewedBy: ProcessActor;
}

/** The review, the checklist and the stock counts, in runs started since they exist. */
export const OUTAGE_FLOW_PATCH = 'outage-review-flow';
