/**
 * The last moment a return is in time: the end of the local calendar day `days` after the day the order
 * was delivered or collected, in the named IANA time zone (the store's, or the channel's market). A
 * customer who collected at 23:30 in Amsterdam on 1 March with a 14-day window may return until
 * 15 March 23:59:59.999 Amsterdam time, whatever the server's zone and across daylight-saving changes.
 */
export function returnDeadline(deliveredAt: Date, days: number, timeZone: string): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`A return window is a whole number of days (got ${days})`);
  const { year, month, day } = localDate(deliveredAt, timeZone);
  // The instant the day after the last allowed day begins, minus one millisecond.
  return new Date(startOfLocalDay(year, month, day + days + 1, timeZone).getTime() - 1);
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function parts(instant: Date, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const values: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') values[part.type] = Number(part.value);
  return values;
}

function localDate(instant: Date, timeZone: string): LocalDate {
  const values = parts(instant, timeZone);
  return { year: values.year ?? 0, month: values.month ?? 0, day: values.day ?? 0 };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const v = parts(instant, timeZone);
  const wall = Date.UTC(v.year ?? 0, (v.month ?? 1) - 1, v.day ?? 1, v.hour ?? 0, v.minute ?? 0, v.second ?? 0);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant local midnight of (year, month, day) happens in the zone; `day` may run past the month's
 * end (Date.UTC normalises it). Two passes settle the offset on either side of a daylight-saving change;
 * a zone that skips midnight itself gets the first instant of that day.
 */
function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wallMidnight = Date.UTC(year, month - 1, day);
  let guess = wallMidnight - offsetAt(new Date(wallMidnight), timeZone);
  guess = wallMidnight - offsetAt(new Date(guess), timeZone);
  const local = localDate(new Date(guess), timeZone);
  const wanted = new Date(wallMidnight);
  if (local.day !== wanted.getUTCDate()) guess = wallMidnight - offsetAt(new Date(guess + 3_600_000), timeZone);
  return new Date(guess);
}
