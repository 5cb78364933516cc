import { type DemoStore } from '../stores';

/**
 * The Indonesian demo retailer's stores: two in WIB (UTC+7) and one in WITA (UTC+8), so pickup deadlines
 * and reminders are seen in each store's own zone. Pickup windows are short, as customers there expect.
 */
export const indonesianDemoStores: readonly DemoStore[] = [
  {
    code: 'JKT-01',
    name: 'Jakarta Kemang',
    city: 'Jakarta',
    address: 'Jl. Kemang Raya No. 8, Bangka, Mampang Prapatan, Jakarta Selatan 12730',
    openingHours: 'Setiap hari 10.00-22.00 WIB',
    timeZone: 'Asia/Jakarta',
    currency: 'IDR',
    pickSlaMinutes: 60,
    pickupReminderMinutes: [720, 1440],
    pickupExpiryHours: 48,
    unfulfillablePolicy: 'OFFER_OTHER_STORE',
    stockScale: 1.5,
  },
  {
    code: 'SBY-01',
    name: 'Surabaya Tunjungan',
    city: 'Surabaya',
    address: 'Jl. Tunjungan No. 51, Genteng, Surabaya 60275',
    openingHours: 'Setiap hari 10.00-21.00 WIB',
    timeZone: 'Asia/Jakarta',
    currency: 'IDR',
    pickSlaMinutes: 90,
    pickupReminderMinutes: [1440],
    pickupExpiryHours: 48,
    unfulfillablePolicy: 'OFFER_OTHER_STORE',
    stockScale: 1,
  },
  {
    code: 'MKS-01',
    name: 'Makassar Panakkukang',
    city: 'Makassar',
    address: 'Jl. Boulevard Raya No. 12, Panakkukang, Makassar 90231',
    openingHours: 'Senin-Sabtu 09.00-21.00 WITA',
    timeZone: 'Asia/Makassar',
    currency: 'IDR',
    pickSlaMinutes: 120,
    pickupReminderMinutes: [1440],
    pickupExpiryHours: 72,
    unfulfillablePolicy: 'CANCEL_AND_REFUND',
    stockScale: 0.7,
  },
];
