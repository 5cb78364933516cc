import { condition, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { type ApprovalDecisionMessage, type ApprovalSubjectRef } from '../../domain/approvals/approval-messages';
import { approvalRefusal, type RequiredApproval } from '../../domain/approvals/approval-rules';
import { activityProfiles } from './activity-profiles';
import {
  approvalDecisionSignal,
  approvalsStateQuery,
  approvalSubjectEditedSignal,
  type ApprovalsState,
  type RefusedApprovalDecision,
} from './approval-messages';

const { openApprovalRequest, escalateApproval } = proxyActivities<Pick<Activities, 'openApprovalRequest' | 'escalateApproval'>>(
  activityProfiles.db,
);

export interface ApprovalRequestOptions {
  subject: ApprovalSubjectRef;
  requestedBy: { userId: string; label: string };
  required: RequiredApproval;
  amountMinor: number;
  currency: string;
  /** Time to a decision; past it the request is escalated once and still waits. */
  slaMs: number;
  /** Numbers the requests of one run (a superseded approval asks again): part of the idempotency key. */
  round: number;
}

export interface ApprovalResult {
  approvalId: string;
  outcome: 'APPROVED' | 'REJECTED';
  decidedBy: ApprovalDecisionMessage['decidedBy'];
  reason: string | null;
  decidedVersion: number;
}

/**
 * Four-eyes approvals for any workflow: `install()` once at the start (signal handlers, query), then
 * `request(options)` opens a request through an activity and waits for its decision, escalating once when
 * the SLA passes. Every decision is checked again here with the same pure rules the API uses (requester,
 * editors, level, store), so one that reaches the run some other way (a forced signal) is refused, noted in
 * the query's `refused`, and the run keeps waiting for a valid one. Repeated deliveries are ignored.
 */
export class Approvals {
  private readonly decisions: ApprovalDecisionMessage[] = [];
  private readonly editors = new Set<string>();
  private readonly refused: RefusedApprovalDecision[] = [];
  private pending: { approvalId: string; escalated: boolean } | null = null;

  install(): void {
    setHandler(approvalDecisionSignal, (decision) => {
      this.decisions.push(decision);
    });
    setHandler(approvalSubjectEditedSignal, (edit) => {
      this.editors.add(edit.editedByUserId);
    });
    setHandler(approvalsStateQuery, (): ApprovalsState => ({
      pendingApprovalId: this.pending?.approvalId ?? null,
      escalated: this.pending?.escalated ?? false,
      refused: [...this.refused],
    }));
  }

  async request(options: ApprovalRequestOptions): Promise<ApprovalResult> {
    const { workflowId } = workflowInfo();
    const opened = await openApprovalRequest({
      ...options.subject,
      idempotencyKey: `approval:${workflowId}:${options.round}`,
      requestedByUserId: options.requestedBy.userId,
      requestedByLabel: options.requestedBy.label,
      requiredLevel: options.required.level,
      valueLimitMinor: options.required.valueLimitMinor,
      amountMinor: options.amountMinor,
      currency: options.currency,
      workflowId,
      slaDueAt: new Date(new Date().getTime() + options.slaMs).toISOString(),
    });
    for (const editor of opened.editorUserIds) this.editors.add(editor);
    this.pending = { approvalId: opened.approvalId, escalated: false };
    try {
      for (;;) {
        const decision = await this.nextDecision(opened.approvalId, this.pending.escalated ? undefined : options.slaMs);
        if (decision === null) {
          await escalateApproval({ approvalId: opened.approvalId, workflowId });
          // Reported only once the request row says so: a reader of the query then finds it escalated.
          this.pending.escalated = true;
          continue;
        }
        const refusal = approvalRefusal(decision.decidedBy, {
          status: 'PENDING',
          requestedByUserId: opened.requestedByUserId,
          requiredLevel: opened.requiredLevel,
          storeId: opened.storeId,
          editorUserIds: [...this.editors],
        });
        if (refusal !== null) {
          log.warn('Approval decision refused by the workflow', { approvalId: opened.approvalId, code: refusal.code });
          this.refused.push({ approvalId: opened.approvalId, decidedByUserId: decision.decidedBy.userId, ...refusal });
          continue;
        }
        return { ...decision, approvalId: opened.approvalId };
      }
    } finally {
      this.pending = null;
    }
  }

  /** The next decision about this request (taken off the queue), or null when `timeoutMs` passed first. */
  private async nextDecision(approvalId: string, timeoutMs: number | undefined): Promise<ApprovalDecisionMessage | null> {
    const index = () => this.decisions.findIndex((decision) => decision.approvalId === approvalId);
    if (timeoutMs === undefined) await condition(() => index() >= 0);
    else if (!(await condition(() => index() >= 0, timeoutMs))) return null;
    const [decision] = this.decisions.splice(index(), 1);
    return decision ?? null;
  }
}
