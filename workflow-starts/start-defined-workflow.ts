import { type Client } from '@temporalio/client';
import { type WorkflowDefinition } from '../domain/workflow-kit/workflow-definition';
import { type Prisma, type PrismaClient } from '../prisma/client';
import { type StartAttemptOutcome } from './attempt-workflow-start';
import { enqueueWorkflowStart } from './enqueue-workflow-start';
import { workflowStartEnv } from './start-settings';
import { attemptWorkflowStartNow } from './start-workflow-now';

export interface DefinedStartDeps {
  client: Client;
  prisma: PrismaClient;
  /** The configured queue; a definition with a queue of its own uses that one. */
  taskQueue: string;
  /** Longest the Temporal call may take; default WORKFLOW_START_TEMPORAL_TIMEOUT_MS's default. */
  temporalTimeoutMs?: number;
}

const defaults = {
  temporalTimeoutMs: workflowStartEnv.WORKFLOW_START_TEMPORAL_TIMEOUT_MS.parse(undefined),
  claimMs: workflowStartEnv.WORKFLOW_START_CLAIM_MS.parse(undefined),
  relayDelayMs: workflowStartEnv.WORKFLOW_START_RELAY_DELAY_MS.parse(undefined),
  timing: {
    retryInitialMs: workflowStartEnv.WORKFLOW_START_RETRY_INITIAL_MS.parse(undefined),
    retryMaxMs: workflowStartEnv.WORKFLOW_START_RETRY_MAX_MS.parse(undefined),
  },
};

/**
 * Makes sure a record already stored has its run, for any registered workflow: reads what the start
 * needs (`readSource`, in a transaction), enqueues the definition's start request if there is none yet
 * and attempts it now (a running run is joined, a finished one never started again). For a person's
 * retry and for tests; intake enqueues inside its own transaction instead. `outcome` is null when the
 * run already existed and nothing had to be sent.
 */
export async function startDefinedWorkflow<Source>(
  deps: DefinedStartDeps,
  definition: WorkflowDefinition<Source>,
  readSource: (tx: Prisma.TransactionClient) => Promise<Source>,
  { retryFailed = true }: { retryFailed?: boolean } = {},
): Promise<{ workflowId: string; outcome: StartAttemptOutcome | null }> {
  const startRequest = definition.startRequest;
  if (startRequest === undefined) throw new Error(`Workflow type ${definition.type} is not started from a record`);
  const request = await deps.prisma.$transaction(async (tx) => {
    const start = startRequest(definition.taskQueue ?? deps.taskQueue, await readSource(tx));
    await enqueueWorkflowStart(tx, start, new Date(Date.now() + defaults.relayDelayMs));
    return start;
  });
  const outcome = await attemptWorkflowStartNow(
    {
      prisma: deps.prisma,
      client: deps.client,
      temporalTimeoutMs: deps.temporalTimeoutMs ?? defaults.temporalTimeoutMs,
      timing: defaults.timing,
      claimMs: defaults.claimMs,
    },
    request.workflowId,
    { retryFailed },
  );
  return { workflowId: request.workflowId, outcome };
}
