import { z } from 'zod';
import { databaseEnv, temporalEnv } from '../../domain/config';
import { SEED_PROFILES } from './seed-profiles';

/**
 * The seed's own settings: which database, where the channel sandbox (the demo channels' API) is, which
 * demo retailer to seed (SEED_PROFILE: `europe`, the default, or `indonesia`) and the workers' task queue
 * (for the runs of the demo orders the Indonesian profile places).
 */
export const seedConfigSchema = z.object({
  DATABASE_URL: databaseEnv.DATABASE_URL,
  SANDBOX_URL: z.url().default('http://127.0.0.1:4010'),
  SEED_PROFILE: z.enum(SEED_PROFILES).default('europe'),
  TEMPORAL_TASK_QUEUE: temporalEnv.TEMPORAL_TASK_QUEUE,
});

export type SeedConfig = z.infer<typeof seedConfigSchema>;
