import { defineQuery, defineSignal } from '@temporalio/workflow';
import { END_OUTAGE_SIGNAL, outageWorkflow } from './outage-definition';
import { type EndOutageRequest, type OutageTimeline } from './outage-workflow';

/** A manager or admin ends the outage ("our internet is back"): recovery and reconciliation start. */
export const endOutageSignal = defineSignal<[EndOutageRequest]>(END_OUTAGE_SIGNAL);

export const outageTimelineQuery = defineQuery<OutageTimeline>(outageWorkflow.timelineQuery);
