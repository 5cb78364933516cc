import { createPrismaClient } from '../../../prisma/client';
import { readDemoUsers } from '../../../prisma/seed/demo-users';
import { seedDemoData } from '../../../prisma/seed/seed-demo-data';
import { recreateMigratedDatabase } from '../../../bench/support/scratch-database';

/**
 * The fuzzer's own database (`<test database>_fuzz`, re-created, migrated and seeded each run): its row
 * counts must move only by what its own requests do, never by the suites running next to it.
 */
export async function createFuzzDatabase(testDatabaseUrl: string): Promise<string> {
  const name = `${new URL(testDatabaseUrl).pathname.slice(1)}_fuzz`;
  const databaseUrl = await recreateMigratedDatabase(testDatabaseUrl, name);
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  try {
    await seedDemoData({ prisma, sandboxUrl: process.env.SANDBOX_URL ?? 'http://127.0.0.1:4010', demoUsers: readDemoUsers() });
  } finally {
    await prisma.$disconnect();
  }
  return databaseUrl;
}
