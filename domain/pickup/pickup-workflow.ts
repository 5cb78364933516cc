import { type ProcessActor, workflowActor } from '../workflow-kit/process-actor';
import { type WorkflowTimeline } from '../workflow-kit/timeline';
import { type PickupOrderSnapshot } from './pickup-order-snapshot';
import { type PickupSettings } from './pickup-settings';

/**
 * The pickup workflow's contract with whoever starts it (its definition, pickup-definition.ts) and
 * whoever reads it (the API's workflows resource, the admin UI). Plain types, so workflow code,
 * activities and the API import the same definitions.
 */

export const PICKUP_WORKFLOW_TYPE = 'pickupOrder';
export const PICKUP_WORKFLOW_DOMAIN = 'pickup';

/** Business-key workflow id: one pickup run per order, ever. */
export function pickupWorkflowId(orderId: string): string {
  return `pickup:${orderId}`;
}

export interface PickupOrderInput {
  orderId: string;
  /** The store chosen at checkout; the customer may move the order to another one. */
  storeCode: string;
  settings: PickupSettings;
  /**
   * The order as the starter has just read it, so the run does not read it again. Optional: runs started
   * with only the order id (and runs from before the one-task start) load it themselves.
   */
  order?: PickupOrderSnapshot;
}

/** Where the order is in the process; also the CurrentStep search attribute. */
export const pickupSteps = [
  'RESERVING',
  'AWAITING_CUSTOMER_DECISION',
  'PICKING',
  'MARKING_READY',
  'AWAITING_COLLECTION',
  'COLLECTING',
  'CANCELLING',
  'COLLECTED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type PickupStep = (typeof pickupSteps)[number];

export type PickupFinalStep = Extract<PickupStep, 'COLLECTED' | 'CANCELLED' | 'EXPIRED'>;

/** What the pickup run acts as when no person asked (ledger rows, timeline, tasks). */
export const PICKUP_ACTOR: ProcessActor = workflowActor(PICKUP_WORKFLOW_DOMAIN);

/** The kit's timeline, plus the order and the store it is at now. */
export interface PickupTimeline extends WorkflowTimeline {
  orderId: string;
  currentStep: PickupStep;
  storeCode: string;
}

export interface PickupOrderResult {
  orderId: string;
  finalStep: PickupFinalStep;
  storeCode: string;
  /** Units refunded per order line id (short picks and cancellations together). */
  refundedUnitsByLine: Record<string, number>;
}

export interface CancelPickupRequest {
  reason: string;
  actor: ProcessActor;
  /** The API request that asked, so the audit row of the cancellation (written with it) names it. */
  requestId?: string;
}
