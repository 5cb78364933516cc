import type { ReturnPolicy } from './eligibility';
import { orderDiscountFromPayment, planReturn, type PlannableLine, type ReturnPlanRequest } from './return-plan';

const policy: ReturnPolicy = { timeZone: 'Europe/Berlin', channelWindowDays: {}, categoryWindowDays: {}, defaultWindowDays: 30 };
const line = (over: Partial<PlannableLine> = {}): PlannableLine => ({
  lineId: 'a',
  sku: 'A',
  category: 'footwear',
  delivered: true,
  deliveredQuantity: 3,
  returnedOrInOpenReturns: 0,
  finalSale: false,
  soldQuantity: 3,
  unitPriceMinor: 1000,
  lineDiscountMinor: 0,
  refundInReturnsMinor: 0,
  ...over,
});
const request = (over: Partial<ReturnPlanRequest> = {}): ReturnPlanRequest => ({
  channelCode: 'web',
  deliveredAt: new Date('2026-03-01T10:00:00Z'),
  lines: [line(), line({ lineId: 'b', sku: 'B', soldQuantity: 1, deliveredQuantity: 1, unitPriceMinor: 2000 })],
  orderDiscountMinor: 500,
  requested: [{ lineId: 'a', quantity: 1 }],
  proofOfPurchase: true,
  storeThresholdMinor: 10_000,
  now: new Date('2026-03-05T10:00:00Z'),
  ...over,
});

describe('planning a return', () => {
  it('refunds what the units were paid after the order discount, with no approval under the threshold', () => {
    // 500 off 5000: line a pays 2700 (3 units), b 1800; one unit of a refunds 900.
    expect(planReturn(request(), policy)).toEqual({
      ok: true,
      lines: [{ lineId: 'a', quantity: 1, refundMinor: 900, outsideWindow: false }],
      refundTotalMinor: 900,
      approvalReasons: [],
    });
  });

  it('gives the last units of a line what is left of it after earlier returns', () => {
    const plan = planReturn(
      request({
        lines: [line({ returnedOrInOpenReturns: 2, refundInReturnsMinor: 1799 })],
        orderDiscountMinor: 301,
        requested: [{ lineId: 'a', quantity: 1 }],
      }),
      policy,
    );
    expect(plan).toMatchObject({ ok: true, lines: [{ refundMinor: 2699 - 1799 }] });
  });

  it('shares a short-picked line over the units delivered, net of the short-pick refund', () => {
    const plan = planReturn(
      request({ lines: [line({ deliveredQuantity: 2 })], orderDiscountMinor: 0, requested: [{ lineId: 'a', quantity: 2 }] }),
      policy,
    );
    expect(plan).toMatchObject({ ok: true, lines: [{ quantity: 2, refundMinor: 2000 }] });
  });

  it('answers every refusal and plans nothing when a line is refused', () => {
    const plan = planReturn(
      request({
        requested: [
          { lineId: 'a', quantity: 1 },
          { lineId: 'b', quantity: 2 },
        ],
      }),
      policy,
    );
    expect(plan).toMatchObject({ ok: false, refused: [{ index: 1, refusal: 'MORE_THAN_RETURNABLE' }] });
  });

  it('names the approval reasons: above threshold, late with an override, no proof', () => {
    const plan = planReturn(
      request({
        requested: [{ lineId: 'a', quantity: 3 }],
        storeThresholdMinor: 2000,
        now: new Date('2026-06-01T10:00:00Z'),
        overrideReason: 'customer was in hospital',
        proofOfPurchase: false,
      }),
      policy,
    );
    expect(plan).toMatchObject({
      ok: true,
      refundTotalMinor: 2700,
      approvalReasons: ['REFUND_ABOVE_THRESHOLD', 'OUTSIDE_WINDOW_OVERRIDE', 'NO_PROOF_OF_PURCHASE'],
    });
  });

  it('derives the order discount from what was paid, never negative', () => {
    const lines = [{ quantity: 2, unitPriceMinor: 1000, lineDiscountMinor: 100 }];
    expect(orderDiscountFromPayment(lines, 1700)).toBe(200);
    expect(orderDiscountFromPayment(lines, 2100)).toBe(0);
  });
});
