import {
  ApplicationFailure,
  condition,
  executeChild,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  sleep,
  startChild,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { type LoadedPromotion } from '../../activities/promotions/load-promotion';
import { type SetPromotionStatusInput, type SetPromotionStatusResult } from '../../activities/promotions/set-promotion-status';
import {
  channelRolloutWorkflowId,
  type ChannelPushPhase,
  type PushPromotionToChannelResult,
} from '../../domain/promotions/channel-rollout';
import {
  PROMOTION_DECISION_TASK,
  shelfLabelWorkflowId,
  type PromotionDecisionOutcome,
  type ShelfLabelPhase,
} from '../../domain/promotions/promotion-tasks';
import {
  defaultPromotionFlowSettings,
  type PromotionFlowSettings,
  type RollOutPromotionInput,
  type RollOutPromotionResult,
} from '../../domain/promotions/promotion-workflow';
import { activityProfiles } from '../kit/activity-profiles';
import { TaskInbox } from '../kit/task-inbox';
import { labelShelves, shelfLabelsSupersededSignal } from './label-shelves';
import { pushPromotionToChannel } from './push-promotion-to-channel';

/** Marks runs with the decision task, shelf labels, skipped outage channels and restore retries. */
export const PROMOTION_DECISION_FLOW_PATCH = 'promotion-decision-flow';

const { loadPromotion, openPromotionDecision, recordTaskCompletion, closeWorkflowTasks, planShelfLabels } = proxyActivities<
  Pick<Activities, 'loadPromotion' | 'openPromotionDecision' | 'recordTaskCompletion' | 'closeWorkflowTasks' | 'planShelfLabels'>
>(activityProfiles.db);

export type StatusSetter = (
  next: SetPromotionStatusInput['status'],
  extra?: Partial<Omit<SetPromotionStatusInput, 'promotionId' | 'status' | 'workflowId'>>,
) => Promise<SetPromotionStatusResult>;

/** What the run's query shows, and the cancel it was sent. */
export interface RolloutView {
  cancelledReason: () => string | null;
  show: (step: string, channels?: PushPromotionToChannelResult[]) => void;
}

interface TakenDecision {
  round: number;
  decision: PromotionDecisionOutcome['decision'];
  reason: string | null;
  by: string;
}

/** Channel statuses that mean "down, do not push" (set by the outages workflow, or by hand). */
const DOWN_STATUSES = ['OUTAGE', 'DISABLED'];

function isShort(result: PushPromotionToChannelResult): boolean {
  return result.outcome === 'UNAVAILABLE' || result.figures.failed > 0;
}

/**
 * The live part of a promotion (docs/promotions.md, "The rollout"): APPLY on every channel at once (a
 * channel whose status is OUTAGE is skipped and counts as unavailable); while any channel is short (down,
 * rows rejected, drift that stays) a DECISION task for the ops leads: RETRY_FAILED pushes again what is not
 * verified, ROLL_BACK restores every channel to its snapshot (verified by read-back) and ends the
 * promotion FAILED, ACCEPT_PARTIAL keeps it as it is, with the reason. Then the stores' shelf labels, the
 * end (or a cancel), the restore with bounded retries, and the end's shelf labels.
 */
export class PromotionRollout {
  private readonly flow: PromotionFlowSettings;
  private readonly inbox = new TaskInbox<PromotionDecisionOutcome>();
  private readonly latest = new Map<string, PushPromotionToChannelResult>();
  private readonly decisions: TakenDecision[] = [];
  private openDecisionTaskId: string | null = null;
  private readonly workflowId = workflowInfo().workflowId;
  private startLabelStores: string[] = [];

  constructor(
    private promotion: LoadedPromotion,
    private readonly input: RollOutPromotionInput,
    private readonly status: StatusSetter,
    private readonly view: RolloutView,
  ) {
    this.flow = input.settings.flow ?? defaultPromotionFlowSettings;
    this.inbox.install();
  }

  decisionState() {
    return { decisionTaskId: this.openDecisionTaskId, decisions: [...this.decisions] };
  }

  async run(): Promise<RollOutPromotionResult> {
    this.view.show('ACTIVE');
    await this.status('ACTIVE');
    const endsAt = new Date(this.promotion.endsAt).getTime();
    this.promotion = await loadPromotion({ promotionId: this.input.promotionId });
    await this.pass('APPLY', 1, this.promotion.channelCodes, false);

    for (let round = 1, applyRound = 1; this.shortChannels().length > 0; round += 1) {
      const decision = await this.decide(round, endsAt);
      if (decision === null || decision.decision === 'ACCEPT_PARTIAL') break;
      if (decision.decision === 'ROLL_BACK') return this.rollBack(decision);
      applyRound += 1;
      this.promotion = await loadPromotion({ promotionId: this.input.promotionId });
      this.view.show('ACTIVE');
      await this.pass('APPLY', applyRound, this.shortChannels(), true);
    }

    await this.openShelfLabels('START');
    this.view.show('ACTIVE');
    await condition(() => this.view.cancelledReason() !== null, Math.max(0, endsAt - new Date().getTime()));
    this.view.show('RESTORING');
    await this.status('ROLLING_BACK');
    const restored = await this.restoreEverywhere();
    await this.supersedeStartLabels();
    await this.openShelfLabels('END');
    this.view.show('ENDED', restored);
    await this.status('ENDED', { reason: this.view.cancelledReason() });
    return { status: 'ENDED', reason: this.view.cancelledReason(), channels: restored };
  }

  private shortChannels(): string[] {
    return [...this.latest.values()].filter(isShort).map((result) => result.channelCode);
  }

  /** One child per channel; a channel that is down by its status is not pushed at all. */
  private async pass(phase: ChannelPushPhase, round: number, channelCodes: readonly string[], onlyUnverified: boolean) {
    const statusOf = new Map((this.promotion.channels ?? []).map((channel) => [channel.code, channel.status]));
    const results = await Promise.all(
      channelCodes.map(async (channelCode): Promise<PushPromotionToChannelResult> => {
        const channelStatus = statusOf.get(channelCode) ?? 'ACTIVE';
        if (phase === 'APPLY' && DOWN_STATUSES.includes(channelStatus)) {
          const previous = this.latest.get(channelCode);
          return {
            channelCode,
            phase,
            outcome: 'UNAVAILABLE',
            error: `channel status is ${channelStatus}: not pushed`,
            skipped: true,
            figures: previous?.figures ?? { skus: 0, pushed: 0, verified: 0, repushed: 0, failed: 0, handChanged: 0, pages: 0 },
            failedSkus: previous?.failedSkus ?? [],
            handChangedSkus: [],
          };
        }
        return executeChild(pushPromotionToChannel, {
          workflowId: channelRolloutWorkflowId(this.input.promotionId, channelCode, phase, round),
          args: [
            {
              promotionId: this.input.promotionId,
              channelCode,
              phase,
              settings: this.input.settings.rollout,
              ...(round > 1 && { retryRound: round - 1 }),
              ...(onlyUnverified && { onlyUnverified: true }),
            },
          ],
        });
      }),
    );
    for (const result of results) this.latest.set(result.channelCode, result);
    this.view.show(phase === 'APPLY' ? 'ACTIVE' : 'RESTORING', [...this.latest.values()]);
    return results;
  }

  /** The DECISION task; null when the end (or a cancel) came first: the task is closed and the end runs. */
  private async decide(round: number, endsAt: number): Promise<TakenDecision | null> {
    const taskId = uuid4();
    let taken: TakenDecision | null = null;
    this.inbox.expect({
      taskId,
      type: PROMOTION_DECISION_TASK,
      validate: ({ outcome }) => {
        if (outcome.decision !== 'RETRY_FAILED' && !outcome.reason)
          throw ApplicationFailure.create({ type: 'INVALID_DATA', message: `${outcome.decision} needs a reason`, nonRetryable: true });
      },
      handle: async ({ taskId: completed, actor, outcome, requestId }) => {
        await recordTaskCompletion({ taskId: completed, actor, outcome, requestId });
        taken = { round, decision: outcome.decision, reason: outcome.reason ?? null, by: actor.label };
        this.inbox.close();
        return { taskId: completed, completed: true, taskStatus: 'DONE', message: `Decision recorded: ${outcome.decision}` };
      },
    });
    this.view.show('AWAITING_DECISION');
    const unavailable = [...this.latest.values()].filter((result) => result.outcome === 'UNAVAILABLE').map((result) => result.channelCode);
    await openPromotionDecision({
      promotionId: this.input.promotionId,
      round,
      taskId,
      workflowId: this.workflowId,
      dueAt: new Date(new Date().getTime() + this.flow.decisionSlaMs).toISOString(),
      unavailableChannels: unavailable,
    });
    this.openDecisionTaskId = taskId;
    await condition(
      () => taken !== null || (this.view.cancelledReason() !== null && !this.inbox.isApplying),
      Math.max(1, endsAt - new Date().getTime()),
    );
    await condition(() => !this.inbox.isApplying);
    this.openDecisionTaskId = null;
    if (taken === null) {
      this.inbox.close();
      await closeWorkflowTasks({ workflowId: this.workflowId, status: 'CANCELLED' });
      return null;
    }
    this.decisions.push(taken);
    return taken;
  }

  private async rollBack(decision: TakenDecision): Promise<RollOutPromotionResult> {
    this.view.show('ROLLING_BACK');
    await this.status('ROLLING_BACK');
    const restored = await this.restoreEverywhere();
    const complete = restored.every((result) => !isShort(result));
    const reason = `rolled back by ${decision.by}: ${decision.reason ?? ''}${complete ? '' : ' (some channels could not be restored: see the run)'}`;
    this.view.show('ROLLED_BACK', restored);
    await this.status('FAILED', { reason });
    return { status: 'ROLLED_BACK', reason, channels: restored };
  }

  /**
   * RESTORE on every channel, then again (up to `restorePasses`, `restoreRetryDelayMs` apart) on the
   * channels still short, over what is not verified yet. Answers each channel's last pass.
   */
  private async restoreEverywhere(): Promise<PushPromotionToChannelResult[]> {
    const last = new Map<string, PushPromotionToChannelResult>();
    let channels: readonly string[] = this.promotion.channelCodes;
    for (let round = 1; round <= this.flow.restorePasses && channels.length > 0; round += 1) {
      if (round > 1) await sleep(this.flow.restoreRetryDelayMs);
      const results = await this.pass('RESTORE', round, channels, round > 1);
      for (const result of results) last.set(result.channelCode, result);
      channels = results.filter(isShort).map((result) => result.channelCode);
    }
    return this.promotion.channelCodes.map((code) => last.get(code)).filter((result) => result !== undefined);
  }

  /** One shelf-label run per store whose till prices changed; they outlive this run (ABANDON). */
  private async openShelfLabels(phase: ShelfLabelPhase): Promise<void> {
    const { stores } = await planShelfLabels({ promotionId: this.input.promotionId, phase });
    for (const { storeCode } of stores)
      await startChild(labelShelves, {
        workflowId: shelfLabelWorkflowId(this.input.promotionId, phase, storeCode),
        args: [{ promotionId: this.input.promotionId, phase, storeCode, flow: this.flow }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    if (phase === 'START') this.startLabelStores = stores.map((store) => store.storeCode);
  }

  /** The end replaces the start's labels still open: those tasks are closed (their runs close them). */
  private async supersedeStartLabels(): Promise<void> {
    for (const storeCode of this.startLabelStores) {
      try {
        await getExternalWorkflowHandle(shelfLabelWorkflowId(this.input.promotionId, 'START', storeCode)).signal(
          shelfLabelsSupersededSignal,
        );
      } catch {
        // That store's run has closed already: every label was changed (or expired).
      }
    }
  }
}
