import { condition, executeChild, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { type LoadedPromotion } from '../../activities/promotions/load-promotion';
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
import { PROMOTION_DECISION_FLOW_PATCH, PromotionRollout, type RolloutView, type StatusSetter } from './promotion-rollout';
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
  const status: StatusSetter = (next, extra = {}) => setPromotionStatus({ promotionId, status: next, workflowId, ...extra });

  // Every run recorded this first load; it stays so their histories replay.
  await loadPromotion({ promotionId });
  let promotion: LoadedPromotion;
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

  const view: RolloutView = {
    cancelledReason: () => cancelled?.reason ?? null,
    show: (next, results) => {
      step = next;
      if (results !== undefined) channels = results;
    },
  };
  // Runs started before the decision flow replay the old shape (test/histories/promotion-ended.json).
  if (!patched(PROMOTION_DECISION_FLOW_PATCH)) return rollOutBeforeDecisionFlow(promotion, input, status, view);
  const rollout = new PromotionRollout(promotion, input, status, view);
  setHandler(promotionRolloutQuery, () => ({ step, channels, ...rollout.decisionState() }));
  return rollout.run();
}

/** Runs started before the decision flow: push, wait for the end, restore, exactly as they were recorded. */
async function rollOutBeforeDecisionFlow(
  promotion: LoadedPromotion,
  input: RollOutPromotionInput,
  status: StatusSetter,
  view: RolloutView,
): Promise<RollOutPromotionResult> {
  const { promotionId, settings } = input;
  const pass = async (phase: ChannelPushPhase, round: number) => {
    const results = await Promise.all(
      promotion.channelCodes.map((channelCode) =>
        executeChild(pushPromotionToChannel, {
          workflowId: channelRolloutWorkflowId(promotionId, channelCode, phase, round),
          args: [{ promotionId, channelCode, phase, settings: settings.rollout }],
        }),
      ),
    );
    view.show(phase === 'APPLY' ? 'ACTIVE' : 'RESTORING', results);
    return results;
  };
  view.show('ACTIVE');
  await status('ACTIVE');
  await pass('APPLY', 1);
  const untilEnd = Math.max(0, new Date(promotion.endsAt).getTime() - new Date().getTime());
  await condition(() => view.cancelledReason() !== null, untilEnd);
  view.show('RESTORING');
  await status('ROLLING_BACK');
  const restored = await pass('RESTORE', 1);
  view.show('ENDED');
  await status('ENDED', { reason: view.cancelledReason() });
  return { status: 'ENDED', reason: null, channels: restored };
}
