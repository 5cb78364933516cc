import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { activityProfiles } from './activity-profiles';

/** The worker's activities, by kind of side effect (see activity-profiles.ts), for every workflow. */
export const db = proxyActivities<Activities>(activityProfiles.db);
export const channel = proxyActivities<Activities>(activityProfiles.channelPush);
export const notify = proxyActivities<Activities>(activityProfiles.notify);
export const refunds = proxyActivities<Activities>(activityProfiles.refund);

/**
 * Short, idempotent database steps (pickup: load, reserve, open the PICK task) run as local activities:
 * they finish inside the workflow task that asked for them, instead of costing an activity task and
 * another workflow task each. Retrying them on the same worker is fine (each is keyed by its record), and
 * the retry policy is the db profile's.
 */
export const localDb = proxyLocalActivities<Activities>(activityProfiles.db);
