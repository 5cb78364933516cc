import { adminConfig } from '../config';
import { formatDateTime } from './date-time-format';

/** Formats ISO instants in the given zone (a store's) and the configured locale; null becomes a dash. */
export function useDateTimeFormat(timeZone?: string, options: { dateOnly?: boolean } = {}) {
  return (iso: string | null | undefined): string =>
    iso === null || iso === undefined ? '—' : formatDateTime(iso, { locale: adminConfig.dateLocale, timeZone, ...options });
}
