import { type PromotionWorkflowSettings } from '../../../domain/promotions/promotion-workflow';
import { type ApiConfig } from '../../config';

export type PromotionConfig = Pick<
  ApiConfig,
  | 'APPROVAL_SLA_MS'
  | 'PROMOTION_CSV_MAX_ROWS'
  | 'PROMOTION_PAGE_SIZE'
  | 'PROMOTION_MAX_REPUSHES'
  | 'PROMOTION_READBACK_DELAY_MS'
  | 'PROMOTION_PAGES_PER_RUN'
  | 'PROMOTION_CHANNEL_CALL_TIMEOUT_MS'
  | 'PROMOTION_CHANNEL_MAX_ATTEMPTS'
  | 'PROMOTION_CHANNEL_RETRY_INITIAL_MS'
  | 'PROMOTION_CHANNEL_HEARTBEAT_TIMEOUT_MS'
  | 'PROMOTION_DECISION_SLA_MS'
  | 'PROMOTION_SHELF_LABEL_SLA_MS'
  | 'PROMOTION_SHELF_LABEL_EXPIRY_MS'
  | 'PROMOTION_SHELF_LABEL_SKUS_PER_TASK'
  | 'PROMOTION_RESTORE_PASSES'
  | 'PROMOTION_RESTORE_RETRY_DELAY_MS'
>;

/** The rollout's settings from the API's config: the run never reads the environment. */
export function promotionSettingsOf(config: PromotionConfig): PromotionWorkflowSettings {
  return {
    approvalSlaMs: config.APPROVAL_SLA_MS,
    rollout: {
      pageSize: config.PROMOTION_PAGE_SIZE,
      maxRepushes: config.PROMOTION_MAX_REPUSHES,
      readBackDelayMs: config.PROMOTION_READBACK_DELAY_MS,
      pagesPerRun: config.PROMOTION_PAGES_PER_RUN,
      channelCallTimeoutMs: config.PROMOTION_CHANNEL_CALL_TIMEOUT_MS,
      channelCallMaxAttempts: config.PROMOTION_CHANNEL_MAX_ATTEMPTS,
      channelCallRetryInitialIntervalMs: config.PROMOTION_CHANNEL_RETRY_INITIAL_MS,
      channelHeartbeatTimeoutMs: config.PROMOTION_CHANNEL_HEARTBEAT_TIMEOUT_MS,
    },
    flow: {
      decisionSlaMs: config.PROMOTION_DECISION_SLA_MS,
      shelfLabelSlaMs: config.PROMOTION_SHELF_LABEL_SLA_MS,
      shelfLabelExpiryMs: config.PROMOTION_SHELF_LABEL_EXPIRY_MS,
      shelfLabelSkusPerTask: config.PROMOTION_SHELF_LABEL_SKUS_PER_TASK,
      restorePasses: config.PROMOTION_RESTORE_PASSES,
      restoreRetryDelayMs: config.PROMOTION_RESTORE_RETRY_DELAY_MS,
    },
  };
}
