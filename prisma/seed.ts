import { performance } from 'node:perf_hooks';
import { loadConfigOrExit } from '../domain/config';
import { createPrismaClient } from './client';
import { seedConfigSchema } from './seed/config';
import { readDemoUsers } from './seed/demo-users';
import { seedDemoData } from './seed/seed-demo-data';
import { seedProfile } from './seed/seed-profiles';

/** `tsx prisma/seed.ts`: inserts the demo data (of SEED_PROFILE's retailer) that is missing and prints the demo logins. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(seedConfigSchema, 'seed');
  const profile = seedProfile(config.SEED_PROFILE);
  const demoUsers = readDemoUsers(profile.usersFile);
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: 2 });
  const started = performance.now();
  try {
    const { created } = await seedDemoData({
      prisma,
      sandboxUrl: config.SANDBOX_URL,
      demoUsers,
      profile,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
    });
    const createdList = Object.entries(created)
      .map(([what, count]) => `${count} ${what}`)
      .join(', ');
    console.log(`Demo data (${profile.name}) seeded in ${Math.round(performance.now() - started)} ms (created: ${createdList}).`);
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
