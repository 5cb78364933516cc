import { type PromotionRolloutSettings, type PushPromotionToChannelResult } from './channel-rollout';
import { PROMOTION_WORKFLOW_TYPE } from './promotion-rules';

export { PROMOTION_WORKFLOW_TYPE };

/** Settings the API passes in from its config, so the run never reads the environment. */
export interface PromotionWorkflowSettings {
  /** Time to an approval decision before it is escalated. */
  approvalSlaMs: number;
  rollout: PromotionRolloutSettings;
  /** Decision task, shelf labels and restore retries; absent in runs started before they existed (defaults). */
  flow?: PromotionFlowSettings;
}

export interface PromotionFlowSettings {
  /** Due time of a DECISION task (the promotion stays as it is while it waits, up to its end). */
  decisionSlaMs: number;
  /** Due time of a SHELF_LABEL task; open tasks are closed EXPIRED this long after their due time. */
  shelfLabelSlaMs: number;
  shelfLabelExpiryMs: number;
  /** SKUs one SHELF_LABEL task lists; a store with more gets several parts. */
  shelfLabelSkusPerTask: number;
  /** Restore passes (the end, a cancel, a rollback) over what is not verified yet, and the wait between them. */
  restorePasses: number;
  restoreRetryDelayMs: number;
}

export const defaultPromotionFlowSettings: PromotionFlowSettings = {
  decisionSlaMs: 2 * 3600_000,
  shelfLabelSlaMs: 4 * 3600_000,
  shelfLabelExpiryMs: 7 * 24 * 3600_000,
  shelfLabelSkusPerTask: 500,
  restorePasses: 3,
  restoreRetryDelayMs: 60_000,
};

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
  /** The open DECISION task, if the run waits for one. */
  decisionTaskId?: string | null;
  /** Decisions taken so far, in order. */
  decisions?: { round: number; decision: string; reason: string | null; by: string }[];
}
