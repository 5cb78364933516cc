import {
  ActivityFailure,
  continueAsNew,
  defineQuery,
  proxyActivities,
  setHandler,
  workflowInfo,
  type ActivityOptions,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import {
  addFigures,
  emptyChannelRolloutFigures,
  type PromotionRolloutSettings,
  type PushPromotionToChannelInput,
  type PushPromotionToChannelResult,
} from '../../domain/promotions/channel-rollout';
import { activityProfiles } from '../kit/activity-profiles';

/** Named SKUs a channel's result carries at most (counts are complete). */
const MAX_NAMED = 50;

export const channelRolloutProgressQuery = defineQuery<PushPromotionToChannelResult>('channelRolloutProgress');

function channelCallOptions(settings: PromotionRolloutSettings): ActivityOptions {
  return {
    ...activityProfiles.channelPush,
    startToCloseTimeout: settings.channelCallTimeoutMs,
    ...(settings.channelHeartbeatTimeoutMs !== undefined && { heartbeatTimeout: settings.channelHeartbeatTimeoutMs }),
    retry: {
      ...activityProfiles.channelPush.retry,
      initialInterval: settings.channelCallRetryInitialIntervalMs,
      maximumAttempts: settings.channelCallMaxAttempts,
    },
  };
}

/**
 * One channel's pass of a promotion (APPLY or RESTORE), page by page: each page is one activity that
 * pushes within the channel's limits, reads every SKU back and re-pushes what differs (bounded). Only
 * cursors and counts travel through history; the run continues as new every `pagesPerRun` pages. A
 * channel that stays unavailable through every attempt ends the pass as UNAVAILABLE: the parent decides.
 */
export async function pushPromotionToChannel(input: PushPromotionToChannelInput): Promise<PushPromotionToChannelResult> {
  const { pushPromotionPage } = proxyActivities<Pick<Activities, 'pushPromotionPage'>>(channelCallOptions(input.settings));
  const progress = input.progress ?? {
    afterProductId: null,
    pageNumber: 1,
    figures: emptyChannelRolloutFigures,
    failedSkus: [],
    handChangedSkus: [],
  };
  const result = (outcome: PushPromotionToChannelResult['outcome'], error: string | null): PushPromotionToChannelResult => ({
    channelCode: input.channelCode,
    phase: input.phase,
    outcome,
    error,
    figures: progress.figures,
    failedSkus: progress.failedSkus,
    handChangedSkus: progress.handChangedSkus,
  });
  setHandler(channelRolloutProgressQuery, () => result('DONE', null));

  for (let pagesThisRun = 0; ; pagesThisRun += 1) {
    if (pagesThisRun >= input.settings.pagesPerRun || workflowInfo().continueAsNewSuggested)
      return continueAsNew<typeof pushPromotionToChannel>({ ...input, progress });
    let page;
    try {
      page = await pushPromotionPage({
        promotionId: input.promotionId,
        channelCode: input.channelCode,
        phase: input.phase,
        pageNumber: progress.pageNumber,
        afterProductId: progress.afterProductId,
        pageSize: input.settings.pageSize,
        maxRepushes: input.settings.maxRepushes,
        readBackDelayMs: input.settings.readBackDelayMs,
        ...(input.onlySkus !== undefined && { onlySkus: input.onlySkus }),
        ...(input.retryRound !== undefined && { retryRound: input.retryRound }),
        ...(input.onlyUnverified === true && { onlyUnverified: true }),
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      return result('UNAVAILABLE', error.cause?.message ?? error.message);
    }
    progress.figures = addFigures(progress.figures, { ...page, pages: 1 });
    progress.failedSkus = [...progress.failedSkus, ...page.failedSkus].slice(0, MAX_NAMED);
    progress.handChangedSkus = [...progress.handChangedSkus, ...page.handChangedSkus].slice(0, MAX_NAMED);
    if (!page.hasMore || page.lastProductId === null) return result('DONE', null);
    progress.afterProductId = page.lastProductId;
    progress.pageNumber += 1;
  }
}
