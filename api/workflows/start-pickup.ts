import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { InvalidDataError, NotFoundError } from '../../domain/errors';
import { pickupSettingsFromStore } from '../../domain/pickup/pickup-settings';
import {
  PICKUP_WORKFLOW_DOMAIN,
  PICKUP_WORKFLOW_TYPE,
  pickupWorkflowId,
  type CancelPickupRequest,
  type PickupOrderResult,
} from '../../domain/pickup/pickup-workflow';
import { pickupOrderSnapshotOf, pickupOrderSnapshotSelect } from '../../activities/orders/pickup-order-snapshot';
import { type OrderStatus, type PrismaClient } from '../../prisma/client';
import { pickupCancelledSignal } from '../../workflows/pickup/messages';
import { type PickupOrderStart } from '../../workflows/pickup/pickup-start';
import {
  businessKeyAttribute,
  channelCodeAttribute,
  currentStepAttribute,
  storeCodeAttribute,
  workflowDomainAttribute,
} from '../../workflows/pickup/pickup-search-attributes';

export interface PickupWorkflowDeps {
  client: Client;
  prisma: PrismaClient;
  taskQueue: string;
}

type PickupOrderWorkflow = (input: PickupOrderStart) => Promise<PickupOrderResult>;

/**
 * Starts the pickup workflow of an order (`pickup:<orderId>`), with every duration taken from its pickup
 * store's settings now, so later edits of the store do not change an order already under way. Safe to
 * call any number of times (webhook redeliveries, retries): a running workflow is joined, and a finished
 * one is not started again, because the order's pickup has already happened or been cancelled.
 * The order snapshot read here travels in the input, so the run starts reserving without reading it again.
 * Answers the order's status as of the moment the run was recorded on it.
 */
export async function startPickupWorkflow(
  deps: PickupWorkflowDeps,
  { orderId }: { orderId: string },
): Promise<{ workflowId: string; orderStatus: OrderStatus }> {
  const order = await deps.prisma.order.findUnique({
    where: { id: orderId },
    select: {
      ...pickupOrderSnapshotSelect,
      fulfilmentType: true,
      workflowId: true,
      pickupStore: {
        select: {
          code: true,
          pickSlaMinutes: true,
          pickEscalationMinutes: true,
          pickupReminderMinutes: true,
          pickupExpiryHours: true,
          unfulfillablePolicy: true,
        },
      },
    },
  });
  if (order === null) throw new NotFoundError(`Order ${orderId} not found`);
  if (order.fulfilmentType !== 'PICKUP' || order.pickupStore === null) {
    throw new InvalidDataError('Only pickup orders with a pickup store have a pickup workflow', {
      fulfilmentType: 'must be PICKUP with a pickup store',
    });
  }

  const workflowId = pickupWorkflowId(orderId);
  const input: PickupOrderStart = {
    orderId,
    storeCode: order.pickupStore.code,
    settings: pickupSettingsFromStore(order.pickupStore),
    order: pickupOrderSnapshotOf(order),
  };
  try {
    await deps.client.workflow.start<PickupOrderWorkflow>(PICKUP_WORKFLOW_TYPE, {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [input],
      // Running: join it. Closed: refuse (caught below), never a second pickup of the same order.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: businessKeyAttribute, value: workflowId },
        { key: workflowDomainAttribute, value: PICKUP_WORKFLOW_DOMAIN },
        { key: storeCodeAttribute, value: order.pickupStore.code },
        { key: channelCodeAttribute, value: order.channel.code },
        { key: currentStepAttribute, value: 'RESERVING' },
      ],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  // One write records the run and clears an earlier failure to start; the status it answers tells the
  // caller whether a cancellation committed while the run was being started.
  const saved = await deps.prisma.order.update({
    where: { id: orderId },
    data: { workflowId: order.workflowId ?? workflowId, fulfilmentStartError: null },
    select: { status: true },
  });
  return { workflowId, orderStatus: saved.status };
}

/**
 * Tells the order's pickup workflow that the customer (or the channel) cancelled. Fire-and-forget for
 * webhooks: the workflow ignores it once the goods are handed over. NOT_FOUND when no run exists.
 */
export async function signalPickupCancelled(
  deps: Pick<PickupWorkflowDeps, 'client'>,
  request: { orderId: string } & CancelPickupRequest,
): Promise<void> {
  const { orderId, ...cancellation } = request;
  try {
    await deps.client.workflow.getHandle(pickupWorkflowId(orderId)).signal(pickupCancelledSignal, cancellation);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new NotFoundError(`No running pickup for order ${orderId}`);
    throw error;
  }
}
