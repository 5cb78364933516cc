import { type QueuedSignal, type WorkflowStartRequest } from '../../workflow-starts/workflow-start-request';
import { searchAttributes, startAttribute } from '../workflow-kit/search-attributes';
import { type WorkflowDefinition } from '../workflow-kit/workflow-definition';
import { type PickupOrderSnapshot } from './pickup-order-snapshot';
import { pickupSettingsFromStore, type StorePickupColumns } from './pickup-settings';
import {
  type CancelPickupRequest,
  PICKUP_WORKFLOW_DOMAIN,
  PICKUP_WORKFLOW_TYPE,
  type PickupOrderInput,
  type PickupStep,
  pickupWorkflowId,
} from './pickup-workflow';

/** Where a pickup run starts from: the order as its snapshot, its pickup store's settings now. */
export interface PickupStartSource {
  order: PickupOrderSnapshot;
  store: StorePickupColumns & { code: string };
}

/** Every step of a pickup, as CurrentStep and the order page show it; cancellable until the hand-over begins. */
const pickupStepList: readonly { name: PickupStep; label: string; cancellable?: boolean }[] = [
  { name: 'RESERVING', label: 'Reserving stock', cancellable: true },
  { name: 'AWAITING_CUSTOMER_DECISION', label: 'Waiting for the customer’s decision', cancellable: true },
  { name: 'PICKING', label: 'Picking', cancellable: true },
  { name: 'MARKING_READY', label: 'Marking ready', cancellable: true },
  { name: 'AWAITING_COLLECTION', label: 'Ready for pickup', cancellable: true },
  { name: 'COLLECTING', label: 'Handing over' },
  { name: 'CANCELLING', label: 'Cancelling' },
  { name: 'COLLECTED', label: 'Collected' },
  { name: 'CANCELLED', label: 'Cancelled' },
  { name: 'EXPIRED', label: 'Expired' },
];

/** Steps at which the run takes a cancellation (the workflow's validator and the UI's Cancel button). */
export function isCancellablePickupStep(step: PickupStep): boolean {
  return pickupStepList.some((candidate) => candidate.name === step && candidate.cancellable === true);
}

/**
 * The start of an order's pickup run as an outbox request: every duration from its pickup store's
 * settings now (later edits of the store do not change an order under way), and the order snapshot in
 * the input, so the run starts reserving without reading the order again.
 */
function pickupStartRequest(taskQueue: string, { order, store }: PickupStartSource): WorkflowStartRequest {
  const workflowId = pickupWorkflowId(order.orderId);
  const input: PickupOrderInput = { orderId: order.orderId, storeCode: store.code, settings: pickupSettingsFromStore(store), order };
  return {
    workflowType: PICKUP_WORKFLOW_TYPE,
    workflowId,
    taskQueue,
    input,
    searchAttributes: [
      startAttribute(searchAttributes.businessKey, workflowId),
      startAttribute(searchAttributes.workflowDomain, PICKUP_WORKFLOW_DOMAIN),
      startAttribute(searchAttributes.storeCode, store.code),
      startAttribute(searchAttributes.channelCode, order.channelCode),
      startAttribute(searchAttributes.currentStep, 'RESERVING'),
    ],
    record: { orderId: order.orderId },
  };
}

/** Buy online, pick up in store (docs/pickup.md). */
export const pickupWorkflow = {
  type: PICKUP_WORKFLOW_TYPE,
  domain: PICKUP_WORKFLOW_DOMAIN,
  workflowIdOf: pickupWorkflowId,
  searchAttributes: ['businessKey', 'workflowDomain', 'storeCode', 'channelCode', 'currentStep'],
  timelineQuery: 'pickupTimeline',
  cancelUpdate: 'cancelPickup',
  notCancellableFailure: 'PICKUP_NOT_CANCELLABLE',
  taskTypes: ['PICK', 'HANDOVER', 'CUSTOMER_SERVICE'],
  steps: pickupStepList,
  startRequest: pickupStartRequest,
} as const satisfies WorkflowDefinition<PickupStartSource>;

/** Fire-and-forget cancellation (a channel's, a customer's): its signal's name, typed once. */
export const PICKUP_CANCELLED_SIGNAL = 'pickupCancelled';

/** The customer's (or the channel's) cancellation as a signal queued for the order's pickup run. */
export function pickupCancelledSignalOf(cancellation: CancelPickupRequest): QueuedSignal {
  return { name: PICKUP_CANCELLED_SIGNAL, args: [cancellation] };
}
