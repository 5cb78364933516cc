import { type Client, type UpdateDefinition, WorkflowUpdateStage } from '@temporalio/client';

/**
 * Sends an Update to a run and returns its result, giving Temporal `acceptTimeoutMs` to *accept* it (a
 * worker ran the validator and the run's history holds it). While Temporal, its history service or every
 * worker is down, the call fails with a deadline error within that time, which `withWorkflowRefusals`
 * answers 503 with Retry-After, instead of holding the person who clicked for as long as the outage lasts.
 * Once accepted, the run applies the Update whatever happens to this request, so its result is awaited
 * without that deadline (a hand-over that refunds and messages may take longer than a page should wait for
 * Temporal to answer at all). A retry after a 503 is safe: the task is still open (the completion was not
 * taken) or it is done or being applied (409).
 */
export async function executeUpdateAcceptedWithin<Ret, Args extends [unknown, ...unknown[]]>(
  client: Client,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
  acceptTimeoutMs: number,
): Promise<Ret> {
  const handle = client.workflow.getHandle(workflowId);
  const accepted = await client.connection.withDeadline(Date.now() + acceptTimeoutMs, () =>
    handle.startUpdate(update, { args, waitForStage: WorkflowUpdateStage.ACCEPTED }),
  );
  return accepted.result();
}
