import { type ApprovalValueLimits } from '../approvals/approval-rules';
import { type ProcessActor, workflowActor } from '../workflow-kit/process-actor';
import { type WorkflowTimeline } from '../workflow-kit/timeline';

export const RETURN_WORKFLOW_TYPE = 'returnOrder';
export const RETURN_SUBJECT = 'RETURN';
export const RETURN_ACTOR: ProcessActor = workflowActor('returns');

/** Settings the API passes in from its config, so the run never reads the environment. */
export interface ReturnWorkflowSettings {
  /** Time to inspect the goods before the store is reminded; escalated to the manager after the delay too. */
  inspectionSlaMs: number;
  inspectionEscalationDelayMs: number;
  /** Time to an approval decision before it is escalated. */
  approvalSlaMs: number;
  valueLimits: ApprovalValueLimits;
  /** Time to a manual refund before it is escalated to ops. */
  manualRefundSlaMs: number;
  /** Time to hand a rejected return's item back before the store is reminded (as long again: the manager); absent in runs started before it existed. */
  handbackSlaMs?: number;
}

export interface ReturnOrderInput {
  returnId: string;
  settings: ReturnWorkflowSettings;
}

export type ReturnGrade = 'UNOPENED' | 'AS_NEW' | 'USED' | 'DAMAGED' | 'DEFECTIVE';
export type ReturnDispositionName = 'RESTOCK' | 'WRITE_OFF';

export type InspectionOutcome = {
  type: 'RETURN_INSPECTION';
  lines: { returnLineId: string; grade: ReturnGrade; disposition: ReturnDispositionName; note?: string | undefined }[];
};

export type ManualRefundOutcome = {
  type: 'MANUAL_REFUND';
  /** The reference of the refund made by hand (bank transfer, channel back office, till receipt). */
  reference: string;
};

export type ReturnHandbackOutcome = {
  type: 'RETURN_HANDBACK';
  /** What the clerk wants on record, e.g. "customer took it, signed the slip". */
  note?: string | undefined;
};

export type ReturnTaskOutcome = InspectionOutcome | ManualRefundOutcome | ReturnHandbackOutcome;

export type ReturnFinalStatus = 'CLOSED' | 'REJECTED' | 'CANCELLED';

export interface ReturnOrderResult {
  status: ReturnFinalStatus;
  refundedMinor: number;
}

export interface CancelReturnRequest {
  reason: string;
  actor: ProcessActor;
}

export type ReturnTimeline = WorkflowTimeline;
