import { formatDuration, slaCountdown } from './sla-countdown';

const now = Date.parse('2026-11-25T10:00:00.000Z');
const fiveMinutes = 5 * 60_000;

describe('SLA countdown on task chips', () => {
  it('counts down to the due time and warns in the last stretch', () => {
    expect(slaCountdown('2026-11-25T11:05:30.000Z', now, fiveMinutes)).toEqual({ state: 'due', remaining: '1 h 05 min' });
    expect(slaCountdown('2026-11-25T10:04:09.000Z', now, fiveMinutes)).toEqual({ state: 'soon', remaining: '4 min 09 s' });
  });

  it('says how long a breached task is overdue', () => {
    expect(slaCountdown('2026-11-25T09:58:00.000Z', now, fiveMinutes)).toEqual({ state: 'overdue', remaining: '2 min 00 s' });
  });

  it('shows nothing for a task without an SLA or with an unreadable due time', () => {
    expect(slaCountdown(null, now, fiveMinutes).state).toBe('none');
    expect(slaCountdown('not a date', now, fiveMinutes).state).toBe('none');
  });

  it('switches to days for long windows', () => {
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 d 3 h');
  });
});
