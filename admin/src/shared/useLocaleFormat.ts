import { useLocaleState } from 'react-admin';
import { adminConfig } from '../config';
import { formatCount, formatDateTime, formatDuration, formatMoney, formatShare, intlLocaleOf } from './locale-format';

/** The formatters of `locale-format.ts` bound to the language the user chose in the app bar. */
export function useLocaleFormat() {
  const [uiLocale] = useLocaleState();
  const locale = intlLocaleOf(uiLocale, adminConfig.dateLocale);
  return {
    locale,
    dateTime: (iso: string, options: { timeZone?: string; dateOnly?: boolean } = {}) => formatDateTime(iso, { locale, ...options }),
    count: (count: number) => formatCount(count, locale),
    share: (share: number | null) => formatShare(share, locale),
    duration: (seconds: number | null) => formatDuration(seconds, locale),
    money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale),
  };
}
