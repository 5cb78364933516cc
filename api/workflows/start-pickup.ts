import { type Client } from '@temporalio/client';
import { InvalidDataError, NotFoundError } from '../../domain/errors';
import { pickupSettingsFromStore, type StorePickupColumns } from '../../domain/pickup/pickup-settings';
import {
  PICKUP_WORKFLOW_DOMAIN,
  PICKUP_WORKFLOW_TYPE,
  pickupWorkflowId,
  type CancelPickupRequest,
} from '../../domain/pickup/pickup-workflow';
import { pickupOrderSnapshotOf, pickupOrderSnapshotSelect } from '../../activities/orders/pickup-order-snapshot';
import { type PickupOrderSnapshot } from '../../domain/pickup/pickup-order-snapshot';
import { type Prisma, type PrismaClient } from '../../prisma/client';
import { pickupCancelledSignal } from '../../workflows/pickup/messages';
import { type PickupOrderStart } from '../../workflows/pickup/pickup-start';
import { type StartAttemptOutcome } from '../../workflow-starts/attempt-workflow-start';
import { enqueueWorkflowStart } from '../../workflow-starts/enqueue-workflow-start';
import { workflowStartEnv } from '../../workflow-starts/start-settings';
import { attemptWorkflowStartNow } from '../../workflow-starts/start-workflow-now';
import { type QueuedSignal, type WorkflowStartRequest } from '../../workflow-starts/workflow-start-request';

/** Where a pickup run starts from: the order as its snapshot, its pickup store's settings now, its channel. */
export interface PickupStartSource {
  order: PickupOrderSnapshot;
  store: StorePickupColumns & { code: string };
}

/**
 * The start of an order's pickup workflow (`pickup:<orderId>`) as an outbox request: every duration from
 * its pickup store's settings now (later edits of the store do not change an order under way), and the
 * order snapshot in the input, so the run starts reserving without reading the order again.
 */
export function pickupWorkflowStart(taskQueue: string, { order, store }: PickupStartSource): WorkflowStartRequest {
  const workflowId = pickupWorkflowId(order.orderId);
  const input: PickupOrderStart = { orderId: order.orderId, storeCode: store.code, settings: pickupSettingsFromStore(store), order };
  return {
    workflowType: PICKUP_WORKFLOW_TYPE,
    workflowId,
    taskQueue,
    input,
    searchAttributes: [
      { name: 'BusinessKey', type: 'KEYWORD', value: workflowId },
      { name: 'WorkflowDomain', type: 'KEYWORD', value: PICKUP_WORKFLOW_DOMAIN },
      { name: 'StoreCode', type: 'KEYWORD', value: store.code },
      { name: 'ChannelCode', type: 'KEYWORD', value: order.channelCode },
      { name: 'CurrentStep', type: 'KEYWORD', value: 'RESERVING' },
    ],
    record: { orderId: order.orderId },
  };
}

/** The customer's (or the channel's) cancellation as a signal queued for the order's pickup run. */
export function pickupCancelledSignalOf(cancellation: CancelPickupRequest): QueuedSignal {
  return { name: pickupCancelledSignal.name, args: [cancellation] };
}

export const pickupStoreSettingsSelect = {
  code: true,
  pickSlaMinutes: true,
  pickEscalationMinutes: true,
  pickupReminderMinutes: true,
  pickupExpiryHours: true,
  unfulfillablePolicy: true,
} as const satisfies Prisma.StoreSelect;

/** Reads what the start needs of an order already stored (the retry path; intake builds it from what it just wrote). */
export async function readPickupStartSource(tx: Prisma.TransactionClient, orderId: string): Promise<PickupStartSource> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { ...pickupOrderSnapshotSelect, fulfilmentType: true, pickupStore: { select: pickupStoreSettingsSelect } },
  });
  if (order === null) throw new NotFoundError(`Order ${orderId} not found`);
  if (order.fulfilmentType !== 'PICKUP' || order.pickupStore === null) {
    throw new InvalidDataError('Only pickup orders with a pickup store have a pickup workflow', {
      fulfilmentType: 'must be PICKUP with a pickup store',
    });
  }
  return { order: pickupOrderSnapshotOf(order), store: order.pickupStore };
}

export interface PickupWorkflowDeps {
  client: Client;
  prisma: PrismaClient;
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
 * Makes sure an order already stored has its pickup run: enqueues the start if it has none yet and
 * attempts it now (a running run is joined, a finished one never started again). For an admin's retry
 * and for tests; intake enqueues inside its own transaction instead. `outcome` is null when the run
 * already existed and nothing had to be sent.
 */
export async function startPickupWorkflow(
  deps: PickupWorkflowDeps,
  { orderId, retryFailed = true }: { orderId: string; retryFailed?: boolean },
): Promise<{ workflowId: string; outcome: StartAttemptOutcome | null }> {
  const request = await deps.prisma.$transaction(async (tx) => {
    const start = pickupWorkflowStart(deps.taskQueue, await readPickupStartSource(tx, orderId));
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
