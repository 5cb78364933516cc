import { type Prisma } from '../prisma/client';
import { recordColumnsOf } from './linked-records';
import { type QueuedSignal, type WorkflowStartRequest } from './workflow-start-request';

export interface EnqueuedStart {
  workflowId: string;
  /** False when this workflow id already had a start (a redelivery, a repeat): nothing was written. */
  created: boolean;
}

function asJson(value: unknown): Prisma.InputJsonValue {
  // JSON has no undefined; what is stored must be exactly what Temporal will be sent.
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}

/**
 * Records that `request.workflowId` must run, inside the caller's transaction, so the record and the
 * promise to start its process commit together or not at all ("accepted means started"). Call
 * `startWorkflowNow` after commit for the fast path; the relay retries whatever that does not finish.
 * Idempotent by workflow id: a second enqueue of the same id changes nothing.
 *
 * `firstRelayAttemptAt`: until then the relay leaves the start to the caller (WORKFLOW_START_RELAY_DELAY_MS).
 */
export async function enqueueWorkflowStart(
  tx: Prisma.TransactionClient,
  request: WorkflowStartRequest,
  firstRelayAttemptAt: Date,
): Promise<EnqueuedStart> {
  const { count } = await tx.workflowStart.createMany({
    data: {
      workflowId: request.workflowId,
      workflowType: request.workflowType,
      taskQueue: request.taskQueue,
      input: asJson(request.input),
      searchAttributes: asJson(request.searchAttributes),
      nextAttemptAt: firstRelayAttemptAt,
      ...recordColumnsOf(request.record),
    },
    skipDuplicates: true,
  });
  return { workflowId: request.workflowId, created: count === 1 };
}

/**
 * Queues a signal for a workflow that has a start in the outbox, inside the caller's transaction: it is
 * delivered with the start when the run does not exist yet (signal-with-start), or to the running run.
 * Either way it survives the API answering first, a crash, or Temporal being down. Answers false when
 * this workflow id has no start at all (the caller decides what that means).
 */
export async function queueWorkflowSignal(tx: Prisma.TransactionClient, workflowId: string, signal: QueuedSignal): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE workflow_starts
    SET pending_signals = pending_signals || jsonb_build_array(${JSON.stringify(signal)}::jsonb),
        -- Due now, unless the start itself is waiting out a backoff (the signal then rides with the start)
        -- or has FAILED (nothing is sent until a person retries it).
        next_attempt_at = CASE WHEN status = 'STARTED' THEN now() ELSE next_attempt_at END,
        updated_at = now()
    WHERE workflow_id = ${workflowId}`;
  return updated === 1;
}
