/**
 * When a ready order expires, and how the customer reads that moment: in the pickup store's own zone,
 * with the zone's name as people there say it (WIB, WITA; CET). The deadline is an instant (ready +
 * the store's pickup expiry); only its wording depends on the zone, so a Makassar order expires at the
 * same instant a server in UTC computes, and its message says the time on Makassar's clocks.
 */
export function pickupDeadline(readyAt: Date, pickupExpiryMs: number): Date {
  return new Date(readyAt.getTime() + pickupExpiryMs);
}

/** Indonesian zone names are written in Indonesian even in English text ("23:30 WITA"), as there. */
const indonesianZones = new Set(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);

function zoneNameLocale(timeZone: string, locale: string): string {
  return indonesianZones.has(timeZone) ? 'id-ID' : locale;
}

export function describeInStoreZone(instant: Date, timeZone: string, locale = 'en-GB'): string {
  const local = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(instant);
  const zone = new Intl.DateTimeFormat(zoneNameLocale(timeZone, locale), { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  return zone === undefined ? local : `${local} ${zone}`;
}
