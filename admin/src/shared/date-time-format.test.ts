import { formatDateTime } from './date-time-format';

describe('formatDateTime', () => {
  const instant = '2026-12-02T17:05:00.000Z';

  it("writes the time in the store's zone, day before month, 24-hour clock", () => {
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Amsterdam' })).toBe('2 Dec 2026, 18:05');
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Lisbon' })).toBe('2 Dec 2026, 17:05');
  });

  it('can leave the time out, and keeps what is not a date', () => {
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Europe/Berlin', dateOnly: true })).toBe('2 Dec 2026');
    expect(formatDateTime('soon', { locale: 'en-GB' })).toBe('soon');
  });
});
