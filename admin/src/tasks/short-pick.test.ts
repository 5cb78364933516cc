import { formatMoney } from '../shared/locale-format';
import { shortPickRefund } from './short-pick';

describe('shortPickRefund', () => {
  it('refunds the units not found at their unit price', () => {
    expect(
      shortPickRefund([
        { ordered: 2, picked: 1, unitPriceMinor: 1999 },
        { ordered: 1, picked: 1, unitPriceMinor: 4999 },
        { ordered: 3, picked: 0, unitPriceMinor: 250 },
      ]),
    ).toEqual({ shortUnits: 4, refundMinor: 2749 });
  });

  it('is nothing for a full pick', () => {
    expect(shortPickRefund([{ ordered: 2, picked: 2, unitPriceMinor: 1999 }])).toEqual({ shortUnits: 0, refundMinor: 0 });
  });

  it('is written as money', () => {
    expect(formatMoney(2749, 'EUR', 'en-GB')).toBe('€27.49');
  });
});
