import { type ChannelOrderStatus } from '../wire-format';

/** Which status an order may move to on a channel; anything else is refused as an invalid transition. */
const allowedNext: Record<ChannelOrderStatus, readonly ChannelOrderStatus[]> = {
  PLACED: ['ACCEPTED', 'READY_FOR_PICKUP', 'SHIPPED', 'CANCELLED'],
  ACCEPTED: ['READY_FOR_PICKUP', 'SHIPPED', 'CANCELLED'],
  READY_FOR_PICKUP: ['COLLECTED', 'CANCELLED'],
  COLLECTED: ['RETURNED'],
  SHIPPED: ['RETURNED'],
  CANCELLED: [],
  RETURNED: [],
};

export function canMoveOrder(from: ChannelOrderStatus, to: ChannelOrderStatus): boolean {
  return allowedNext[from].includes(to);
}

/** Statuses a customer can still cancel from (before the goods left the store). */
export function isCancellableByCustomer(status: ChannelOrderStatus): boolean {
  return canMoveOrder(status, 'CANCELLED');
}
