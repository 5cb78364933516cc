import { type Client, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ConflictError } from '../../../domain/errors';
import { PICKUP_WORKFLOW_TYPE } from '../../../domain/pickup/pickup-workflow';
import { type ProcessActor } from '../../../domain/workflow-kit/process-actor';
import { cancelPickupUpdate } from '../../../workflows/pickup/messages';

export interface CancelRunRequest {
  workflowId: string;
  type: string;
  reason: string;
  actor: ProcessActor;
}

/**
 * Workflow types whose cancellation is a business process of its own. A pickup cancelled by Temporal's
 * plain cancel would stop where it stands, leaving stock reserved and the customer unrefunded, so it is
 * cancelled through its cancelPickup Update: the run releases, refunds and notifies, then closes.
 */
const businessCancellations: Record<string, (client: Client, request: CancelRunRequest) => Promise<void>> = {
  [PICKUP_WORKFLOW_TYPE]: async (client, { workflowId, reason, actor }) => {
    await client.workflow.getHandle(workflowId).executeUpdate(cancelPickupUpdate, { args: [{ reason, actor }] });
  },
};

/**
 * Cancels a running workflow. Answers once the run has closed, or once `timeoutMs` has passed with the
 * cancellation accepted and still under way (the caller reads the run's state to show which).
 * CONFLICT when the run refuses (e.g. a pickup already handed over).
 */
export async function cancelRun(client: Client, request: CancelRunRequest, timeoutMs: number): Promise<void> {
  const businessCancellation = businessCancellations[request.type];
  if (businessCancellation === undefined) {
    // No state outside the run to put right (stock sync and checks are idempotent): Temporal's cancel.
    await client.workflow.getHandle(request.workflowId).cancel();
    return;
  }
  try {
    await client.connection.withDeadline(Date.now() + timeoutMs, () => businessCancellation(client, request));
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      throw new ConflictError(error.cause.message);
    // Accepted, still releasing and refunding: the run finishes on its own.
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return;
    throw error;
  }
}
