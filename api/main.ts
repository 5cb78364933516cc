import { loadConfigOrExit } from '../domain/config';
import { createPrismaClient } from '../prisma/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp, whenBackgroundWorkIdle } from './app';
import { warmUpPasswordChecks } from './auth/passwords';
import { apiConfigSchema } from './config';
import { createLogger } from './logger';
import { createApiMetrics } from './metrics/api-metrics';
import { closeServerGracefully } from './server';
import { createTemporalClient } from './temporal-client';

/** How long an idle keep-alive connection stays open (above the 60 s of common proxies and load balancers). */
const API_KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * API process: one PrismaClient, one Temporal client, one HTTP server. SIGINT/SIGTERM stop accepting
 * connections, let running requests finish (SHUTDOWN_GRACE_MS), then close the database pool and the
 * Temporal connection. A second signal exits at once.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(apiConfigSchema, 'api');
  const logger = createLogger(config);
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const temporal = createTemporalClient(config);
  await warmUpPasswordChecks();

  const app = createApp({ prisma, temporal, config, logger, metrics: createApiMetrics({ processMetrics: true }) });
  const server = app.listen(config.API_PORT, config.API_HOST);
  // Keep idle connections longer than the clients that reuse them (Node's 5 s default races a client that
  // sends on a socket the server is closing: "other side closed"); proxies commonly idle at 60 s.
  server.keepAliveTimeout = API_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = API_KEEP_ALIVE_TIMEOUT_MS + 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  logger.info(
    { url: `http://${config.API_HOST}:${config.API_PORT}`, docs: `http://${config.API_HOST}:${config.API_PORT}/api/docs` },
    'API listening',
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    closeServerGracefully(server, config.SHUTDOWN_GRACE_MS, logger)
      // Starts begun after an answer finish (or the relay takes them over) before their connection goes.
      .finally(() => Promise.race([whenBackgroundWorkIdle(app), sleep(config.SHUTDOWN_GRACE_MS)]))
      .finally(() => Promise.allSettled([prisma.$disconnect(), temporal.close()]))
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[api] fatal:', error);
  process.exit(1);
});
