/** Amounts are integer minor units next to an ISO 4217 code; every currency we sell in has two decimals. */
const minorUnitsPerMajor = 100;

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / minorUnitsPerMajor);
}
