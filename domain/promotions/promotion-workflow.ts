import { type PromotionRolloutSettings, type PushPromotionToChannelResult } from './channel-rollout';
import { PROMOTION_WORKFLOW_TYPE } from './promotion-rules';

export { PROMOTION_WORKFLOW_TYPE };

/** Settings the API passes in from its config, so the run never reads the environment. */
export interface PromotionWorkflowSettings {
  /** Time to an approval decision before it is escalated. */
  approvalSlaMs: number;
  rollout: PromotionRolloutSettings;
}

export interface RollOutPromotionInput {
  promotionId: string;
  settings: PromotionWorkflowSettings;
}

export interface RollOutPromotionResult {
  status: 'ENDED' | 'REJECTED' | 'CANCELLED' | 'ROLLED_BACK';
  reason: string | null;
  /** The last pass on every channel (APPLY, then RESTORE at the end or on rollback). */
  channels: PushPromotionToChannelResult[];
}

/** What the rollout screen shows while the run is open. */
export interface PromotionRolloutState {
  step: string;
  channels: PushPromotionToChannelResult[];
}
