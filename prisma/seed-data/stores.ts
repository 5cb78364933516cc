import { type UnfulfillablePickupPolicy } from '../generated/enums';

/** The demo's three stores. Pickup settings differ a little so the demo shows they are per store. */
export interface DemoStore {
  code: string;
  name: string;
  city: string;
  address: string;
  /** As customers are told it; the pickup-ready message names it. */
  openingHours: string;
  timeZone: string;
  currency: string;
  pickSlaMinutes: number;
  pickupReminderMinutes: number[];
  pickupExpiryHours: number;
  unfulfillablePolicy: UnfulfillablePickupPolicy;
  /** Scales the demo stock: a flagship carries more than a small city store. */
  stockScale: number;
}

export const demoStores: readonly DemoStore[] = [
  {
    code: 'AMS-01',
    name: 'Amsterdam Kalverstraat',
    city: 'Amsterdam',
    address: 'Kalverstraat 92, 1012 PH Amsterdam, NL',
    openingHours: 'Mon-Sat 10:00-19:00, Sun 12:00-18:00',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    pickSlaMinutes: 120,
    pickupReminderMinutes: [1440, 2880],
    pickupExpiryHours: 72,
    unfulfillablePolicy: 'OFFER_OTHER_STORE',
    stockScale: 1.5,
  },
  {
    code: 'BER-01',
    name: 'Berlin Alexanderplatz',
    city: 'Berlin',
    address: 'Alexanderplatz 9, 10178 Berlin, DE',
    openingHours: 'Mon-Sat 10:00-20:00',
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    pickSlaMinutes: 90,
    pickupReminderMinutes: [1440, 2880, 4320],
    pickupExpiryHours: 96,
    unfulfillablePolicy: 'OFFER_OTHER_STORE',
    stockScale: 1,
  },
  {
    code: 'LIS-01',
    name: 'Lisboa Chiado',
    city: 'Lisbon',
    address: 'Rua Garrett 19, 1200-203 Lisboa, PT',
    openingHours: 'Mon-Sun 10:00-20:00',
    timeZone: 'Europe/Lisbon',
    currency: 'EUR',
    pickSlaMinutes: 180,
    pickupReminderMinutes: [2880],
    pickupExpiryHours: 120,
    unfulfillablePolicy: 'CANCEL_AND_REFUND',
    stockScale: 0.6,
  },
];
