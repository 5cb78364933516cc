import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createMigrationAdapterFactory } from './prisma/cli-adapter';

/**
 * Prisma CLI configuration. The CLI runs the WASM schema engine through a driver adapter
 * (`engine: 'js'`), so no native engine is ever downloaded: see prisma/cli-adapter.ts. Run the CLI
 * through `node scripts/prisma.mjs` (or `npm run prisma --`), which defaults DATABASE_URL.
 */
const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/omnichannel';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations'), seed: 'tsx prisma/seed.ts' },
  adapter: () => Promise.resolve(createMigrationAdapterFactory(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)),
});
