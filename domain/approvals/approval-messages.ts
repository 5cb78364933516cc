import { type ApprovalDecider, type ApproverLevel } from './approval-rules';

/**
 * What travels between the approvals API and a workflow waiting on an approval (through the
 * workflow_starts outbox's signals, so a decision committed with its row always arrives). Plain data.
 */

export const APPROVAL_DECISION_SIGNAL = 'approvalDecision';
export const APPROVAL_SUBJECT_EDITED_SIGNAL = 'approvalSubjectEdited';

export interface ApprovalDecisionMessage {
  approvalId: string;
  outcome: 'APPROVED' | 'REJECTED';
  decidedBy: ApprovalDecider & { label: string };
  /** Required for a rejection. */
  reason: string | null;
  /** The subject's version the decision was about. */
  decidedVersion: number;
}

/** Someone edited a subject a pending request is about: they may no longer decide on it. */
export interface ApprovalSubjectEditedMessage {
  subjectType: string;
  subjectId: string;
  editedByUserId: string;
  version: number;
}

/** What a workflow asks to have approved. */
export interface ApprovalSubjectRef {
  subjectType: string;
  subjectId: string;
}

export interface OpenedApproval {
  approvalId: string;
  requestedByUserId: string;
  requiredLevel: ApproverLevel;
  storeId: string | null;
  subjectVersion: number;
  editorUserIds: string[];
}
