import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { levelCovers, requiredApprovalFor } from '../../domain/approvals/approval-rules';
import { adjustmentNeedsApproval, STOCK_ADJUSTMENT_SUBJECT } from '../../domain/stock-adjustments/stock-adjustment-rules';
import {
  type AdjustStockWithApprovalInput,
  type AdjustStockWithApprovalResult,
} from '../../domain/stock-adjustments/stock-adjustment-workflow';
import { activityProfiles } from '../kit/activity-profiles';
import { Approvals } from '../kit/approvals';

const { loadStockAdjustment, setStockAdjustmentStatus, adjustStock } = proxyActivities<
  Pick<Activities, 'loadStockAdjustment' | 'setStockAdjustmentStatus' | 'adjustStock'>
>(activityProfiles.db);

/**
 * A store's stock correction with a reason: applied at once below the approval thresholds, otherwise
 * after a second person approved it (four-eyes, workflows/kit/approvals.ts). An edit after the approval
 * supersedes it and the run asks again for the new version; a rejection closes it with the reason. The
 * change goes to the movement ledger as ADJUST, in the requester's name, keyed by the adjustment.
 */
export async function adjustStockWithApproval(input: AdjustStockWithApprovalInput): Promise<AdjustStockWithApprovalResult> {
  const { workflowId } = workflowInfo();
  const approvals = new Approvals();
  approvals.install();
  const { adjustmentId, settings } = input;

  let approvedBy: string | null = null;
  for (let round = 1; ; round += 1) {
    const adjustment = await loadStockAdjustment({ adjustmentId });
    if (!adjustmentNeedsApproval(adjustment, settings.thresholds)) {
      const taken = await setStockAdjustmentStatus({ adjustmentId, status: 'APPROVED', expectedVersion: adjustment.version, workflowId });
      if (taken.outcome === 'SUPERSEDED') continue;
      break;
    }
    await setStockAdjustmentStatus({ adjustmentId, status: 'AWAITING_APPROVAL', workflowId });
    const required = requiredApprovalFor(adjustment.valueMinor, settings.valueLimits);
    const decision = await approvals.request({
      subject: { subjectType: STOCK_ADJUSTMENT_SUBJECT, subjectId: adjustmentId },
      requestedBy: adjustment.requestedBy,
      required,
      amountMinor: adjustment.valueMinor,
      currency: adjustment.currency,
      slaMs: settings.approvalSlaMs,
      round,
    });
    if (decision.outcome === 'REJECTED') {
      await setStockAdjustmentStatus({ adjustmentId, status: 'REJECTED', decisionReason: decision.reason, workflowId });
      return { status: 'REJECTED', approvedBy: null, reason: decision.reason };
    }
    // The approver saw the adjustment as it was when they decided (edits while pending show in the diff);
    // an edit that raised its value past what that level may approve needs a new request at the higher level.
    const decided = await loadStockAdjustment({ adjustmentId });
    if (!levelCovers(required.level, requiredApprovalFor(decided.valueMinor, settings.valueLimits).level)) continue;
    const taken = await setStockAdjustmentStatus({
      adjustmentId,
      status: 'APPROVED',
      approvalId: decision.approvalId,
      expectedVersion: decision.decidedVersion,
      workflowId,
    });
    if (taken.outcome === 'SUPERSEDED') continue;
    approvedBy = decision.decidedBy.label;
    break;
  }

  // Taken as APPROVED: no edit can change it any more, so this is the version that was checked.
  const approved = await loadStockAdjustment({ adjustmentId });
  await adjustStock({
    kind: 'ADJUST',
    storeCode: approved.storeCode,
    businessKey: `stock-adjustment:${adjustmentId}`,
    actor: approved.requestedBy,
    workflowId,
    reason: approvedBy === null ? approved.reason : `${approved.reason} (approved by ${approvedBy})`,
    lines: [{ sku: approved.sku, delta: approved.delta }],
  });
  await setStockAdjustmentStatus({ adjustmentId, status: 'APPLIED', workflowId });
  return { status: 'APPLIED', approvedBy, reason: null };
}
