import { approvalReasons } from './approval-needs';
import { checkEligibility, windowDaysFor, type EligibilityRequest, type ReturnableLine, type ReturnPolicy } from './eligibility';
import { returnDeadline } from './return-window';

const policy: ReturnPolicy = {
  timeZone: 'Europe/Amsterdam',
  channelWindowDays: { 'marketplace-nl': 30 },
  categoryWindowDays: { electronics: 14 },
  defaultWindowDays: 28,
};
const shoe = (over: Partial<ReturnableLine> = {}): ReturnableLine => ({
  lineId: 'shoe',
  sku: 'SHOE-42',
  category: 'footwear',
  delivered: true,
  deliveredQuantity: 3,
  returnedOrInOpenReturns: 0,
  finalSale: false,
  ...over,
});
// Collected 1 March 2026, 23:30 in Amsterdam (22:30 UTC).
const collected = new Date('2026-03-01T22:30:00Z');
const request = (over: Partial<EligibilityRequest> = {}): EligibilityRequest => ({
  channelCode: 'marketplace-nl',
  deliveredAt: collected,
  lines: [shoe(), shoe({ lineId: 'tv', sku: 'TV-55', category: 'electronics', deliveredQuantity: 1 })],
  requested: [{ lineId: 'shoe', quantity: 1 }],
  now: new Date('2026-03-10T12:00:00Z'),
  ...over,
});

describe('return eligibility', () => {
  it('accepts a delivered line within its window', () => {
    const result = checkEligibility(request(), policy);
    expect(result.refused).toEqual([]);
    expect(result.accepted).toEqual([
      { lineId: 'shoe', quantity: 1, deadline: new Date('2026-03-31T21:59:59.999Z'), outsideWindow: false },
    ]);
  });

  it('answers a reason for every refused line at once, with its index', () => {
    const result = checkEligibility(
      request({
        lines: [
          shoe(),
          shoe({ lineId: 'sock', finalSale: true }),
          shoe({ lineId: 'hat', delivered: false }),
          shoe({ lineId: 'belt', returnedOrInOpenReturns: 3 }),
        ],
        requested: [
          { lineId: 'shoe', quantity: 4 },
          { lineId: 'sock', quantity: 1 },
          { lineId: 'hat', quantity: 1 },
          { lineId: 'belt', quantity: 1 },
          { lineId: 'nope', quantity: 1 },
          { lineId: 'sock', quantity: 1 },
          { lineId: 'shoe', quantity: 1 },
        ],
      }),
      policy,
    );
    expect(result.accepted).toEqual([]);
    expect(result.refused.map((r) => [r.index, r.refusal])).toEqual([
      [0, 'MORE_THAN_RETURNABLE'],
      [1, 'FINAL_SALE'],
      [2, 'NOT_DELIVERED'],
      [3, 'NOTHING_LEFT_TO_RETURN'],
      [4, 'UNKNOWN_LINE'],
      [5, 'DUPLICATE_LINE'],
      [6, 'DUPLICATE_LINE'],
    ]);
    expect(result.refused[0]?.message).toBe('only 3 of SHOE-42 can still be returned (asked 4)');
  });

  it('counts units in open returns against what can be returned', () => {
    const result = checkEligibility(
      request({ lines: [shoe({ returnedOrInOpenReturns: 2 })], requested: [{ lineId: 'shoe', quantity: 2 }] }),
      policy,
    );
    expect(result.refused.map((r) => r.refusal)).toEqual(['MORE_THAN_RETURNABLE']);
  });

  it('refuses a zero, fractional or empty request', () => {
    expect(checkEligibility(request({ requested: [{ lineId: 'shoe', quantity: 0 }] }), policy).refused[0]?.refusal).toBe(
      'INVALID_QUANTITY',
    );
    expect(checkEligibility(request({ requested: [{ lineId: 'shoe', quantity: 1.5 }] }), policy).refused[0]?.refusal).toBe(
      'INVALID_QUANTITY',
    );
    expect(checkEligibility(request({ requested: [] }), policy).refused).toHaveLength(1);
  });

  it('refuses an order that has not reached the customer', () => {
    expect(checkEligibility(request({ deliveredAt: null }), policy).refused[0]?.refusal).toBe('NOT_DELIVERED');
  });

  it('applies the shorter of channel and category windows, counted in local days of the named zone', () => {
    expect(windowDaysFor(policy, 'marketplace-nl', 'electronics')).toBe(14);
    expect(windowDaysFor(policy, 'marketplace-nl', 'footwear')).toBe(30);
    expect(windowDaysFor(policy, 'web', 'footwear')).toBe(28);
    const tv = { lineId: 'tv', quantity: 1 };
    // Last day is 15 March (local), ending 22:59:59.999 UTC.
    expect(checkEligibility(request({ requested: [tv], now: new Date('2026-03-15T22:59:59.999Z') }), policy).accepted).toHaveLength(1);
    const late = checkEligibility(request({ requested: [tv], now: new Date('2026-03-15T23:00:00Z') }), policy);
    expect(late.refused.map((r) => r.refusal)).toEqual(['OUTSIDE_WINDOW']);
  });

  it('accepts a late line with an override reason, marked for approval; a blank reason is no override', () => {
    const now = new Date('2026-05-01T10:00:00Z');
    expect(checkEligibility(request({ now, overrideReason: '   ' }), policy).refused[0]?.refusal).toBe('OUTSIDE_WINDOW');
    const overridden = checkEligibility(request({ now, overrideReason: 'seam split, customer was abroad' }), policy);
    expect(overridden.refused).toEqual([]);
    expect(overridden.accepted[0]?.outsideWindow).toBe(true);
  });
});

describe('return deadline in a time zone', () => {
  it('ends at local midnight across daylight saving and in zones far from UTC', () => {
    expect(returnDeadline(new Date('2026-03-20T10:00:00Z'), 14, 'Europe/Amsterdam').toISOString()).toBe('2026-04-03T21:59:59.999Z');
    expect(returnDeadline(new Date('2026-01-10T05:00:00Z'), 30, 'Asia/Jakarta').toISOString()).toBe('2026-02-09T16:59:59.999Z');
    // Collected just after local midnight: the local day, not the UTC day, counts.
    expect(returnDeadline(new Date('2026-03-01T23:30:00Z'), 0, 'Europe/Amsterdam').toISOString()).toBe('2026-03-02T22:59:59.999Z');
    expect(() => returnDeadline(collected, -1, 'Europe/Amsterdam')).toThrow(RangeError);
  });
});

describe('when a return needs a manager', () => {
  const base = { refundTotalMinor: 5_000, storeThresholdMinor: 10_000, anyLineOutsideWindow: false, proofOfPurchase: true };
  it('needs none for an in-window return at or under the threshold with proof', () => {
    expect(approvalReasons(base)).toEqual([]);
    expect(approvalReasons({ ...base, refundTotalMinor: 10_000 })).toEqual([]);
  });
  it('names every reason that applies', () => {
    expect(approvalReasons({ ...base, refundTotalMinor: 10_001 })).toEqual(['REFUND_ABOVE_THRESHOLD']);
    expect(
      approvalReasons({ refundTotalMinor: 10_001, storeThresholdMinor: 10_000, anyLineOutsideWindow: true, proofOfPurchase: false }),
    ).toEqual(['REFUND_ABOVE_THRESHOLD', 'OUTSIDE_WINDOW_OVERRIDE', 'NO_PROOF_OF_PURCHASE']);
  });
});
