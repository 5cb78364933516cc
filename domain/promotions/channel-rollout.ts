/** How the rollout pages and paces (API config PROMOTION_*; tests shrink it). */
export interface PromotionRolloutSettings {
  /** SKUs per page activity: one activity's worth of history for this many SKU pushes and read-backs. */
  pageSize: number;
  /** Re-pushes of what read-back still shows wrong before a SKU is listed as failed. */
  maxRepushes: number;
  /** Wait before each read-back. */
  readBackDelayMs: number;
  /** Pages per run before the channel's run continues as new (history stays far below 4,096 events). */
  pagesPerRun: number;
  /** One page call's budget and Temporal's attempts on an unavailable channel. */
  channelCallTimeoutMs: number;
  channelCallMaxAttempts: number;
  channelCallRetryInitialIntervalMs: number;
  /** A page attempt without a heartbeat this long is presumed dead (its worker crashed) and retried; absent: the channelPush profile's. */
  channelHeartbeatTimeoutMs?: number;
}

export const defaultPromotionRolloutSettings: PromotionRolloutSettings = {
  pageSize: 500,
  maxRepushes: 2,
  readBackDelayMs: 500,
  pagesPerRun: 200,
  channelCallTimeoutMs: 300_000,
  channelCallMaxAttempts: 6,
  channelCallRetryInitialIntervalMs: 2_000,
};

export type ChannelPushPhase = 'APPLY' | 'RESTORE';

export interface ChannelRolloutFigures {
  skus: number;
  pushed: number;
  verified: number;
  repushed: number;
  failed: number;
  handChanged: number;
  pages: number;
}

export const emptyChannelRolloutFigures: ChannelRolloutFigures = {
  skus: 0,
  pushed: 0,
  verified: 0,
  repushed: 0,
  failed: 0,
  handChanged: 0,
  pages: 0,
};

export interface PushPromotionToChannelInput {
  promotionId: string;
  channelCode: string;
  phase: ChannelPushPhase;
  settings: PromotionRolloutSettings;
  /** Set on a retry of the failed SKUs (the decision task); numbers its idempotency keys. */
  retryRound?: number;
  onlySkus?: string[];
  /** A later pass (retry, restore retry): skip the SKUs whose change for this phase is already verified. */
  onlyUnverified?: boolean;
  /** Carried over by continue-as-new. */
  progress?: {
    afterProductId: string | null;
    pageNumber: number;
    figures: ChannelRolloutFigures;
    failedSkus: string[];
    handChangedSkus: string[];
  };
}

export interface PushPromotionToChannelResult {
  channelCode: string;
  phase: ChannelPushPhase;
  /** UNAVAILABLE: the channel did not answer through every attempt; the rest of the pass was not pushed. */
  outcome: 'DONE' | 'UNAVAILABLE';
  error: string | null;
  /** Not pushed at all: the channel's status (OUTAGE, DISABLED) said it is down. */
  skipped?: boolean;
  figures: ChannelRolloutFigures;
  failedSkus: string[];
  handChangedSkus: string[];
}

export function channelRolloutWorkflowId(promotionId: string, channelCode: string, phase: ChannelPushPhase, round: number): string {
  return `promo:${promotionId}:${channelCode}:${phase.toLowerCase()}:${round}`;
}

export function addFigures(a: ChannelRolloutFigures, b: Partial<ChannelRolloutFigures>): ChannelRolloutFigures {
  return {
    skus: a.skus + (b.skus ?? 0),
    pushed: a.pushed + (b.pushed ?? 0),
    verified: a.verified + (b.verified ?? 0),
    repushed: a.repushed + (b.repushed ?? 0),
    failed: a.failed + (b.failed ?? 0),
    handChanged: a.handChanged + (b.handChanged ?? 0),
    pages: a.pages + (b.pages ?? 0),
  };
}
