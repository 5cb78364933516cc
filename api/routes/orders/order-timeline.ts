import { type Client, isGrpcServiceError, ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { ConflictError, ServiceUnavailableError } from '../../../domain/errors';
import { type OrderStatus, type PrismaClient } from '../../../prisma/client';
import { pickupTimelineQuery } from '../../../workflows/pickup/messages';
import { type OrderTimeline } from './order-actions.validators';
import { finalPickupStepOf, readRecordedPickupTimeline } from './recorded-pickup-timeline';

export interface OrderTimelineDeps {
  prisma: PrismaClient;
  client: Client;
  /** TEMPORAL_CALL_TIMEOUT_MS: how long the query may take before the request answers without it. */
  temporalCallTimeoutMs: number;
}

/**
 * Why Temporal gave no timeline, when the cause is that nobody answered rather than a refusal. A query
 * needs a worker to replay the run, and the ways that fails vary with timing (deadline exceeded, sticky
 * worker gone, server unreachable, each possibly wrapped in a ServiceError "Failed to query Workflow"),
 * so every transport-level failure counts; errors the workflow code raised (an unknown query) do not.
 */
function unansweredBecause(error: unknown): 'history-gone' | 'no-answer' | null {
  if (error instanceof WorkflowNotFoundError) return 'history-gone';
  if (error instanceof ServiceError || isGrpcServiceError(error)) return 'no-answer';
  return null;
}

/**
 * The order's pickup timeline. The workflow's query is the full account, but a worker has to answer it
 * (a closed run is replayed), so it gets TEMPORAL_CALL_TIMEOUT_MS. Without an answer, a closed order's
 * timeline is rebuilt from the tables (it can no longer change), while a running one is a 503: its state
 * lives in the workflow and a guess from the tables could be wrong about the current step.
 */
export async function readOrderTimeline(
  deps: OrderTimelineDeps,
  order: { id: string; status: OrderStatus; workflowId: string },
): Promise<OrderTimeline> {
  try {
    const timeline = await deps.client.connection.withDeadline(Date.now() + deps.temporalCallTimeoutMs, () =>
      deps.client.workflow.getHandle(order.workflowId).query(pickupTimelineQuery),
    );
    return { ...timeline, source: 'workflow' };
  } catch (error) {
    const reason = unansweredBecause(error);
    if (reason === null) throw error;
    const finalStep = finalPickupStepOf(order.status);
    if (finalStep !== null)
      return {
        ...(await readRecordedPickupTimeline(deps.prisma, { id: order.id, workflowId: order.workflowId, finalStep })),
        source: 'records',
      };
    if (reason === 'history-gone') throw new ConflictError('The process history of this order is no longer available');
    throw new ServiceUnavailableError(
      `The worker did not answer in time (${deps.temporalCallTimeoutMs} ms) with this order's timeline; try again shortly`,
    );
  }
}
