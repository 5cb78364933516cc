import { canBeCancelled, isCancellation, isStaleEvent, needsPickupWorkflow } from './intake-rules';

describe('intake rules', () => {
  it('ignores an event that is not newer than the one applied', () => {
    expect(isStaleEvent(1, 0)).toBe(false);
    expect(isStaleEvent(1, 2)).toBe(true);
    expect(isStaleEvent(2, 2)).toBe(true);
  });

  it('reads a cancellation from the event type or from the snapshot it carries', () => {
    expect(isCancellation({ type: 'order.cancelled', order: { status: 'PLACED' } } as never)).toBe(true);
    expect(isCancellation({ type: 'order.created', order: { status: 'CANCELLED' } } as never)).toBe(true);
    expect(isCancellation({ type: 'order.created', order: { status: 'PLACED' } } as never)).toBe(false);
  });

  it('lets a customer cancel until hand-over, not after', () => {
    expect(canBeCancelled('READY_FOR_PICKUP')).toBe(true);
    expect(canBeCancelled('COLLECTED')).toBe(false);
    expect(canBeCancelled('CANCELLED')).toBe(false);
  });

  it('starts a pickup workflow only for received pickup orders', () => {
    expect(needsPickupWorkflow({ fulfilmentType: 'PICKUP', status: 'RECEIVED' })).toBe(true);
    expect(needsPickupWorkflow({ fulfilmentType: 'SHIP', status: 'RECEIVED' })).toBe(false);
    expect(needsPickupWorkflow({ fulfilmentType: 'PICKUP', status: 'CANCELLED' })).toBe(false);
  });
});
