import { toMinorUnits } from '../../../domain/money/currency-exponent';
import { type DemoProduct } from '../products';

/**
 * The Indonesian demo catalogue: what a fashion and home shop sells there, priced in rupiah. Prices are
 * written in rupiah here and stored as ISO 4217 minor units (sen), like every amount in the system.
 */
const items: ReadonlyArray<readonly [sku: string, name: string, category: string, brand: string, rupiah: number, description: string]> = [
  ['ID-BTK-KMJ-M', 'Kemeja batik tulis, M', 'Pakaian', 'Danar Batik', 450_000, 'Batik tulis Pekalongan, katun primisima.'],
  ['ID-BTK-KMJ-L', 'Kemeja batik tulis, L', 'Pakaian', 'Danar Batik', 450_000, 'Batik tulis Pekalongan, katun primisima.'],
  ['ID-BTK-KMJ-XL', 'Kemeja batik tulis, XL', 'Pakaian', 'Danar Batik', 475_000, 'Batik tulis Pekalongan, katun primisima.'],
  ['ID-KAO-POL-M', 'Kaos polos katun, M', 'Pakaian', 'Kaosku', 89_000, 'Cotton combed 30s, potongan reguler.'],
  ['ID-KAO-POL-L', 'Kaos polos katun, L', 'Pakaian', 'Kaosku', 89_000, 'Cotton combed 30s, potongan reguler.'],
  ['ID-HIJ-VOA-HTM', 'Hijab voal, hitam', 'Pakaian', 'Sari Voal', 65_000, 'Voal premium, 115 x 115 cm.'],
  ['ID-HIJ-VOA-KRM', 'Hijab voal, krem', 'Pakaian', 'Sari Voal', 65_000, 'Voal premium, 115 x 115 cm.'],
  ['ID-SRG-TNN-HJU', 'Sarung tenun, hijau', 'Pakaian', 'Danar Batik', 150_000, 'Tenun ATBM, motif kotak.'],
  ['ID-SND-KLT-40', 'Sandal kulit, 40', 'Alas kaki', 'Langkah', 185_000, 'Kulit sapi asli, sol karet.'],
  ['ID-SND-KLT-42', 'Sandal kulit, 42', 'Alas kaki', 'Langkah', 185_000, 'Kulit sapi asli, sol karet.'],
  ['ID-SPT-KNV-41', 'Sepatu kanvas, 41', 'Alas kaki', 'Langkah', 249_000, 'Kanvas tebal, sol vulkanisir.'],
  ['ID-TAS-ANY-RTN', 'Tas anyaman rotan', 'Aksesori', 'Rotan Cirebon', 225_000, 'Rotan Cirebon, tali kulit.'],
  ['ID-GLS-KPI-350', 'Gelas kopi keramik, 350 ml', 'Rumah', 'Rumah Kita', 55_000, 'Keramik glasir, aman untuk microwave.'],
  ['ID-TKR-KYU-JTI', 'Talenan kayu jati', 'Rumah', 'Rumah Kita', 120_000, 'Kayu jati Jepara, 40 x 25 cm.'],
  ['ID-SPR-BTK-KNG', 'Sprei batik, king', 'Rumah', 'Danar Batik', 399_000, 'Katun, 180 x 200 cm, dua sarung bantal.'],
  ['ID-KOP-GAY-250', 'Kopi Gayo, 250 g', 'Makanan', 'Kopi Tanah Gayo', 95_000, 'Arabika Aceh Gayo, sangrai medium.'],
  ['ID-TEH-MLT-100', 'Teh melati, 100 g', 'Makanan', 'Teh Wangi', 35_000, 'Teh hijau dengan melati, daun utuh.'],
  ['ID-SBN-SRH-BTG', 'Sabun sereh batang', 'Perawatan', 'Sereh Asri', 25_000, 'Minyak kelapa dan sereh wangi.'],
];

/** A promotion may take a price down to 70 % of its base price (the rupiah floor, rounded to Rp 100). */
const FLOOR_PERCENT = 70;
const FLOOR_ROUNDING_RUPIAH = 100;

export function indonesianDemoProducts(): DemoProduct[] {
  return items.map(([sku, name, category, brand, rupiah, description]) => ({
    sku,
    name,
    description,
    category,
    brand,
    basePriceMinor: toMinorUnits(rupiah, 'IDR'),
    floorPriceMinor: toMinorUnits(Math.round((rupiah * FLOOR_PERCENT) / 100 / FLOOR_ROUNDING_RUPIAH) * FLOOR_ROUNDING_RUPIAH, 'IDR'),
    currency: 'IDR',
  }));
}
