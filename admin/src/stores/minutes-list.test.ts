import { formatMinutesList, parseMinutesList, validateMinutesList } from './minutes-list';

describe('pickup reminders typed as "60, 240"', () => {
  test('become the list of minutes the API expects, and show the same way', () => {
    expect(parseMinutesList(' 60, 240 ,')).toEqual([60, 240]);
    expect(formatMinutesList([60, 240])).toBe('60, 240');
    expect(validateMinutesList([60, 240])).toBeUndefined();
  });

  test('an empty field means no reminders', () => {
    expect(parseMinutesList('')).toEqual([]);
  });

  test('anything but whole minutes stays as typed and is flagged, never partly dropped', () => {
    for (const typed of ['60, soon', '1.5', '-30']) {
      expect(parseMinutesList(typed)).toBe(typed);
      expect(validateMinutesList(parseMinutesList(typed))).toBe('omni.validation.minutes_list');
    }
  });
});
