import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

/**
 * The one way processes get a database client: one per process (API, worker, seed, tests), created at
 * start from the process's parsed config and injected where needed. Queries run through node-postgres
 * (`@prisma/adapter-pg`), so no native query engine is involved.
 */
export interface PrismaClientOptions {
  databaseUrl: string;
  /** Most connections the process opens; matches DATABASE_POOL_SIZE. */
  poolSize?: number;
}

const DEFAULT_POOL_SIZE = 10;

export function createPrismaClient({ databaseUrl, poolSize = DEFAULT_POOL_SIZE }: PrismaClientOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}

export { PrismaClient, Prisma } from './generated/client';
export * from './generated/enums';
