import { type PickupSettings } from './pickup-settings';

/**
 * The pickup workflow's contract with whoever starts it (api/workflows/start-pickup.ts) and whoever
 * reads it (the API's timeline route, the admin UI). Plain types, so workflow code, activities and the
 * API import the same definitions.
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

/** Who did something: a person (user id and e-mail) or the workflow itself (userId null). */
export interface ProcessActor {
  userId: string | null;
  label: string;
}

export const WORKFLOW_ACTOR: ProcessActor = { userId: null, label: 'workflow:pickup' };

/** One line of the timeline the UI shows. Times are ISO 8601 (workflow time). */
export interface TimelineEntry {
  step: string;
  startedAt: string;
  endedAt: string | null;
  actor: string | null;
  outcome: string | null;
}

export interface PickupTimeline {
  orderId: string;
  currentStep: PickupStep;
  storeCode: string;
  /** The task the workflow is waiting on, if any: only this one can be completed now. */
  openTask: { taskId: string; type: string } | null;
  entries: TimelineEntry[];
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
