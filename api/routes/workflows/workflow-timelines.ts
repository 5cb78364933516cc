import { type Client } from '@temporalio/client';
import { PICKUP_WORKFLOW_TYPE } from '../../../domain/pickup/pickup-workflow';
import { pickupTimelineQuery } from '../../../workflows/pickup/messages';
import { type WorkflowDetail } from './workflows.validators';

type Timeline = NonNullable<WorkflowDetail['timeline']>;

/** Workflow types that answer a timeline query, with how to ask them. */
const timelineReaders: Record<string, (client: Client, workflowId: string) => Promise<Timeline>> = {
  [PICKUP_WORKFLOW_TYPE]: async (client, workflowId) => {
    const { currentStep, openTask, entries } = await client.workflow.getHandle(workflowId).query(pickupTimelineQuery);
    return { currentStep, openTask, entries };
  },
};

/**
 * The run's own account of its steps. A query needs a worker to answer (closed runs are replayed), so it
 * gets a deadline: a page must still open, without the timeline and with the reason, when no worker is
 * polling the run's task queue.
 */
export async function readTimeline(
  client: Client,
  run: { workflowId: string; type: string },
  timeoutMs: number,
): Promise<Pick<WorkflowDetail, 'timeline' | 'timelineError'>> {
  const reader = timelineReaders[run.type];
  if (reader === undefined) return { timeline: null, timelineError: null };
  try {
    const timeline = await client.connection.withDeadline(Date.now() + timeoutMs, () => reader(client, run.workflowId));
    return { timeline, timelineError: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { timeline: null, timelineError: `The run did not answer its timeline query: ${reason}` };
  }
}
