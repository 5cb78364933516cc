import { lateCancellationEventId, lateOrderEventId, lateOrdersFailedOutcome, lateOrdersOutcome, noLateOrders } from './late-orders';

describe('late orders on the outage timeline', () => {
  it('says how many orders were taken in, and which were refused', () => {
    expect(lateOrdersOutcome({ ...noLateOrders, listed: 4, takenIn: 3, alreadyReceived: 1 })).toBe('3 orders fetched and taken in');
    expect(lateOrdersOutcome({ ...noLateOrders, listed: 1, takenIn: 1 })).toBe('1 order fetched and taken in');
    expect(lateOrdersOutcome({ ...noLateOrders, listed: 3, takenIn: 1, refused: 2, refusedExternalIds: ['MM-1', 'MM-2'] })).toBe(
      '1 order fetched and taken in; 2 orders refused by intake (MM-1, MM-2): for a person to check',
    );
  });

  it('says when nothing was missed', () => {
    expect(lateOrdersOutcome(noLateOrders)).toBe('no order missed: the channel listed none');
    expect(lateOrdersOutcome({ ...noLateOrders, listed: 5, alreadyReceived: 5 })).toBe('no order missed');
  });

  it('counts the cancellations applied from the listing, absent in older results', () => {
    expect(lateOrdersOutcome({ ...noLateOrders, listed: 2, alreadyReceived: 2, cancellationsApplied: 1 })).toBe(
      'no order missed; 1 cancellation applied',
    );
    expect(lateOrdersOutcome({ ...noLateOrders, listed: 3, takenIn: 1, alreadyReceived: 2, cancellationsApplied: 2 })).toBe(
      '1 order fetched and taken in; 2 cancellations applied',
    );
    const { cancellationsApplied: _absent, ...older } = { ...noLateOrders, listed: 1, alreadyReceived: 1 };
    expect(lateOrdersOutcome(older)).toBe('no order missed');
  });

  it('names a failed listing without blocking', () => {
    expect(lateOrdersFailedOutcome('HTTP 503')).toBe(
      "could not list the channel's orders (HTTP 503): orders it took while down may still be missing",
    );
  });

  it('gives every outage and order its own event id', () => {
    expect(lateOrderEventId('o-1', 'MM-1')).toBe('late-order:o-1:MM-1');
    expect(lateOrderEventId('o-2', 'MM-1')).not.toBe(lateOrderEventId('o-1', 'MM-1'));
    expect(lateCancellationEventId('o-1', 'MM-1')).toBe('late-order:o-1:MM-1:cancelled');
  });
});
