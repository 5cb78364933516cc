import { type ApiConfig } from '../../config';
import { type ReturnPolicy } from '../../../domain/returns/eligibility';
import { type ReturnWorkflowSettings } from '../../../domain/returns/return-workflow';

/** What the returns routes take from the API's config (RETURN_* settings, api/config.ts). */
export interface ReturnRouteSettings {
  policy: ReturnPolicy;
  /** Categories sold as final sale: never returnable. */
  finalSaleCategories: readonly string[];
  /** A store's refund above this (minor units) needs its manager's approval. */
  storeThresholdMinor: number;
  workflow: ReturnWorkflowSettings;
}

export type ReturnConfigKey =
  | 'RETURN_WINDOW_DAYS'
  | 'RETURN_TIME_ZONE'
  | 'RETURN_APPROVAL_THRESHOLD_MINOR'
  | 'RETURN_FINAL_SALE_CATEGORIES'
  | 'RETURN_INSPECTION_SLA_MS'
  | 'RETURN_MANUAL_REFUND_SLA_MS'
  | 'RETURN_HANDBACK_SLA_MS'
  | 'APPROVAL_SLA_MS'
  | 'APPROVAL_LIMIT_STORE_MANAGER_MINOR'
  | 'APPROVAL_LIMIT_OPS_LEAD_MINOR';

/**
 * One window for every channel and category until they get settings of their own (docs/returns.md); the
 * policy already takes per-channel and per-category windows, the shorter winning.
 */
export function returnRouteSettings(config: Pick<ApiConfig, ReturnConfigKey>): ReturnRouteSettings {
  return {
    policy: {
      timeZone: config.RETURN_TIME_ZONE,
      channelWindowDays: {},
      categoryWindowDays: {},
      defaultWindowDays: config.RETURN_WINDOW_DAYS,
    },
    finalSaleCategories: config.RETURN_FINAL_SALE_CATEGORIES.split(',')
      .map((category) => category.trim())
      .filter((category) => category !== ''),
    storeThresholdMinor: config.RETURN_APPROVAL_THRESHOLD_MINOR,
    workflow: {
      inspectionSlaMs: config.RETURN_INSPECTION_SLA_MS,
      inspectionEscalationDelayMs: config.RETURN_INSPECTION_SLA_MS,
      approvalSlaMs: config.APPROVAL_SLA_MS,
      valueLimits: { storeManagerMinor: config.APPROVAL_LIMIT_STORE_MANAGER_MINOR, opsLeadMinor: config.APPROVAL_LIMIT_OPS_LEAD_MINOR },
      manualRefundSlaMs: config.RETURN_MANUAL_REFUND_SLA_MS,
      handbackSlaMs: config.RETURN_HANDBACK_SLA_MS,
    },
  };
}
