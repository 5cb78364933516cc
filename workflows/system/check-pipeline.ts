import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { activityProfiles } from '../kit/activity-profiles';

export interface CheckPipelineInput {
  /** Who asked for the check (user id or process name), kept in the history for the audit trail. */
  requestedBy: string;
}

export interface CheckPipelineResult {
  requestedBy: string;
  workflowId: string;
  databaseTime: string;
  databaseVersion: string;
}

const { readDatabaseClock } = proxyActivities<Activities>(activityProfiles.db);

/**
 * The smallest end-to-end path through the system: API or test -> Temporal server -> worker ->
 * activity -> PostgreSQL and back. Operators run it to see that a deployment can do work at all.
 */
export async function checkPipeline(input: CheckPipelineInput): Promise<CheckPipelineResult> {
  const clock = await readDatabaseClock();
  return {
    requestedBy: input.requestedBy,
    workflowId: workflowInfo().workflowId,
    databaseTime: clock.databaseTime,
    databaseVersion: clock.serverVersion,
  };
}
