import { PROMOTION_WORKFLOW_TYPE } from './promotion-rules';

export { PROMOTION_WORKFLOW_TYPE };

/** Settings the API passes in from its config, so the run never reads the environment. */
export interface PromotionWorkflowSettings {
  /** Time to an approval decision before it is escalated. */
  approvalSlaMs: number;
}

export interface RollOutPromotionInput {
  promotionId: string;
  settings: PromotionWorkflowSettings;
}

export interface RollOutPromotionResult {
  status: 'ENDED' | 'REJECTED' | 'CANCELLED' | 'FAILED';
  reason: string | null;
}
