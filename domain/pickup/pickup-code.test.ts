import { generatePickupCode, hashPickupCode, pickupCodeMatches } from './pickup-code';
import { pickupSettingsFromStore } from './pickup-settings';

describe('pickup codes', () => {
  it('are digits of the configured length, stored only as a salted hash that matches the code alone', async () => {
    const code = generatePickupCode(6);
    expect(code).toMatch(/^\d{6}$/);
    const hash = await hashPickupCode(code);
    expect(hash).not.toContain(code);
    expect(await hashPickupCode(code)).not.toBe(hash);
    expect(await pickupCodeMatches(code, hash)).toBe(true);
    expect(await pickupCodeMatches(` ${code} `, hash)).toBe(true);
    expect(await pickupCodeMatches(code === '000000' ? '000001' : '000000', hash)).toBe(false);
    expect(await pickupCodeMatches(code, 'garbage')).toBe(false);
  });
});

describe('pickup settings from a store', () => {
  it('turns the store’s minutes and hours into the workflow’s milliseconds, reminders ascending', () => {
    expect(
      pickupSettingsFromStore({
        pickSlaMinutes: 120,
        pickEscalationMinutes: 30,
        pickupReminderMinutes: [2880, 1440],
        pickupExpiryHours: 72,
        unfulfillablePolicy: 'CANCEL_AND_REFUND',
      }),
    ).toEqual({
      pickSlaMs: 7_200_000,
      pickEscalationDelayMs: 1_800_000,
      pickupReminderOffsetsMs: [86_400_000, 172_800_000],
      pickupExpiryMs: 259_200_000,
      unfulfillablePolicy: 'CANCEL_AND_REFUND',
      maxWrongCodeAttempts: 3,
    });
  });
});
