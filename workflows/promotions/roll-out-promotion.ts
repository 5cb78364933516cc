import { condition, executeChild, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import {
  channelRolloutWorkflowId,
  type ChannelPushPhase,
  type PushPromotionToChannelResult,
} from '../../domain/promotions/channel-rollout';
import { promotionCancelledSignal, promotionEditedSignal, promotionRolloutQuery } from '../../domain/promotions/promotion-messages';
import { PROMOTION_SUBJECT } from '../../domain/promotions/promotion-rules';
import { type RollOutPromotionInput, type RollOutPromotionResult } from '../../domain/promotions/promotion-workflow';
import { activityProfiles } from '../kit/activity-profiles';
import { Approvals } from '../kit/approvals';
import { pushPromotionToChannel } from './push-promotion-to-channel';

const { loadPromotion, setPromotionStatus } = proxyActivities<Pick<Activities, 'loadPromotion' | 'setPromotionStatus'>>(
  activityProfiles.db,
);

/**
 * A promotion from approval to its end (docs/promotions.md): four-eyes approval, a durable timer to the
 * start (an edit wakes it, asks again and re-arms it), then one child per channel pushing in parallel
 * (snapshot, push, read-back, bounded re-push), live until the end or a cancel, when every channel is
 * restored to its snapshot unless a SKU was changed by hand since.
 */
export async function rollOutPromotion(input: RollOutPromotionInput): Promise<RollOutPromotionResult> {
  const { workflowId } = workflowInfo();
  const approvals = new Approvals();
  approvals.install();
  let editedVersion = 0;
  let cancelled: { reason: string } | null = null;
  let step = 'AWAITING_APPROVAL';
  let channels: PushPromotionToChannelResult[] = [];
  setHandler(promotionEditedSignal, (edit) => {
    editedVersion = Math.max(editedVersion, edit.version);
  });
  setHandler(promotionCancelledSignal, ({ reason }) => {
    cancelled = { reason };
  });
  setHandler(promotionRolloutQuery, () => ({ step, channels }));
  const { promotionId, settings } = input;
  const status = (
    next: Parameters<typeof setPromotionStatus>[0]['status'],
    extra: Partial<Parameters<typeof setPromotionStatus>[0]> = {},
  ) => setPromotionStatus({ promotionId, status: next, workflowId, ...extra });

  let promotion = await loadPromotion({ promotionId });
  for (let round = 1; ; round += 1) {
    promotion = await loadPromotion({ promotionId });
    step = 'AWAITING_APPROVAL';
    await status('PENDING_APPROVAL');
    const decision = await approvals.request({
      subject: { subjectType: PROMOTION_SUBJECT, subjectId: promotionId },
      requestedBy: promotion.requestedBy,
      required: { level: 'OPS_LEAD', valueLimitMinor: null },
      amountMinor: 0,
      currency: promotion.currency,
      slaMs: settings.approvalSlaMs,
      round,
    });
    if (decision.outcome === 'REJECTED') {
      await status('REJECTED', { reason: decision.reason });
      return { status: 'REJECTED', reason: decision.reason, channels };
    }
    const taken = await status('SCHEDULED', {
      expectedVersion: decision.decidedVersion,
      approvalId: decision.approvalId,
      approvedByUserId: decision.decidedBy.userId,
    });
    if (taken.outcome === 'SUPERSEDED') continue;
    promotion = await loadPromotion({ promotionId });
    step = 'SCHEDULED';
    const untilStart = Math.max(0, new Date(promotion.startsAt).getTime() - new Date().getTime());
    const approvedVersion = promotion.version;
    // An edit (a moved start among them) supersedes the approval: leave the timer and ask again.
    const interrupted = await condition(() => editedVersion > approvedVersion || cancelled !== null, untilStart);
    if (cancelled !== null) {
      await status('CANCELLED', { reason: (cancelled as { reason: string }).reason });
      return { status: 'CANCELLED', reason: (cancelled as { reason: string }).reason, channels };
    }
    if (!interrupted) break;
  }

  const pass = async (phase: ChannelPushPhase, round: number) => {
    const results = await Promise.all(
      promotion.channelCodes.map((channelCode) =>
        executeChild(pushPromotionToChannel, {
          workflowId: channelRolloutWorkflowId(promotionId, channelCode, phase, round),
          args: [{ promotionId, channelCode, phase, settings: settings.rollout }],
        }),
      ),
    );
    channels = results;
    return results;
  };

  step = 'ACTIVE';
  await status('ACTIVE');
  await pass('APPLY', 1);
  const untilEnd = Math.max(0, new Date(promotion.endsAt).getTime() - new Date().getTime());
  await condition(() => cancelled !== null, untilEnd);
  step = 'RESTORING';
  await status('ROLLING_BACK');
  await pass('RESTORE', 1);
  step = 'ENDED';
  await status('ENDED', { reason: cancelled === null ? null : (cancelled as { reason: string }).reason });
  return { status: 'ENDED', reason: null, channels };
}
