import { type Money } from './metrics-types';

/** react-admin locale code to the Intl locale its numbers and dates are written in. */
export function intlLocaleOf(locale: string): string {
  return locale === 'id' ? 'id-ID' : 'en-GB';
}

export function formatShare(share: number | null, locale: string): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(intlLocaleOf(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(intlLocaleOf(locale)).format(count);
}

/** Minor units to the currency's own number of decimals (Intl knows them from ISO 4217: IDR 0, EUR 2, KWD 3). */
export function formatMoney({ currency, minor }: Money, locale: string): string {
  const format = new Intl.NumberFormat(intlLocaleOf(locale), { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** Seconds as "42 min" or "3.5 h". */
export function formatDuration(seconds: number | null, locale: string): string {
  if (seconds === null) return '–';
  const intl = intlLocaleOf(locale);
  if (seconds < 3600) return new Intl.NumberFormat(intl, { style: 'unit', unit: 'minute', maximumFractionDigits: 0 }).format(seconds / 60);
  return new Intl.NumberFormat(intl, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(seconds / 3600);
}
