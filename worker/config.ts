import { z } from 'zod';
import { databaseEnv, logEnv, temporalEnv } from '../domain/config';

export const workerConfigSchema = z.object({
  ...databaseEnv,
  ...temporalEnv,
  ...logEnv,
  /** A bundle built by `npm run build:workflows`; when unset the worker bundles workflows/ at start (dev). */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(100),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).max(1000).default(40),
  /** How long a shutdown waits for running activities before cancelling them. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type WorkerConfig = z.infer<typeof workerConfigSchema>;
