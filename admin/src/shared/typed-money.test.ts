import { minorFromTypedMoney } from './typed-money';

describe('an amount as typed, to minor units', () => {
  test('rupiah as written ("Rp 150.000"; ISO 4217 gives IDR 2 minor digits): three digits after a mark group thousands', () => {
    expect(minorFromTypedMoney('150.000', 2)).toBe(15_000_000);
    expect(minorFromTypedMoney('1.250.000', 2)).toBe(125_000_000);
  });

  test('a currency without a minor unit (yen): dots and commas only group thousands', () => {
    expect(minorFromTypedMoney('150.000', 0)).toBe(150_000);
    expect(minorFromTypedMoney('1.250.000', 0)).toBe(1_250_000);
    expect(minorFromTypedMoney('150,000', 0)).toBe(150_000);
    expect(minorFromTypedMoney('150 000', 0)).toBe(150_000);
    expect(minorFromTypedMoney('7', 0)).toBe(7);
    expect(minorFromTypedMoney('1,5', 0)).toBeNull();
    expect(minorFromTypedMoney('15.00', 0)).toBeNull();
  });

  test('euros: a mark with one or two digits after it is the decimal point', () => {
    expect(minorFromTypedMoney('12,50', 2)).toBe(1250);
    expect(minorFromTypedMoney('12.5', 2)).toBe(1250);
    expect(minorFromTypedMoney('1.234,56', 2)).toBe(123_456);
    expect(minorFromTypedMoney('1,234.56', 2)).toBe(123_456);
    expect(minorFromTypedMoney('1.000', 2)).toBe(100_000);
    expect(minorFromTypedMoney('20', 2)).toBe(2000);
  });

  test('anything else is refused, not guessed', () => {
    for (const typed of ['', ' ', '-5', 'abc', '12,5x', '1..2', '12.345.6', '1.2345', ',5', '1e3'])
      expect(minorFromTypedMoney(typed, 2)).toBeNull();
    expect(minorFromTypedMoney('9'.repeat(20), 2)).toBeNull();
  });
});
