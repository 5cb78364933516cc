import fc from 'fast-check';
import { allocatePaidAmounts, DiscountAllocationError, refundForUnits, type PricedOrderLine } from './paid-amounts';

const line = (lineId: string, quantity: number, unitPriceMinor: number, lineDiscountMinor = 0): PricedOrderLine => ({
  lineId,
  quantity,
  unitPriceMinor,
  lineDiscountMinor,
});

describe('what each line was paid', () => {
  it('takes line discounts off their line and splits the order discount by largest remainder', () => {
    // Nets 1000, 1000, 1000; 100 off the order: 33 each, the leftover cent to the first line (tie).
    const paid = allocatePaidAmounts([line('a', 1, 1000), line('b', 2, 600, 200), line('c', 1, 1000)], 100);
    expect(paid.lines.map((l) => l.paidMinor)).toEqual([966, 967, 967]);
    expect(paid.paidTotalMinor).toBe(2900);
  });

  it('gives the leftover units to the largest remainders, not the first lines', () => {
    // Nets 100 and 200, 10 off: shares 3.33 and 6.67 -> 3 and 7.
    const paid = allocatePaidAmounts([line('a', 1, 100), line('b', 1, 200)], 10);
    expect(paid.lines.map((l) => l.paidMinor)).toEqual([97, 193]);
  });

  it('handles IDR, which has no minor unit in use: whole rupiah in, whole rupiah out', () => {
    const paid = allocatePaidAmounts([line('a', 3, 149_999), line('b', 1, 25_000, 5_000)], 50_000);
    expect(paid.paidTotalMinor).toBe(3 * 149_999 + 20_000 - 50_000);
    expect(paid.lines.reduce((sum, l) => sum + l.paidMinor, 0)).toBe(paid.paidTotalMinor);
    expect(paid.lines.every((l) => Number.isInteger(l.paidMinor))).toBe(true);
  });

  it('refuses discounts larger than what they discount', () => {
    expect(() => allocatePaidAmounts([line('a', 1, 100, 101)], 0)).toThrow(DiscountAllocationError);
    expect(() => allocatePaidAmounts([line('a', 1, 100)], 101)).toThrow(DiscountAllocationError);
    expect(() => allocatePaidAmounts([line('a', 1, 100)], -1)).toThrow(DiscountAllocationError);
  });

  it('stays exact where doubles would not (10^6 units at 2^31-1)', () => {
    const paid = allocatePaidAmounts([line('a', 1_000_000, 2_147_483_647), line('b', 1, 3)], 7);
    expect(paid.paidTotalMinor).toBe(2_147_483_647_000_000 + 3 - 7);
    expect(paid.lines.reduce((sum, l) => sum + l.paidMinor, 0)).toBe(paid.paidTotalMinor);
  });
});

const orders = fc
  .array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 1000 }),
      unitPriceMinor: fc.integer({ min: 0, max: 2_147_483_647 }),
      discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .chain((raw) => {
    const lines = raw.map((r, i) => {
      const gross = r.quantity * r.unitPriceMinor;
      return line(`l${i}`, r.quantity, r.unitPriceMinor, Math.floor(gross * r.discountShare));
    });
    const net = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor - l.lineDiscountMinor, 0);
    return fc.record({ lines: fc.constant(lines), orderDiscountMinor: fc.integer({ min: 0, max: net }) });
  });

describe('discount allocation properties', () => {
  it('line amounts always sum to the paid total and never exceed the line or go below zero', () => {
    fc.assert(
      fc.property(orders, ({ lines, orderDiscountMinor }) => {
        const paid = allocatePaidAmounts(lines, orderDiscountMinor);
        const net = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor - l.lineDiscountMinor, 0);
        expect(paid.paidTotalMinor).toBe(net - orderDiscountMinor);
        expect(paid.lines.reduce((sum, l) => sum + l.paidMinor, 0)).toBe(paid.paidTotalMinor);
        paid.lines.forEach((l, i) => {
          const source = lines[i] as PricedOrderLine;
          expect(l.paidMinor).toBeGreaterThanOrEqual(0);
          expect(l.paidMinor).toBeLessThanOrEqual(source.quantity * source.unitPriceMinor - source.lineDiscountMinor);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('returning a line in any number of partial returns refunds exactly what the line was paid, each within it', () => {
    fc.assert(
      fc.property(
        orders,
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 40 }),
        ({ lines, orderDiscountMinor }, chunks) => {
          const paid = allocatePaidAmounts(lines, orderDiscountMinor);
          for (const paidLine of paid.lines) {
            let unitsBefore = 0;
            let amountBefore = 0;
            for (const chunk of [...chunks, paidLine.quantity]) {
              const units = Math.min(chunk, paidLine.quantity - unitsBefore);
              if (units === 0) break;
              const refund = refundForUnits({
                linePaidMinor: paidLine.paidMinor,
                lineQuantity: paidLine.quantity,
                unitsBefore,
                amountBefore,
                units,
              });
              expect(refund).toBeGreaterThanOrEqual(0);
              expect(amountBefore + refund).toBeLessThanOrEqual(paidLine.paidMinor);
              unitsBefore += units;
              amountBefore += refund;
            }
            expect(unitsBefore).toBe(paidLine.quantity);
            expect(amountBefore).toBe(paidLine.paidMinor);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('refund for some units of a line', () => {
  it('rounds partial returns down and gives the last return the rest', () => {
    const base = { linePaidMinor: 1000, lineQuantity: 3 };
    expect(refundForUnits({ ...base, unitsBefore: 0, amountBefore: 0, units: 1 })).toBe(333);
    expect(refundForUnits({ ...base, unitsBefore: 1, amountBefore: 333, units: 1 })).toBe(333);
    expect(refundForUnits({ ...base, unitsBefore: 2, amountBefore: 666, units: 1 })).toBe(334);
    expect(refundForUnits({ ...base, unitsBefore: 0, amountBefore: 0, units: 3 })).toBe(1000);
  });

  it('refuses more units than the line has', () => {
    expect(() => refundForUnits({ linePaidMinor: 10, lineQuantity: 2, unitsBefore: 1, amountBefore: 5, units: 2 })).toThrow(
      DiscountAllocationError,
    );
    expect(() => refundForUnits({ linePaidMinor: 10, lineQuantity: 2, unitsBefore: 0, amountBefore: 0, units: 0 })).toThrow(
      DiscountAllocationError,
    );
  });
});
