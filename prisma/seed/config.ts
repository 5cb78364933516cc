import { z } from 'zod';
import { databaseEnv } from '../../domain/config';

/** The seed's own settings: which database, and where the channel sandbox (the demo channels' API) is. */
export const seedConfigSchema = z.object({
  DATABASE_URL: databaseEnv.DATABASE_URL,
  SANDBOX_URL: z.url().default('http://127.0.0.1:4010'),
});

export type SeedConfig = z.infer<typeof seedConfigSchema>;
