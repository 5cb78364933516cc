import { type DemoChannel, demoChannels } from '../../channels/catalog';
import { indonesianDemoChannels } from '../../channels/catalog-indonesia';
import { type DemoCustomer, demoCustomers } from '../seed-data/customers';
import { indonesianDemoCustomers } from '../seed-data/indonesia/customers';
import { indonesianDemoProducts } from '../seed-data/indonesia/products';
import { indonesianDemoStores } from '../seed-data/indonesia/stores';
import { type DemoProduct, generateDemoProducts } from '../seed-data/products';
import { type DemoStore, demoStores } from '../seed-data/stores';
import path from 'node:path';

/**
 * The demo retailers `SEED_PROFILE` chooses between: `europe` (the default: Amsterdam, Berlin, Lisbon in
 * EUR) and `indonesia` (Jakarta and Surabaya in WIB, Makassar in WITA, prices in IDR, the channels such
 * shops sell on, and a few pickup orders so the dashboard and the inboxes have something to show).
 * Seeding one profile never touches the other's rows, so both can live in one database.
 */
export const SEED_PROFILES = ['europe', 'indonesia'] as const;
export type SeedProfileName = (typeof SEED_PROFILES)[number];

export interface SeedProfile {
  name: SeedProfileName;
  currency: string;
  stores: readonly DemoStore[];
  channels: readonly DemoChannel[];
  products: readonly DemoProduct[];
  customers: readonly DemoCustomer[];
  usersFile: string;
  /** Pickup orders placed at seeding (their runs start once a worker is up); none for Europe. */
  demoOrdersPerStore: number;
  /** One store credit a till refund issued, so the till's store credit screen has something to find (minor units: IDR has 2). */
  demoStoreCredit: { code: string; storeCode: string; amountMinor: number };
}

const seedDataDir = path.join(__dirname, '..', 'seed-data');

export function seedProfile(name: SeedProfileName): SeedProfile {
  if (name === 'indonesia')
    return {
      name,
      currency: 'IDR',
      stores: indonesianDemoStores,
      channels: indonesianDemoChannels,
      products: indonesianDemoProducts(),
      customers: indonesianDemoCustomers,
      usersFile: path.join(seedDataDir, 'indonesia', 'demo-users.json'),
      demoOrdersPerStore: 3,
      demoStoreCredit: { code: 'SC-DEMO-JKT1', storeCode: indonesianDemoStores[0]?.code ?? '', amountMinor: 15_000_000 },
    };
  return {
    name,
    currency: 'EUR',
    stores: demoStores,
    channels: demoChannels,
    products: generateDemoProducts('EUR'),
    customers: demoCustomers,
    usersFile: path.join(seedDataDir, 'demo-users.json'),
    demoOrdersPerStore: 0,
    demoStoreCredit: { code: 'SC-DEMO-AMS1', storeCode: 'AMS-01', amountMinor: 7500 },
  };
}
