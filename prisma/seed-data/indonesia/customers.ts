import { type DemoCustomer } from '../customers';

/** Demo customers of the Indonesian retailer, with Indonesian mobile numbers (E.164, +62 8xx). */
const names = [
  'Budi Santoso',
  'Siti Rahmawati',
  'Agus Wijaya',
  'Dewi Lestari',
  'Rizky Pratama',
  'Putri Handayani',
  'Andi Saputra',
  'Nur Aisyah',
  'Hendra Gunawan',
  'Rina Kartika',
  'Fajar Nugroho',
  'Wulan Sari',
];

export const indonesianDemoCustomers: readonly DemoCustomer[] = names.map((name, index) => ({
  name,
  phone: `+62812${String(30_000_000 + index * 7919).padStart(8, '0')}`,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@surel.example`,
}));
