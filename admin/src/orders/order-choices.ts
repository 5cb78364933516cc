/** The status tabs of the orders list, in the order a pickup goes through them. */
export const orderStatusTabs = ['RECEIVED', 'RESERVED', 'PICKING', 'READY_FOR_PICKUP', 'COLLECTED', 'CANCELLED', 'EXPIRED'] as const;

export const orderStatusChoices = [
  ...orderStatusTabs,
  'AWAITING_CUSTOMER_DECISION',
  'SHIPPED',
  'COMPLETED',
  'PARTIALLY_RETURNED',
  'RETURNED',
].map((id) => ({ id, name: `omni.order_status.${id}` }));

export const orderLineStatusChoices = ['PENDING', 'RESERVED', 'PICKED', 'SHORT_PICKED', 'FULFILLED', 'CANCELLED', 'RETURNED'].map((id) => ({
  id,
  name: `omni.order_line_status.${id}`,
}));

/**
 * Pickup steps at which the customer (or head office for them) may still cancel: the pickup workflow
 * refuses once the hand-over has begun (workflows/pickup/pickup-order.ts, isCancellable).
 */
const cancellableSteps: ReadonlySet<string> = new Set([
  'RESERVING',
  'AWAITING_CUSTOMER_DECISION',
  'PICKING',
  'MARKING_READY',
  'AWAITING_COLLECTION',
]);

export const isCancellableStep = (step: string | null | undefined): boolean => step != null && cancellableSteps.has(step);
