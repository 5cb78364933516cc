import { type Client } from '@temporalio/client';
import { type PrismaClient } from '../../prisma/client';
import { type StartAttemptOutcome } from '../../workflow-starts/attempt-workflow-start';
import { type WorkflowStartTiming } from '../../workflow-starts/start-settings';
import { attemptWorkflowStartNow, startWorkflowNow } from '../../workflow-starts/start-workflow-now';
import { type WorkflowStartPolicy } from '../../workflow-starts/workflow-start-policy';
import { type WorkflowStartRequest } from '../../workflow-starts/workflow-start-request';
import { type Logger } from '../logger';
import { startPickupWorkflow } from './start-pickup-workflow';

export interface OrderFulfilmentDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
  /** INTAKE_TEMPORAL_TIMEOUT_MS: the deadline of the Temporal call itself (never of database work). */
  temporalTimeoutMs: number;
  /** WORKFLOW_START_RELAY_DELAY_MS: how long the relay leaves a new start to this process. */
  relayDelayMs: number;
  /** WORKFLOW_START_CLAIM_MS. */
  claimMs: number;
  timing: WorkflowStartTiming;
  /** API_BACKGROUND_STARTS_MAX: starts and signals attempted after the answer at once; beyond it the relay takes them. */
  backgroundLimit: number;
  logger: Logger;
}

export interface OrderFulfilment {
  policy: WorkflowStartPolicy;
  /**
   * One attempt at a start just enqueued, after its transaction committed, not awaited: the caller's
   * answer (a webhook's 202, a web order's 201) does not wait for Temporal. A failure is recorded and
   * retried by the relay: the record stays accepted.
   */
  startInBackground(request: WorkflowStartRequest): void;
  /** Delivers signals just queued for `workflowId` (with its start if it has none yet), after the answer. */
  deliverInBackground(workflowId: string): void;
  /**
   * Resolves once the starts and signals attempted after answers have finished (each within its Temporal
   * deadline): shutdown waits for it before closing the Temporal connection under them.
   */
  whenIdle(): Promise<void>;
  /** An admin's retry: enqueues the start if the order has none (orders from before the outbox) and attempts it now. */
  retryPickupStart(orderId: string): Promise<{ workflowId: string; outcome: StartAttemptOutcome | null }>;
}

export function createOrderFulfilment(deps: OrderFulfilmentDeps): OrderFulfilment {
  const attemptDeps = { prisma: deps.prisma, client: deps.client, temporalTimeoutMs: deps.temporalTimeoutMs, timing: deps.timing };
  const inBackground = new Set<Promise<void>>();

  const logOutcome = (outcome: StartAttemptOutcome | null) => {
    if (outcome !== null && outcome.status !== 'STARTED')
      deps.logger.warn({ workflowId: outcome.workflowId, error: outcome.error }, 'workflow not started yet; the relay retries it');
  };

  /** Bounded: under overload the API sheds this work to the relay instead of queueing it behind the answers. */
  const runInBackground = (what: string, workflowId: string, work: () => Promise<StartAttemptOutcome | null>) => {
    if (inBackground.size >= deps.backgroundLimit) {
      deps.logger.debug({ workflowId }, `${what} left to the relay: ${inBackground.size} already in flight`);
      return;
    }
    const running = work().then(logOutcome, (error: unknown) =>
      deps.logger.error({ err: error, workflowId }, `${what} not recorded; the relay retries it`),
    );
    inBackground.add(running);
    void running.finally(() => inBackground.delete(running));
  };

  return {
    policy: { taskQueue: deps.taskQueue, firstRelayAttemptAt: () => new Date(Date.now() + deps.relayDelayMs) },
    startInBackground(request) {
      runInBackground('workflow start', request.workflowId, () => startWorkflowNow(attemptDeps, request));
    },
    async whenIdle() {
      while (inBackground.size > 0) await Promise.allSettled([...inBackground]);
    },
    deliverInBackground(workflowId) {
      runInBackground('signal delivery', workflowId, () => attemptWorkflowStartNow({ ...attemptDeps, claimMs: deps.claimMs }, workflowId));
    },
    retryPickupStart(orderId) {
      return startPickupWorkflow(
        { client: deps.client, prisma: deps.prisma, taskQueue: deps.taskQueue, temporalTimeoutMs: deps.temporalTimeoutMs },
        { orderId },
      );
    },
  };
}
