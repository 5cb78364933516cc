import { isKnownCurrency, minorUnitExponent, toMajorUnits, toMinorUnits } from './currency-exponent';

describe('ISO 4217 minor units', () => {
  it.each([
    ['EUR', 2],
    ['IDR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
    ['idr', 2],
  ])('%s has %i decimals', (currency, exponent) => {
    expect(minorUnitExponent(currency)).toBe(exponent);
  });

  it('refuses a code ISO 4217 does not list (or lists without a minor unit) instead of assuming 2', () => {
    expect(() => minorUnitExponent('XXX')).toThrow(RangeError);
    expect(() => minorUnitExponent('ZZZ')).toThrow(/not an ISO 4217/);
    expect(isKnownCurrency('XAU')).toBe(false);
    expect(isKnownCurrency('EUR')).toBe(true);
  });

  it('converts between minor and major units by the exponent', () => {
    expect(toMajorUnits(15_000_000, 'IDR')).toBe(150_000);
    expect(toMajorUnits(1_500, 'JPY')).toBe(1_500);
    expect(toMajorUnits(1_250, 'KWD')).toBe(1.25);
    expect(toMinorUnits(150_000, 'IDR')).toBe(15_000_000);
    expect(toMinorUnits(1.2345, 'KWD')).toBe(1_235);
    expect(toMinorUnits(-19.99, 'EUR')).toBe(-1_999);
  });
});
