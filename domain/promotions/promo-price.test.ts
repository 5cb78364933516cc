import fc from 'fast-check';
import { floorBreaches } from './promo-floor';
import { discountedPriceMinor, NO_ROUNDING, promoPriceMinor, roundDown } from './promo-price';

const idrHundreds = { stepMinor: 100, endingMinor: 0 };
const eur99 = { stepMinor: 100, endingMinor: 99 };

describe('promo price per channel', () => {
  it('applies percent, amount off and fixed price', () => {
    expect(discountedPriceMinor(150_000, { type: 'PERCENT', value: 15 })).toBe(127_500);
    expect(discountedPriceMinor(3999, { type: 'PERCENT', value: 33 })).toBe(2679); // 2679.33 down
    expect(discountedPriceMinor(3999, { type: 'FIXED', value: 500 })).toBe(3499);
    expect(discountedPriceMinor(3999, { type: 'FIXED_PRICE', value: 2500 })).toBe(2500);
  });
  it("rounds down to the channel's ending", () => {
    expect(promoPriceMinor(149_990, { type: 'PERCENT', value: 10 }, idrHundreds)).toBe(134_900); // 134,991 -> 134,900
    expect(promoPriceMinor(3999, { type: 'PERCENT', value: 20 }, eur99)).toBe(3199); // 31.99 stays
    expect(promoPriceMinor(4500, { type: 'PERCENT', value: 10 }, eur99)).toBe(3999); // 40.50 -> 39.99
  });
  it('never rounds up, lands on the ending and moves less than one step', () => {
    const rounding = fc
      .integer({ min: 1, max: 10_000 })
      .chain((stepMinor) => fc.record({ stepMinor: fc.constant(stepMinor), endingMinor: fc.integer({ min: 0, max: stepMinor - 1 }) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), rounding, (price, r) => {
        const rounded = roundDown(price, r);
        expect(rounded).toBeLessThanOrEqual(price);
        expect(price - rounded).toBeLessThan(r.stepMinor);
        expect((((rounded - r.endingMinor) % r.stepMinor) + r.stepMinor) % r.stepMinor).toBe(0);
      }),
    );
  });
  it('a percent promo never costs more than the base and no rounding keeps the exact price', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 99 }), (base, percent) => {
        const price = promoPriceMinor(base, { type: 'PERCENT', value: percent }, NO_ROUNDING);
        expect(price).toBeLessThanOrEqual(base);
        expect(price).toBe(Math.floor((base * (100 - percent)) / 100));
      }),
    );
  });
});

describe('floor', () => {
  const skus = [
    { sku: 'A', basePriceMinor: 10_000, floorPriceMinor: 6_000 },
    { sku: 'B', basePriceMinor: 10_000, floorPriceMinor: 8_500 },
    { sku: 'C', basePriceMinor: 2_000, floorPriceMinor: 1_000 },
  ];
  it('lists every SKU x channel below the floor after rounding, and fixed prices that are no discount', () => {
    const breaches = floorBreaches(skus, { type: 'PERCENT', value: 15 }, [
      { channelCode: 'web', rounding: NO_ROUNDING },
      { channelCode: 'megamart', rounding: { stepMinor: 1000, endingMinor: 0 } },
    ]);
    // B is 8,500 on web (at the floor: allowed) and 8,000 on megamart once rounded down to the thousand;
    // C rounds down to 1,000 there, exactly its floor.
    expect(breaches).toEqual([
      { sku: 'B', channelCode: 'megamart', promoPriceMinor: 8_000, floorPriceMinor: 8_500, basePriceMinor: 10_000, reason: 'BELOW_FLOOR' },
    ]);
    const fixed = floorBreaches(skus, { type: 'FIXED_PRICE', value: 9_000 }, [{ channelCode: 'web', rounding: NO_ROUNDING }]);
    expect(fixed.map((b) => [b.sku, b.reason])).toEqual([['C', 'NOT_A_DISCOUNT']]);
  });
});
