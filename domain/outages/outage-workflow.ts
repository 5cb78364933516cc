import { type ProcessActor, workflowActor } from '../workflow-kit/process-actor';
import { type WorkflowTimeline } from '../workflow-kit/timeline';
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
}

export interface OutageTimeline extends WorkflowTimeline {
  measures: OutageMeasure[];
}
