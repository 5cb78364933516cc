import { minorUnitExponent } from '../../../domain/money/currency-exponent';

/**
 * The one place the admin UI writes dates, numbers, shares, durations and money for people, in the
 * language they chose (react-admin's locale `en` or `id`). Every screen goes through these (directly or
 * through `useLocaleFormat`), so switching to Bahasa Indonesia turns `2 Dec 2026, 18:05` into
 * `2 Des 2026, 18.05` and `€27.49` into `€27,49` everywhere at once.
 */

/** react-admin locale code to the Intl locale its numbers and dates are written in. */
export function intlLocaleOf(uiLocale: string, englishDateLocale = 'en-GB'): string {
  return uiLocale === 'id' ? 'id-ID' : englishDateLocale;
}

/**
 * A date and time as the store's staff read it: in the store's own time zone (when given), day before
 * month, 24-hour clock.
 */
export function formatDateTime(iso: string, options: { locale: string; timeZone?: string; dateOnly?: boolean }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale, {
    timeZone: options.timeZone,
    dateStyle: 'medium',
    ...(options.dateOnly !== true && { timeStyle: 'short' }),
  }).format(date);
}

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

export function formatShare(share: number | null, locale: string): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Seconds as "42 min" or "3.5 h" ("42 menit", "3,5 jam"). */
export function formatDuration(seconds: number | null, locale: string): string {
  if (seconds === null) return '–';
  // Indonesian's short unit for hours is a bare "j"; people write "jam".
  const unitDisplay = locale.startsWith('id') ? 'long' : 'short';
  if (seconds < 3600)
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay, maximumFractionDigits: 0 }).format(seconds / 60);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay, maximumFractionDigits: 1 }).format(seconds / 3600);
}

/**
 * An amount in ISO 4217 minor units (domain/money/currency-exponent.ts: IDR 2, JPY 0, KWD 3) as money.
 * Decimals shown are the currency's customary ones from Intl (CLDR), never more than the minor unit has:
 * rupiah are written without their unused sen ("Rp 150.000"), yen without decimals, dinar with three.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const exponent = minorUnitExponent(currency);
  const customary = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? exponent;
  const digits = Math.min(customary, exponent);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** exponent);
}
