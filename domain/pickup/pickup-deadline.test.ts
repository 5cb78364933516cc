import { indonesianDemoStores } from '../../prisma/seed-data/indonesia/stores';
import { describeInStoreZone, pickupDeadline } from './pickup-deadline';
import { pickupSettingsFromStore } from './pickup-settings';

const makassar = indonesianDemoStores.find((store) => store.code === 'MKS-01')!;
const jakarta = indonesianDemoStores.find((store) => store.code === 'JKT-01')!;

describe('pickup deadline in the store’s own zone', () => {
  it('expires a Makassar order (WITA, UTC+8) at ready + its store’s expiry, written on Makassar’s clocks', () => {
    // Ready at 20:15 WITA on 2 December: 12:15 UTC.
    const readyAt = new Date('2026-12-02T12:15:00Z');
    const settings = pickupSettingsFromStore({ ...makassar, pickEscalationMinutes: 30 });
    const deadline = pickupDeadline(readyAt, settings.pickupExpiryMs);
    expect(makassar.pickupExpiryHours).toBe(72);
    expect(deadline.toISOString()).toBe('2026-12-05T12:15:00.000Z');
    expect(describeInStoreZone(deadline, makassar.timeZone)).toBe('5 Dec 2026, 20:15 WITA');
    expect(describeInStoreZone(deadline, makassar.timeZone, 'id-ID')).toBe('5 Des 2026, 20.15 WITA');
  });

  it('crosses midnight by the store’s calendar, not UTC’s', () => {
    // 17:30 UTC is 00:30 the next day in Jakarta (WIB, UTC+7) and 01:30 in Makassar.
    const deadline = pickupDeadline(new Date('2026-12-02T17:30:00Z'), 0);
    expect(describeInStoreZone(deadline, jakarta.timeZone)).toBe('3 Dec 2026, 00:30 WIB');
    expect(describeInStoreZone(deadline, makassar.timeZone)).toBe('3 Dec 2026, 01:30 WITA');
    expect(describeInStoreZone(deadline, 'Europe/Amsterdam')).toBe('2 Dec 2026, 18:30 CET');
  });
});
