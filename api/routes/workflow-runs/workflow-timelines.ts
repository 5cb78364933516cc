import { type Client } from '@temporalio/client';
import { type WorkflowTimeline } from '../../../domain/workflow-kit/timeline';
import { type WorkflowRegistry } from '../../workflow-registry/workflow-registry';
import { type WorkflowDetail } from './workflow-runs.validators';

/**
 * The run's own account of its steps, through the timeline query its definition names (types without
 * one have no timeline). A query needs a worker to answer (closed runs are replayed), so it gets a
 * deadline: the page must still open, with the run's status and CurrentStep from visibility and the
 * reason instead of the timeline, when no worker polls the run's task queue.
 */
export async function readTimeline(
  deps: { client: Client; workflows: WorkflowRegistry },
  run: { workflowId: string; type: string },
  timeoutMs: number,
): Promise<Pick<WorkflowDetail, 'timeline' | 'timelineError'>> {
  const queryName = deps.workflows.definitionOf(run.type)?.timelineQuery ?? null;
  if (queryName === null) return { timeline: null, timelineError: null };
  try {
    const { currentStep, openTask, entries } = await deps.client.connection.withDeadline(Date.now() + timeoutMs, () =>
      deps.client.workflow.getHandle(run.workflowId).query<WorkflowTimeline>(queryName),
    );
    return { timeline: { currentStep, openTask, entries }, timelineError: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { timeline: null, timelineError: `The run did not answer its timeline query: ${reason}` };
  }
}
