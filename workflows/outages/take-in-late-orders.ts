import { ActivityFailure, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { OutageSnapshot } from '../../activities/outages/load-outage';
import {
  FETCH_LATE_ORDERS_PATCH,
  type FetchLateOrdersResult,
  lateOrdersFailedOutcome,
  lateOrdersOutcome,
} from '../../domain/outages/late-orders';
import { OUTAGE_ACTOR, type OutageWorkflowSettings } from '../../domain/outages/outage-workflow';
import { activityProfiles, LIVENESS_HEARTBEAT_TIMEOUT } from '../kit/activity-profiles';
import { type TimelineRecorder } from '../kit/timeline-recorder';

/**
 * Listing pages and intake transactions: the channel call's retries, bounded (about a minute of backoff), so a
 * channel that answers its health probe but not its order listing never holds the outage open.
 */
const { fetchLateOrders } = proxyActivities<Pick<Activities, 'fetchLateOrders'>>({
  ...activityProfiles.channelCall,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: LIVENESS_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

interface LateOrdersContext {
  outage: OutageSnapshot;
  workflowId: string;
  reconciliationId: string;
  settings: OutageWorkflowSettings;
  timeline: TimelineRecorder;
  enter: (step: string) => void;
}

/**
 * A channel outage's recovery, before the diff and the review: the orders the channel took while it was down
 * and never told us about are listed and taken in (activities/outages/fetch-late-orders.ts), one ORDER_MISSING
 * each. A listing that fails for good is on the timeline and the outage goes on: the next outage run, or a
 * person, finds those orders. Store outages and runs started before this step skip it. Null when skipped or failed.
 */
export async function takeInLateOrders(ctx: LateOrdersContext): Promise<FetchLateOrdersResult | null> {
  const { outage, timeline, settings } = ctx;
  if (outage.kind !== 'CHANNEL' || !patched(FETCH_LATE_ORDERS_PATCH)) return null;
  ctx.enter('LATE_ORDERS');
  const step = timeline.begin('LATE_ORDERS', OUTAGE_ACTOR.label);
  try {
    const result = await fetchLateOrders({
      outageId: outage.id,
      workflowId: ctx.workflowId,
      reconciliationId: ctx.reconciliationId,
      ...(settings.lateOrdersMarginMs !== undefined && { marginMs: settings.lateOrdersMarginMs }),
      ...(settings.lateOrdersPhoneRegion !== undefined && { phoneRegion: settings.lateOrdersPhoneRegion }),
    });
    timeline.end(step, lateOrdersOutcome(result));
    return result;
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    timeline.end(step, lateOrdersFailedOutcome(error.cause?.message ?? error.message));
    return null;
  }
}
