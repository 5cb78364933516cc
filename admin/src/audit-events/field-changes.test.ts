import { displayValue, fieldChangesOf } from './field-changes';

describe('audit before/after', () => {
  test('lines up each changed field with its old and new value', () => {
    expect(
      fieldChangesOf({ pickSlaMinutes: 90, pickupReminderMinutes: [60] }, { pickSlaMinutes: 95, pickupReminderMinutes: [60, 240] }),
    ).toEqual([
      { field: 'pickSlaMinutes', before: 90, after: 95 },
      { field: 'pickupReminderMinutes', before: [60], after: [60, 240] },
    ]);
  });

  test('a creation (no before) lists the new values', () => {
    expect(fieldChangesOf(null, { status: 'ACTIVE' })).toEqual([{ field: 'status', before: undefined, after: 'ACTIVE' }]);
  });

  test('a sign-in (neither side) has no rows', () => {
    expect(fieldChangesOf(null, null)).toEqual([]);
  });

  test('values read as a person would write them', () => {
    expect(displayValue(undefined)).toBe('—');
    expect(displayValue(null)).toBe('—');
    expect(displayValue('ACTIVE')).toBe('ACTIVE');
    expect(displayValue([60, 240])).toBe('[60,240]');
    expect(displayValue(false)).toBe('false');
  });
});
