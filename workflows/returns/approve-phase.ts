import { requiredApprovalFor } from '../../domain/approvals/approval-rules';
import { RETURN_SUBJECT } from '../../domain/returns/return-workflow';
import { db } from '../kit/activity-proxies';
import { type ReturnRun } from './return-run';

/**
 * Four-eyes approval (the kit's Approvals) when the return was planned to need one (above the store's
 * threshold, a late return on an override, no proof of purchase): the receiving store's manager, never
 * the requester. Answers true when approved; a rejection closes the return as REJECTED.
 */
export async function approveReturn(run: ReturnRun): Promise<boolean> {
  const { record } = run;
  if (record.approvalReasons.length === 0) return true;
  const index = run.timeline.begin('APPROVE');
  run.enter('APPROVE');
  await db.setReturnStatus({ returnId: run.returnId, status: 'AWAITING_APPROVAL', workflowId: run.workflowId });
  const decision = await run.approvals.request({
    subject: { subjectType: RETURN_SUBJECT, subjectId: run.returnId },
    requestedBy: { userId: record.requestedBy.userId ?? '', label: record.requestedBy.label },
    required: requiredApprovalFor(record.refundTotalMinor, run.settings.valueLimits),
    amountMinor: record.refundTotalMinor,
    currency: record.currency,
    slaMs: run.settings.approvalSlaMs,
    round: 1,
  });
  const approval = { approvalId: decision.approvalId, decidedByUserId: decision.decidedBy.userId };
  if (decision.outcome === 'REJECTED') {
    await db.setReturnStatus({
      returnId: run.returnId,
      status: 'REJECTED',
      workflowId: run.workflowId,
      approval,
      note: decision.reason ?? '',
    });
    run.timeline.end(index, `Rejected: ${decision.reason ?? 'no reason given'}`, decision.decidedBy.label);
    return false;
  }
  await db.setReturnStatus({ returnId: run.returnId, status: 'APPROVED', workflowId: run.workflowId, approval });
  run.timeline.end(index, `Approved (${record.approvalReasons.join(', ')})`, decision.decidedBy.label);
  return true;
}
