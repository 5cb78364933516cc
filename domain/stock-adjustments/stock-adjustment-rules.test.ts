import { adjustmentNeedsApproval, adjustmentValueMinor } from './stock-adjustment-rules';

describe('stock adjustment approval threshold', () => {
  const thresholds = { quantity: 10, valueMinor: 50_000 };
  it('needs an approval above the quantity or above the value, either way of the delta', () => {
    expect(adjustmentNeedsApproval({ delta: 10, valueMinor: 100 }, thresholds)).toBe(false);
    expect(adjustmentNeedsApproval({ delta: -11, valueMinor: 100 }, thresholds)).toBe(true);
    expect(adjustmentNeedsApproval({ delta: 1, valueMinor: 50_001 }, thresholds)).toBe(true);
  });
  it('values a delta at the unit price, whatever its sign', () => {
    expect(adjustmentValueMinor(-3, 2500)).toBe(7500);
  });
});
