import { attemptWorkflowStart, type StartAttemptDeps, type StartAttemptOutcome } from './attempt-workflow-start';
import { claimStartNow } from './claim-due-starts';
import { type WorkflowStartRequest } from './workflow-start-request';

export interface StartNowDeps extends StartAttemptDeps {
  /** WORKFLOW_START_CLAIM_MS: how long the relay keeps off a start this process is attempting. */
  claimMs: number;
}

/**
 * The fast path right after the transaction that enqueued `request` committed: one attempt, without
 * reading the row back (the relay leaves a new start alone for WORKFLOW_START_RELAY_DELAY_MS). Its
 * outcome is already recorded; a failure is retried by the relay, so callers may answer 2xx either way.
 */
export function startWorkflowNow(deps: StartAttemptDeps, request: WorkflowStartRequest): Promise<StartAttemptOutcome> {
  return attemptWorkflowStart(deps, {
    workflowId: request.workflowId,
    workflowType: request.workflowType,
    taskQueue: request.taskQueue,
    input: JSON.parse(JSON.stringify(request.input ?? null)) as unknown,
    searchAttributes: request.searchAttributes,
    pendingSignals: [],
    status: 'PENDING',
    attempts: 0,
  });
}

/**
 * Attempts whatever `workflowId` has due right now (its start, or signals queued for its run), ahead of
 * the relay: after a signal was queued, or when a person retries a start (`retryFailed` also retries
 * one that FAILED). Null when there was nothing to send.
 */
export async function attemptWorkflowStartNow(
  deps: StartNowDeps,
  workflowId: string,
  { retryFailed = false }: { retryFailed?: boolean } = {},
): Promise<StartAttemptOutcome | null> {
  const due = await claimStartNow(deps.prisma, workflowId, { claimMs: deps.claimMs, retryFailed });
  return due === null ? null : attemptWorkflowStart(deps, due);
}
