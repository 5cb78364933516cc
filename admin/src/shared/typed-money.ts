/**
 * An amount as a person types it, in the currency's main unit, to the API's integer minor units (`exponent`:
 * the currency's minor-unit digits, ISO 4217's: 2 for IDR, 0 for JPY). Either mark is read as the decimal point when at most
 * `exponent` digits follow it ("12,50", "12.5"); otherwise marks group thousands ("150.000" rupiah,
 * "1,234.56", "1.234,56" euros), and spaces are ignored. Anything else (a sign, letters, a group that is
 * not three digits, more decimals than the currency has) is null: the form says so instead of guessing.
 */
export function minorFromTypedMoney(typed: string, exponent: number): number | null {
  const compact = typed.replace(/[\s\u00a0]/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const lastMark = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let units = compact;
  let fraction = '';
  const tail = lastMark < 0 ? '' : compact.slice(lastMark + 1);
  if (lastMark >= 0 && tail.length >= 1 && tail.length <= exponent) {
    units = compact.slice(0, lastMark);
    fraction = tail;
    // One mark cannot be both the decimal point and the thousands' ("12.345.6").
    if (units.includes(compact.charAt(lastMark))) return null;
  }
  if (/[.,]/.test(units)) {
    if (!/^\d{1,3}([.,]\d{3})+$/.test(units)) return null;
    units = units.replace(/[.,]/g, '');
  }
  if (!/^\d+$/.test(units) || !/^\d*$/.test(fraction)) return null;
  const minor = Number(units) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
