import { type PrismaClient } from '../client';
import { type DemoUsersFile } from './demo-users';
import { seedListings, seedOpeningStock, seedProducts } from './seed-catalogue';
import { seedCustomers } from './seed-customers';
import { seedChannels, seedStores, seedUsers } from './seed-reference-data';

export interface SeedDemoDataInput {
  prisma: PrismaClient;
  sandboxUrl: string;
  demoUsers: DemoUsersFile;
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
  };
}

/**
 * Idempotent demo data: every step inserts what is missing, matched by business keys (store code, channel
 * code, SKU, e-mail, phone, store+SKU, channel+SKU), and leaves existing rows alone. So a second run is
 * a no-op and never resets stock, prices or users that the system or a person changed since.
 */
export async function seedDemoData({ prisma, sandboxUrl, demoUsers }: SeedDemoDataInput): Promise<SeedDemoDataResult> {
  const stores = await seedStores(prisma);
  const channels = await seedChannels(prisma, sandboxUrl);
  const users = await seedUsers(prisma, demoUsers);
  const products = await seedProducts(prisma);
  const inventoryLevels = await seedOpeningStock(prisma);
  const listings = await seedListings(prisma);
  const customers = await seedCustomers(prisma);
  return { created: { stores, channels, users, products, inventoryLevels, listings, customers } };
}
