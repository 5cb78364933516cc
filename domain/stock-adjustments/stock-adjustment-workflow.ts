import { type ApprovalValueLimits } from '../approvals/approval-rules';
import { type StockAdjustmentApprovalThresholds } from './stock-adjustment-rules';

export const STOCK_ADJUSTMENT_WORKFLOW_TYPE = 'adjustStockWithApproval';

/** Settings the API passes in from its config, so the run never reads the environment. */
export interface StockAdjustmentWorkflowSettings {
  thresholds: StockAdjustmentApprovalThresholds;
  valueLimits: ApprovalValueLimits;
  /** Time to an approval decision before it is escalated. */
  approvalSlaMs: number;
}

export interface AdjustStockWithApprovalInput {
  adjustmentId: string;
  settings: StockAdjustmentWorkflowSettings;
}

export interface AdjustStockWithApprovalResult {
  status: 'APPLIED' | 'REJECTED';
  approvedBy: string | null;
  reason: string | null;
}
