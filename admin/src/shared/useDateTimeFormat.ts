import { useLocaleFormat } from './useLocaleFormat';

/** Formats ISO instants in the given zone (a store's) and the chosen language's locale; null becomes a dash. */
export function useDateTimeFormat(timeZone?: string, options: { dateOnly?: boolean } = {}) {
  const format = useLocaleFormat();
  return (iso: string | null | undefined): string =>
    iso === null || iso === undefined ? '—' : format.dateTime(iso, { timeZone, ...options });
}
