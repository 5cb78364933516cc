import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { activityProfiles, kitActivityOptions } from './activity-profiles';

/**
 * The worker's activities, by kind of side effect (see activity-profiles.ts), for every workflow. Each has
 * the liveness heartbeat timeout, so an activity a dead worker held is retried elsewhere within seconds.
 */
export const db = proxyActivities<Activities>(kitActivityOptions.db);
export const channel = proxyActivities<Activities>(kitActivityOptions.channel);
export const notify = proxyActivities<Activities>(kitActivityOptions.notify);
export const refunds = proxyActivities<Activities>(kitActivityOptions.refund);

/**
 * Short, idempotent database steps (pickup: load, reserve, open the PICK task) run as local activities:
 * they finish inside the workflow task that asked for them, instead of costing an activity task and
 * another workflow task each. Retrying them on the same worker is fine (each is keyed by its record), and
 * the retry policy is the db profile's.
 */
export const localDb = proxyLocalActivities<Activities>(activityProfiles.db);
