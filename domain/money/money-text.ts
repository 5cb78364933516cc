import { minorUnitExponent } from './currency-exponent';

/**
 * An amount for the words a workflow writes into its timeline and task titles ("Refunded 19.99 EUR",
 * "150000.00 IDR"): major units with the currency's minor digits, never the stored minor-unit integer.
 * Plain and locale-free on purpose: it runs inside workflow code (deterministic, no Intl), and the admin
 * formats the amounts of its own fields in the reader's language.
 */
export function moneyText(amountMinor: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amountMinor))).padStart(exponent + 1, '0');
  const major = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return `${sign}${major} ${currency.toUpperCase()}`;
}
