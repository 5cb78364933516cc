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
