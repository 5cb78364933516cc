import { type FulfilmentType, type OrderStatus } from '../../prisma/generated/enums';
import { type ChannelOrderEvent } from './channel-order-event';

/**
 * Channels deliver order events at least once and in any order, each carrying the whole order as it is
 * now and a per-order `sequence`. An event no newer than the one already applied adds nothing (the
 * order already reflects a later or the same state), so it is recorded and otherwise ignored.
 */
export function isStaleEvent(eventSequence: number, appliedSequence: number): boolean {
  return eventSequence <= appliedSequence;
}

/** Whether an event (or the snapshot it carries) says the customer cancelled the order. */
export function isCancellation(event: Pick<ChannelOrderEvent, 'type' | 'order'>): boolean {
  return event.type === 'order.cancelled' || event.order.status === 'CANCELLED';
}

export function fulfilmentTypeOf(channelFulfilment: ChannelOrderEvent['order']['fulfilment']): FulfilmentType {
  return channelFulfilment === 'PICKUP' ? 'PICKUP' : 'SHIP';
}

/** Until the goods are handed over (or shipped), a customer's cancellation still stops the order. */
const cancellableStatuses: readonly OrderStatus[] = ['RECEIVED', 'RESERVED', 'PICKING', 'READY_FOR_PICKUP', 'AWAITING_CUSTOMER_DECISION'];

export function canBeCancelled(status: OrderStatus): boolean {
  return cancellableStatuses.includes(status);
}

/** A pickup order runs its pickup workflow from the moment it is received until it ends. */
export function needsPickupWorkflow(order: { fulfilmentType: FulfilmentType; status: OrderStatus }): boolean {
  return order.fulfilmentType === 'PICKUP' && order.status === 'RECEIVED';
}
