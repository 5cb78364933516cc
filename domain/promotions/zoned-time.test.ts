import fc from 'fast-check';
import { zonedLocalToUtc, zoneOffsetMs } from './zoned-time';

describe('start and end in a named time zone', () => {
  it('00:00 on 12.12 in Asia/Jakarta is 17:00 UTC the day before', () => {
    expect(zonedLocalToUtc('2026-12-12T00:00', 'Asia/Jakarta')?.toISOString()).toBe('2026-12-11T17:00:00.000Z');
    expect(zonedLocalToUtc('2026-12-12T23:59:59', 'Asia/Jakarta')?.toISOString()).toBe('2026-12-12T16:59:59.000Z');
  });
  it('handles DST: a skipped time moves past the gap, a repeated one is its first occurrence', () => {
    expect(zonedLocalToUtc('2026-03-29T02:30', 'Europe/Amsterdam')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedLocalToUtc('2026-10-25T02:30', 'Europe/Amsterdam')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedLocalToUtc('2026-07-01T00:00', 'Europe/Lisbon')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });
  it('refuses impossible dates and unknown zones', () => {
    expect(zonedLocalToUtc('2026-02-30T00:00', 'Asia/Jakarta')).toBeNull();
    expect(zonedLocalToUtc('2026-12-12T24:00', 'Asia/Jakarta')).toBeNull();
    expect(zonedLocalToUtc('2026-12-12T00:00', 'Mars/Olympus')).toBeNull();
    expect(zonedLocalToUtc('12.12.2026', 'Asia/Jakarta')).toBeNull();
  });
  it('round-trips: the instant read back in the zone is the wall time typed (outside DST gaps)', () => {
    const zones = fc.constantFrom('Asia/Jakarta', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'UTC');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), zones, (ms, zone) => {
        const instant = new Date(Math.floor(ms / 60_000) * 60_000);
        const wall = new Date(instant.getTime() + zoneOffsetMs(zone, instant)).toISOString().slice(0, 16);
        const back = zonedLocalToUtc(wall, zone);
        // A repeated hour resolves to its first occurrence, so the answer is the instant or an hour before it.
        expect([0, 3_600_000]).toContain(instant.getTime() - (back?.getTime() ?? NaN));
      }),
    );
  });
});
