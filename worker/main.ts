import { NativeConnection, Runtime, DefaultLogger, type LogLevel } from '@temporalio/worker';
import { loadConfigOrExit } from '../domain/config';
import { createPrismaClient } from '../prisma/client';
import { workerConfigSchema } from './config';
import { createWorker } from './create-worker';

const temporalLogLevels: Record<string, LogLevel> = { fatal: 'ERROR', error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG', trace: 'TRACE', silent: 'ERROR' };

/**
 * Worker process: stateless, start as many as the load needs. SIGINT/SIGTERM (the Runtime's default
 * shutdown signals) stop polling, let running activities finish within the grace time, then we close
 * the database pool and the connection.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(workerConfigSchema, 'worker');
  Runtime.install({ logger: new DefaultLogger(temporalLogLevels[config.LOG_LEVEL] ?? 'INFO') });
  const prisma = createPrismaClient({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const worker = await createWorker(connection, config, { prisma });
    console.log(`[worker] polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE})`);
    await worker.run();
  } finally {
    await connection.close();
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error('[worker] fatal:', error);
  process.exit(1);
});
