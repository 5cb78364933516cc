import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { type CancelPickupRequest, type PickupTimeline } from '../../domain/pickup/pickup-workflow';

export {
  completeTaskUpdate,
  unlockTaskUpdate,
  type CompleteTaskRequest,
  type CompleteTaskResult,
  type UnlockTaskRequest,
  type UnlockTaskResult,
} from '../kit/task-messages';
export type { CancelPickupRequest, PickupTimeline } from '../../domain/pickup/pickup-workflow';

/**
 * Messages of the pickup workflow, imported by the API and by order intake; names are typed once here.
 * Task completion goes through the shared task Updates (workflows/kit/task-messages.ts).
 */

/** Fire-and-forget cancellation, e.g. from a channel webhook. Ignored once the goods are handed over. */
export const pickupCancelledSignal = defineSignal<[CancelPickupRequest]>('pickupCancelled');

/**
 * Cancellation that answers: rejected (validator) when the order is already collected or closed,
 * otherwise returns the timeline once stock is released, money refunded and the customer told.
 */
export const cancelPickupUpdate = defineUpdate<PickupTimeline, [CancelPickupRequest]>('cancelPickup');

/** Current step and timeline, for the order page. Works on closed runs too while history is retained. */
export const pickupTimelineQuery = defineQuery<PickupTimeline>('pickupTimeline');

/** Failure type of a cancellation that comes too late (after hand-over, or after the run ended). */
export const PICKUP_NOT_CANCELLABLE = 'PICKUP_NOT_CANCELLABLE';
