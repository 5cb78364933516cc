/** GET /api/promotions/:id/progress (api/routes/promotions/promotion-progress.ts). */
export interface RolloutPass {
  pushed: number;
  verified: number;
  failed: number;
  startedAt: string | null;
  lastOutcomeAt: string | null;
  ratePerSecond: number | null;
  limitBoundSeconds: number;
  estimatedFinishAt: string | null;
}

export interface ChannelProgress {
  channelId: string;
  channelCode: string;
  channelName: string;
  channelKind: string;
  channelStatus: string;
  requestsPerSecond: number;
  maxBatchSize: number;
  perItemCost: boolean;
  asyncJobs: boolean;
  total: number;
  apply: RolloutPass;
  restore: RolloutPass;
}

export interface PromotionProgress {
  promotionId: string;
  status: string;
  version: number;
  skuCount: number;
  phase: 'WAITING' | 'APPLY' | 'RESTORE';
  checkedAt: string;
  channels: ChannelProgress[];
  openTasks: { id: string; type: string; status: string; title: string; storeId: string | null }[];
}

/** Bar values in percent of the channel's SKUs: verified (solid), pushed (buffer), failed (share). */
export function barOf(pass: RolloutPass, total: number) {
  const percent = (part: number) => (total === 0 ? 0 : Math.min(100, (part / total) * 100));
  return {
    verifiedPercent: percent(pass.verified),
    pushedPercent: percent(pass.pushed),
    failedPercent: percent(pass.failed),
    done: total > 0 && pass.verified + pass.failed >= total,
    complete: total > 0 && pass.verified >= total,
  };
}
