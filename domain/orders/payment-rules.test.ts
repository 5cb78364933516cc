import { moneyWasTaken } from './payment-rules';

describe('moneyWasTaken', () => {
  it('is true only for payments that captured money', () => {
    expect(moneyWasTaken('CAPTURED')).toBe(true);
    expect(moneyWasTaken('PARTIALLY_REFUNDED')).toBe(true);
    expect(moneyWasTaken('REFUNDED')).toBe(true);
    expect(moneyWasTaken('PENDING')).toBe(false);
    expect(moneyWasTaken('AUTHORIZED')).toBe(false);
    expect(moneyWasTaken('VOIDED')).toBe(false);
    expect(moneyWasTaken('FAILED')).toBe(false);
  });
});
