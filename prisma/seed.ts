import { performance } from 'node:perf_hooks';
import { loadConfigOrExit } from '../domain/config';
import { createPrismaClient } from './client';
import { seedConfigSchema } from './seed/config';
import { readDemoUsers } from './seed/demo-users';
import { seedDemoData } from './seed/seed-demo-data';

/** `tsx prisma/seed.ts`: inserts the demo data that is missing and prints the demo logins. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(seedConfigSchema, 'seed');
  const demoUsers = readDemoUsers();
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: 2 });
  const started = performance.now();
  try {
    const { created } = await seedDemoData({ prisma, sandboxUrl: config.SANDBOX_URL, demoUsers });
    const createdList = Object.entries(created)
      .map(([what, count]) => `${count} ${what}`)
      .join(', ');
    console.log(`Demo data seeded in ${Math.round(performance.now() - started)} ms (created: ${createdList}).`);
    console.log(`Demo logins (password for all: ${demoUsers.password}):`);
    for (const user of demoUsers.users) {
      console.log(`  ${user.email}  ${user.role}${user.storeCode ? ` ${user.storeCode}${user.isStoreManager ? ' manager' : ''}` : ''}`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error('[seed] failed:', error);
  process.exitCode = 1;
});
