/**
 * A date and time as the store's staff read it: in the store's own time zone, in the configured locale
 * (day before month, 24-hour clock for the default en-GB), with the zone's short name when it is not
 * obvious (`CET`, `WEST`).
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
