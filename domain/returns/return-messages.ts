import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { returnWorkflow } from './return-definition';
import { type CancelReturnRequest, type ReturnTimeline } from './return-workflow';

/** Cancellation before the refund (the customer changed their mind): answers the timeline once undone. */
export const cancelReturnUpdate = defineUpdate<ReturnTimeline, [CancelReturnRequest]>(returnWorkflow.cancelUpdate);

/** Current step and timeline, for the return's page. */
export const returnTimelineQuery = defineQuery<ReturnTimeline>(returnWorkflow.timelineQuery);

/** Failure type of a cancellation that comes too late (the refund has started, or the run ended). */
export const RETURN_NOT_CANCELLABLE = returnWorkflow.notCancellableFailure;
