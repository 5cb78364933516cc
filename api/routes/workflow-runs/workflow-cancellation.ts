import { type Client, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ConflictError } from '../../../domain/errors';
import { type ProcessActor } from '../../../domain/workflow-kit/process-actor';
import { type WorkflowRegistry } from '../../workflow-registry/workflow-registry';

export interface CancelRunRequest {
  workflowId: string;
  type: string;
  reason: string;
  actor: ProcessActor;
}

/**
 * Cancels a running workflow. A type whose definition names a cancel Update is cancelled as the business
 * process it is (a pickup stopped by Temporal's plain cancel would leave stock reserved and the customer
 * unrefunded): the run releases, refunds and notifies, then closes. Other types (and types the registry
 * does not know) get Temporal's cancel. Answers once the run has closed, or once `timeoutMs` has passed
 * with the cancellation accepted and still under way (UNDER_WAY). CONFLICT when the run refuses.
 */
export async function cancelRun(
  deps: { client: Client; workflows: WorkflowRegistry },
  request: CancelRunRequest,
  timeoutMs: number,
): Promise<'CANCELLED' | 'UNDER_WAY'> {
  const handle = deps.client.workflow.getHandle(request.workflowId);
  const updateName = deps.workflows.definitionOf(request.type)?.cancelUpdate ?? null;
  if (updateName === null) {
    // No workflow of ours catches Temporal's cancel: once requested, the run ends without doing more.
    await handle.cancel();
    return 'CANCELLED';
  }
  try {
    await deps.client.connection.withDeadline(Date.now() + timeoutMs, () =>
      handle.executeUpdate(updateName, { args: [{ reason: request.reason, actor: request.actor }] }),
    );
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      throw new ConflictError(error.cause.message);
    // Accepted, still releasing and refunding: the run finishes on its own.
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'UNDER_WAY';
    throw error;
  }
  return 'CANCELLED';
}
