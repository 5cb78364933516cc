import { moneyText } from './money-text';

describe("an amount in a workflow's words", () => {
  test('major units with the minor digits of the currency', () => {
    expect(moneyText(1999, 'EUR')).toBe('19.99 EUR');
    expect(moneyText(5, 'EUR')).toBe('0.05 EUR');
    expect(moneyText(15_000_000, 'IDR')).toBe('150000.00 IDR');
    expect(moneyText(1500, 'JPY')).toBe('1500 JPY');
    expect(moneyText(1234, 'KWD')).toBe('1.234 KWD');
    expect(moneyText(-250, 'eur')).toBe('-2.50 EUR');
    expect(moneyText(0, 'EUR')).toBe('0.00 EUR');
  });
});
