import { condition, getExternalWorkflowHandle, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { OutageSnapshot } from '../../activities/outages/load-outage';
import { reconciliationReviewedSignal } from '../../domain/outages/outage-messages';
import {
  OUTAGE_ACTOR,
  type OutageCorrectionsSummary,
  type OutageWorkflowSettings,
  type ReconciliationReviewed,
} from '../../domain/outages/outage-workflow';
import { pickupCancelledSignal } from '../../domain/pickup/pickup-messages';
import { type ProcessActor } from '../../domain/workflow-kit/process-actor';
import { activityProfiles } from '../kit/activity-profiles';
import { type TimelineRecorder } from '../kit/timeline-recorder';
import { channelsToPublish, publishStock } from './publish-stock';
import { type OutageTaskDesk } from './outage-task-desk';

const { diffOutageStock, openOutageReview, countOutageReview, finishOutageReview, applyOutageCorrections, closeOutageTasks, closeOutage } =
  proxyActivities<
    Pick<
      Activities,
      | 'diffOutageStock'
      | 'openOutageReview'
      | 'countOutageReview'
      | 'finishOutageReview'
      | 'applyOutageCorrections'
      | 'closeOutageTasks'
      | 'closeOutage'
    >
  >(activityProfiles.db);

/** Waits for the pickup run to release a cancelled order's stock: retried for up to an hour. */
const { settleCancelledDoubleSale } = proxyActivities<Pick<Activities, 'settleCancelledDoubleSale'>>({
  ...activityProfiles.db,
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** The defaults when a run was started without the four-eyes value (never in runs of this flow's API). */
const DEFAULT_FOUR_EYES_ABOVE_MINOR = 500_000;

interface ReviewContext {
  outageId: string;
  workflowId: string;
  reconciliationId: string;
  settings: OutageWorkflowSettings;
  timeline: TimelineRecorder;
  enter: (step: string) => void;
  desk: OutageTaskDesk;
}

/**
 * After the journal is applied: the stock counts' drift (fixed within tolerance), then the review of
 * whatever is left (one RECONCILIATION_REVIEW task; people decide through /api/discrepancies and the
 * last decision signals the run), then what they approved is carried out. A double sale sent back
 * (the chosen store ran out meanwhile) returns to the review.
 */
export async function reviewAndCorrect(ctx: ReviewContext): Promise<OutageCorrectionsSummary> {
  const { outageId, workflowId, reconciliationId, settings, timeline } = ctx;
  let reviewedSignals = 0;
  let reviewedBy: ProcessActor = OUTAGE_ACTOR;
  setHandler(reconciliationReviewedSignal, (message: ReconciliationReviewed) => {
    reviewedSignals += 1;
    reviewedBy = message.reviewedBy;
  });

  ctx.desk.closeType('STOCK_COUNT');
  const diff = await diffOutageStock({
    outageId,
    workflowId,
    reconciliationId,
    tolerance: settings.tolerance,
    fourEyesAboveMinor: settings.fourEyesAboveMinor ?? DEFAULT_FOUR_EYES_ABOVE_MINOR,
  });
  await closeOutageTasks({ workflowId, types: ['STOCK_COUNT'], why: 'the outage was reconciled before this count was done' });
  if (diff.stockDrifts > 0)
    timeline.note(
      'STOCK_DRIFT',
      `${diff.stockDrifts} counted SKUs differ: ${diff.autoFixed} fixed within tolerance, ${diff.toReview} to review (${diff.fourEyes} four-eyes)`,
      OUTAGE_ACTOR.label,
    );

  const summary: OutageCorrectionsSummary = {
    stockDrifts: diff.stockDrifts,
    autoFixed: diff.autoFixed,
    reviewed: 0,
    stockCorrections: 0,
    unitsMoved: 0,
    transfers: 0,
    cancellations: 0,
  };
  for (;;) {
    ctx.enter('REVIEWING');
    const opened = await openOutageReview({
      outageId,
      reconciliationId,
      workflowId,
      taskId: uuid4(),
      title: 'Review the outage reconciliation',
    });
    let review = { pending: opened.pending, valueMinor: opened.valueMinor };
    if (review.pending > 0) {
      const reviewing = timeline.begin('REVIEWING', OUTAGE_ACTOR.label);
      summary.reviewed = Math.max(summary.reviewed, review.pending);
      while (review.pending > 0) {
        const seen = reviewedSignals;
        await condition(() => reviewedSignals !== seen);
        review = await countOutageReview({ outageId });
      }
      timeline.end(reviewing, 'every discrepancy decided', reviewedBy.label);
    }
    await finishOutageReview({ outageId, reconciliationId, reviewedBy });

    ctx.enter('APPLYING_CORRECTIONS');
    const applied = await applyOutageCorrections({ outageId, reconciliationId, workflowId });
    summary.stockCorrections += applied.stockCorrections;
    summary.unitsMoved += applied.unitsMoved;
    summary.transfers += applied.transfers;
    for (const cancellation of applied.cancellations) {
      try {
        await getExternalWorkflowHandle(cancellation.orderWorkflowId).signal(pickupCancelledSignal, {
          reason: `double sale during a store outage: ${cancellation.reason}`,
          actor: reviewedBy,
        });
      } catch {
        // The pickup run is closed already: settling finds the order's state and records it.
      }
      const settled = await settleCancelledDoubleSale({ discrepancyId: cancellation.discrepancyId, workflowId });
      timeline.note('DOUBLE_SALE', `order ${cancellation.orderId}: ${settled.settled}`, reviewedBy.label);
      summary.cancellations += 1;
    }
    timeline.note(
      'APPLYING_CORRECTIONS',
      `${applied.stockCorrections} stock corrections (${applied.unitsMoved} units), ${applied.transfers} transfers, ` +
        `${applied.cancellations.length} orders cancelled and refunded`,
      OUTAGE_ACTOR.label,
    );
    if (applied.reopened === 0) return summary;
    timeline.note('REVIEWING', `${applied.reopened} double sales to decide again: the chosen store ran out`, OUTAGE_ACTOR.label);
  }
}

interface CloseContext {
  outage: OutageSnapshot;
  workflowId: string;
  settings: OutageWorkflowSettings;
  timeline: TimelineRecorder;
  enter: (step: string) => void;
  endedBy: ProcessActor;
  reason: string;
}

/**
 * With the measures lifted: a stock-sync run (the same child workflows as the schedule's) publishes the
 * corrected stock and reads it back - for a store outage every channel listing what the store holds, for
 * a channel outage the recovered channel; what read-back still finds wrong is stock sync's discrepancy as
 * usual. A sync that fails is on the timeline and does not keep the outage open. Then the report closes
 * the outage.
 */
export async function publishAndClose(ctx: CloseContext): Promise<void> {
  const { outage, workflowId, timeline } = ctx;
  ctx.enter('PUBLISHING');
  const publishing = timeline.begin('PUBLISHING', OUTAGE_ACTOR.label);
  timeline.end(
    publishing,
    await publishStock({ childId: `outage-publish:${outage.id}`, channelCodes: await channelsToPublish(outage), settings: ctx.settings }),
  );
  await closeOutageTasks({ workflowId, types: ['OUTAGE_CHECKLIST'], why: 'the outage is over' });
  await closeOutage({ outageId: outage.id, workflowId, endedBy: ctx.endedBy, reason: ctx.reason });
  ctx.enter('RESOLVED');
}
