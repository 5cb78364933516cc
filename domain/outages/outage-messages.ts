import { defineQuery, defineSignal } from '@temporalio/workflow';
import { END_OUTAGE_SIGNAL, outageWorkflow, RECONCILIATION_REVIEWED_SIGNAL, STOCK_COUNT_REQUESTED_SIGNAL } from './outage-definition';
import { type EndOutageRequest, type OutageTimeline, type ReconciliationReviewed, type StockCountRequested } from './outage-workflow';

/** A manager or admin ends the outage ("our internet is back"): recovery and reconciliation start. */
export const endOutageSignal = defineSignal<[EndOutageRequest]>(END_OUTAGE_SIGNAL);

export const outageTimelineQuery = defineQuery<OutageTimeline>(outageWorkflow.timelineQuery);
/** The last open discrepancy of the review was decided (queued by the API with that decision). */
export const reconciliationReviewedSignal = defineSignal<[ReconciliationReviewed]>(RECONCILIATION_REVIEWED_SIGNAL);
/** A stock count was opened for the outage's store: its counts feed the diff. */
export const stockCountRequestedSignal = defineSignal<[StockCountRequested]>(STOCK_COUNT_REQUESTED_SIGNAL);
