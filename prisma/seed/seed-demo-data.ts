import { type PrismaClient } from '../client';
import { type DemoUsersFile } from './demo-users';
import { seedListings, seedOpeningStock, seedProducts } from './seed-catalogue';
import { seedCustomers } from './seed-customers';
import { seedDemoOrders } from './seed-demo-orders';
import { type SeedProfile, seedProfile } from './seed-profiles';
import { seedChannels, seedStores, seedUsers } from './seed-reference-data';
import { seedStoreCredits } from './seed-store-credits';

export interface SeedDemoDataInput {
  prisma: PrismaClient;
  sandboxUrl: string;
  demoUsers: DemoUsersFile;
  /** Which demo retailer (prisma/seed/seed-profiles.ts); Europe unless said. */
  profile?: SeedProfile;
  /** The workers' task queue, for the runs of the profile's demo orders. */
  taskQueue?: string;
}

/** How many rows each step created; all zero on a second run. */
export interface SeedDemoDataResult {
  created: {
    stores: number;
    channels: number;
    users: number;
    products: number;
    inventoryLevels: number;
    listings: number;
    customers: number;
    orders: number;
    storeCredits: number;
  };
}

/**
 * Idempotent demo data: every step inserts what is missing, matched by business keys (store code, channel
 * code, SKU, e-mail, phone, store+SKU, channel+SKU, channel+order number), and leaves existing rows alone.
 * So a second run is a no-op and never resets stock, prices or users that the system or a person changed since.
 */
export async function seedDemoData({
  prisma,
  sandboxUrl,
  demoUsers,
  profile = seedProfile('europe'),
  taskQueue = 'omnichannel',
}: SeedDemoDataInput): Promise<SeedDemoDataResult> {
  const stores = await seedStores(prisma, profile.stores);
  const channels = await seedChannels(prisma, sandboxUrl, profile.channels);
  const users = await seedUsers(prisma, demoUsers);
  const products = await seedProducts(prisma, profile);
  const inventoryLevels = await seedOpeningStock(prisma, profile);
  const listings = await seedListings(prisma, profile);
  const customers = await seedCustomers(prisma, profile.customers);
  const orders = await seedDemoOrders(prisma, profile, taskQueue);
  const storeCredits = await seedStoreCredits(prisma, profile);
  return { created: { stores, channels, users, products, inventoryLevels, listings, customers, orders, storeCredits } };
}
