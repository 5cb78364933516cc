import { defineQuery, defineSignal } from '@temporalio/workflow';
import {
  APPROVAL_DECISION_SIGNAL,
  APPROVAL_SUBJECT_EDITED_SIGNAL,
  type ApprovalDecisionMessage,
  type ApprovalSubjectEditedMessage,
} from '../../domain/approvals/approval-messages';
import { type ApprovalRefusalCode } from '../../domain/approvals/approval-rules';

/**
 * The signals a workflow waiting on an approval accepts (sent by the approvals API through the
 * workflow_starts outbox; names typed once in domain/approvals/approval-messages.ts) and its query.
 */
export const approvalDecisionSignal = defineSignal<[ApprovalDecisionMessage]>(APPROVAL_DECISION_SIGNAL);
export const approvalSubjectEditedSignal = defineSignal<[ApprovalSubjectEditedMessage]>(APPROVAL_SUBJECT_EDITED_SIGNAL);

export interface RefusedApprovalDecision {
  approvalId: string;
  decidedByUserId: string;
  code: ApprovalRefusalCode;
  message: string;
}

export interface ApprovalsState {
  /** The request being waited on, if any. */
  pendingApprovalId: string | null;
  escalated: boolean;
  /** Decisions the workflow turned away itself (four-eyes re-checked here, whatever the API let through). */
  refused: RefusedApprovalDecision[];
}

export const approvalsStateQuery = defineQuery<ApprovalsState>('approvalsState');
