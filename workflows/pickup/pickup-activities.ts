import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { activityProfiles } from '../activity-profiles';

/** The pickup workflow's activities, by kind of side effect (see activity-profiles.ts). */
export const db = proxyActivities<Activities>(activityProfiles.db);
export const channel = proxyActivities<Activities>(activityProfiles.channelPush);
export const notify = proxyActivities<Activities>(activityProfiles.notify);
