import { Prisma } from '../../prisma/client';

/** serialization_failure and deadlock_detected: PostgreSQL aborted the transaction; running it again is safe. */
const retryablePostgresCodes = new Set(['40001', '40P01']);

/** Prisma's code for a write conflict or deadlock it recognised itself. */
const PRISMA_WRITE_CONFLICT = 'P2034';

interface DriverAdapterErrorMeta {
  driverAdapterError?: { cause?: { originalCode?: string; code?: string } };
}

/** The PostgreSQL SQLSTATE behind a Prisma error, e.g. `23514` for a CHECK violation. */
export function postgresErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta as DriverAdapterErrorMeta | undefined)?.driverAdapterError?.cause;
  return cause?.originalCode ?? cause?.code;
}

export function isTransientDatabaseConflict(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === PRISMA_WRITE_CONFLICT) return true;
  return retryablePostgresCodes.has(postgresErrorCode(error) ?? '');
}
