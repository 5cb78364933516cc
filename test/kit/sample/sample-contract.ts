import { type ProcessActor } from '../../../domain/workflow-kit/process-actor';
import { type WorkflowTimeline } from '../../../domain/workflow-kit/timeline';

/**
 * Two small workflows built only from kit parts, registered only by tests: `sampleSaga` (steps with
 * compensations, failing at a chosen step) and `sampleStockCount` (a count as an ESCALATION task: STOCK_COUNT is the outages' now, with an SLA,
 * reminder and escalation, background messages, a timeline and a business cancellation).
 */

export interface SampleSagaInput {
  steps: string[];
  /** The step whose activity fails (non-retryable); none: every step succeeds. */
  failAtStep?: string;
}

export interface SampleStockCountInput {
  sku: string;
  storeCode: string | null;
  slaMs: number;
  escalationDelayMs: number;
  /** Messages sent in the background when the SLA is missed (row ids for sendNotification). */
  reminderNotificationIds: string[];
}

export type StockCountOutcome = { type: 'ESCALATION'; countedQuantity: number };

export interface SampleStockCountResult {
  finalStep: 'COUNTED' | 'CANCELLED';
  countedQuantity: number | null;
}

export interface SampleCancelRequest {
  reason: string;
  actor: ProcessActor;
}

export type SampleTimeline = WorkflowTimeline;

/** Activities only the sample saga uses; tests inject fakes under these names. */
export interface SampleSagaActivities {
  doStep(request: { step: string; fail: boolean }): Promise<void>;
  undoStep(request: { step: string }): Promise<void>;
}

export const SAMPLE_STEP_FAILED = 'SAMPLE_STEP_FAILED';
