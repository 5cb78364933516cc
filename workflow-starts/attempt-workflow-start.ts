import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { defineSearchAttributeKey, type SearchAttributePair } from '@temporalio/common';
import { type PrismaClient } from '../prisma/client';
import { type DueWorkflowStart } from './due-workflow-start';
import { recordWorkflowStarted, recordWorkflowStartFailure } from './record-start-outcome';
import { describeStartFailure, isPermanentStartFailure } from './start-errors';
import { retryDelayMs, type WorkflowStartTiming } from './start-settings';
import { type StartSearchAttribute } from './workflow-start-request';

export interface StartAttemptDeps {
  prisma: PrismaClient;
  client: Client;
  /** Deadline of each Temporal call. It covers only the call: the database work around it has its own limits. */
  temporalTimeoutMs: number;
  timing: WorkflowStartTiming;
}

export type StartAttemptOutcome =
  | { status: 'STARTED'; workflowId: string }
  | { status: 'PENDING'; workflowId: string; error: string; retryAt: Date }
  | { status: 'FAILED'; workflowId: string; error: string };

function typedSearchAttributes(attributes: readonly StartSearchAttribute[]): SearchAttributePair[] {
  return attributes.map(
    (attribute) =>
      ({
        key: defineSearchAttributeKey(attribute.name, attribute.type),
        value: attribute.type === 'DATETIME' ? new Date(String(attribute.value)) : attribute.value,
      }) as SearchAttributePair,
  );
}

/**
 * Sends what a due start needs: the start itself (with its first queued signal, as signal-with-start,
 * when one is waiting), then any further signals. Running already: joined. Closed already: the run existed,
 * so that counts as started too, and its signals have nobody left to tell.
 * Answers how many queued signals are settled and the run id when Temporal gave one.
 */
async function sendToTemporal(
  client: Client,
  due: DueWorkflowStart,
  within: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<{ runId: string | null; deliveredSignals: number }> {
  const signals = due.pendingSignals;
  let runId: string | null = null;
  let remaining = signals;
  if (due.status === 'PENDING') {
    const options = {
      taskQueue: due.taskQueue,
      workflowId: due.workflowId,
      args: [due.input],
      // Running: join it. Closed: refuse (caught below): a business key has one run, ever.
      workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
      typedSearchAttributes: typedSearchAttributes(due.searchAttributes),
    };
    const [first, ...rest] = signals;
    try {
      if (first === undefined) {
        runId = (await within(() => client.workflow.start(due.workflowType, { ...options, workflowIdConflictPolicy: 'USE_EXISTING' })))
          .firstExecutionRunId;
      } else {
        runId = (
          await within(() =>
            client.workflow.signalWithStart(due.workflowType, { ...options, signal: first.name, signalArgs: first.args as [unknown] }),
          )
        ).signaledRunId;
      }
      remaining = rest;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return { runId: null, deliveredSignals: signals.length };
    }
  }
  const handle = client.workflow.getHandle(due.workflowId);
  for (const signal of remaining) {
    try {
      await within(() => handle.signal(signal.name, ...signal.args));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { runId, deliveredSignals: signals.length };
      throw error;
    }
  }
  return { runId, deliveredSignals: signals.length };
}

/**
 * One attempt at a start (or at delivering its queued signals), and its outcome written back: STARTED
 * with the record linked, or the error with the next attempt's time, or FAILED when Temporal refused for
 * good. Safe to run twice at once (the API and a relay): Temporal joins the second start by workflow id
 * and the writes are idempotent.
 */
export async function attemptWorkflowStart(deps: StartAttemptDeps, due: DueWorkflowStart): Promise<StartAttemptOutcome> {
  const within = <T>(call: () => Promise<T>): Promise<T> => deps.client.connection.withDeadline(Date.now() + deps.temporalTimeoutMs, call);
  let sent: { runId: string | null; deliveredSignals: number };
  try {
    sent = await sendToTemporal(deps.client, due, within);
  } catch (error) {
    const message = describeStartFailure(error);
    const attemptedStatus = due.status === 'STARTED' ? 'STARTED' : 'PENDING';
    const permanent = attemptedStatus === 'PENDING' && isPermanentStartFailure(error);
    const retryAt = permanent ? null : new Date(Date.now() + retryDelayMs(due.attempts + 1, deps.timing));
    await recordWorkflowStartFailure(deps.prisma, { workflowId: due.workflowId, attemptedStatus, error: message, retryAt });
    return retryAt === null
      ? { status: 'FAILED', workflowId: due.workflowId, error: message }
      : { status: 'PENDING', workflowId: due.workflowId, error: message, retryAt };
  }
  await recordWorkflowStarted(deps.prisma, { workflowId: due.workflowId, ...sent });
  return { status: 'STARTED', workflowId: due.workflowId };
}
