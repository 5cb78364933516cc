import { createApp } from '../api/app';
import { apiConfigSchema } from '../api/config';
import { createLogger } from '../api/logger';
import { createTemporalClient } from '../api/temporal-client';
import { parseConfig } from '../domain/config';
import { type PrismaClient } from '../prisma/client';

/**
 * The real API in this process (driven through supertest by the returns and promotions drivers), on the
 * chaos stack's database and Temporal server, starting its workflows on `taskQueue` (the row's worker).
 * The tests' testConfig is not usable here: it lives next to jest's `expect`.
 */
export function startInProcessApi(options: {
  prisma: PrismaClient;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  settings?: Record<string, string>;
}) {
  const config = parseConfig(apiConfigSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    WORKFLOW_START_RELAY_DELAY_MS: '0',
    ...options.settings,
  });
  const temporal = createTemporalClient(config);
  const app = createApp({ prisma: options.prisma, temporal, config, logger: createLogger(config) });
  return { app, config, temporal };
}
