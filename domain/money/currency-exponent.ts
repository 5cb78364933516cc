import iso4217 from './iso-4217-minor-units.json';

/**
 * How many decimals a currency's minor unit has, from ISO 4217 (`iso-4217-minor-units.json`): EUR 2, IDR 2
 * (sen), JPY 0, KWD 3. Every amount the system stores is an integer count of these minor units, so a price of
 * Rp 150.000 is 15 000 000 and ¥1 500 is 1 500. Unknown codes are refused rather than guessed at 2.
 */
const minorUnitsByCode: Readonly<Record<string, number>> = iso4217.minorUnits;

export function minorUnitExponent(currency: string): number {
  const exponent = minorUnitsByCode[currency.toUpperCase()];
  if (exponent === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency with a minor unit`);
  return exponent;
}

export function isKnownCurrency(currency: string): boolean {
  return minorUnitsByCode[currency.toUpperCase()] !== undefined;
}

/** Minor units to the major amount (15 000 000 IDR minor units are 150 000 rupiah). */
export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitExponent(currency);
}

/** A major amount to whole minor units, rounded half away from zero (150 000 rupiah are 15 000 000). */
export function toMinorUnits(amountMajor: number, currency: string): number {
  const scaled = amountMajor * 10 ** minorUnitExponent(currency);
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}
