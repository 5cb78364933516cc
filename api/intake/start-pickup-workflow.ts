import { pickupWorkflow } from '../../domain/pickup/pickup-definition';
import { readPickupStartSource } from '../../db/intake/pickup-start-source';
import { type StartAttemptOutcome } from '../../workflow-starts/attempt-workflow-start';
import { type DefinedStartDeps, startDefinedWorkflow } from '../../workflow-starts/start-defined-workflow';

/**
 * Makes sure an order already stored has its pickup run (`pickup:<orderId>`): an admin's retry, tests.
 * Intake enqueues the start inside the order's own transaction instead (enqueue-pickup-start.ts).
 */
export function startPickupWorkflow(
  deps: DefinedStartDeps,
  { orderId, retryFailed = true }: { orderId: string; retryFailed?: boolean },
): Promise<{ workflowId: string; outcome: StartAttemptOutcome | null }> {
  return startDefinedWorkflow(deps, pickupWorkflow, (tx) => readPickupStartSource(tx, orderId), { retryFailed });
}
