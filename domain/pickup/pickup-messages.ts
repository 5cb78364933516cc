import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { PICKUP_CANCELLED_SIGNAL, pickupWorkflow } from './pickup-definition';
import { type CancelPickupRequest, type PickupTimeline } from './pickup-workflow';

/**
 * Messages of the pickup workflow, for the workflow (handlers) and its callers (tests, order actions);
 * names come from its definition, so they are typed once. Task completion goes through the kit's task
 * Updates (domain/workflow-kit/task-messages.ts).
 */

/** Fire-and-forget cancellation, e.g. from a channel webhook. Ignored once the goods are handed over. */
export const pickupCancelledSignal = defineSignal<[CancelPickupRequest]>(PICKUP_CANCELLED_SIGNAL);

/**
 * Cancellation that answers: rejected (validator) when the order is already collected or closed,
 * otherwise returns the timeline once stock is released, money refunded and the customer told.
 */
export const cancelPickupUpdate = defineUpdate<PickupTimeline, [CancelPickupRequest]>(pickupWorkflow.cancelUpdate);

/** Current step and timeline, for the order page. Works on closed runs too while history is retained. */
export const pickupTimelineQuery = defineQuery<PickupTimeline>(pickupWorkflow.timelineQuery);

/** Failure type of a cancellation that comes too late (after hand-over, or after the run ended). */
export const PICKUP_NOT_CANCELLABLE = pickupWorkflow.notCancellableFailure;
