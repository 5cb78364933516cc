/** A wall-clock time as people type it for a promotion: `2026-12-12T00:00` (seconds optional). */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const DAY_MS = 86_400_000;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Jakarta: +7 h). */
export function zoneOffsetMs(zone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/**
 * The instant a wall-clock time in a named zone is: `00:00 on 12.12 in Asia/Jakarta` is
 * 2026-12-11T17:00:00Z. A time a DST change skips resolves forward by the gap (02:30 on a spring-forward
 * night is 03:30); a time it repeats is its first occurrence. Null for a malformed or impossible date.
 */
export function zonedLocalToUtc(local: string, zone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (match === null || !isTimeZone(zone)) return null;
  const field = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // A day either side gives the offsets in force before and after any DST change near the wall time;
  // the larger one first picks the first occurrence of a repeated hour.
  const offsets = [zoneOffsetMs(zone, new Date(wall - DAY_MS)), zoneOffsetMs(zone, new Date(wall + DAY_MS))];
  const earlier = wall - Math.max(...offsets);
  if (wallClockIn(zone, earlier) === wall) return new Date(earlier);
  const later = wall - Math.min(...offsets);
  if (wallClockIn(zone, later) === wall) return new Date(later);
  // Skipped by a spring-forward: the same distance past the gap.
  return new Date(later);
}

function wallClockIn(zone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(zone, new Date(instantMs));
}
