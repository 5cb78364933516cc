import { type AppError, ConflictError, NotFoundError, ServiceUnavailableError } from '../../domain/errors';
import { returnRuleOf, returnRuleViolations } from '../../domain/returns/return-constraints';

/**
 * Prisma's "known request" errors that mean something to the caller. Recognised by their code rather
 * than by class, because the class lives in the generated client and this module must not depend on it.
 */
interface PrismaKnownError {
  name: string;
  code: string;
  meta?: Record<string, unknown>;
}

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<PrismaKnownError>;
  return candidate.name === 'PrismaClientKnownRequestError' && typeof candidate.code === 'string';
}

/** The unique fields named by a P2002, wherever this Prisma version (or its driver adapter) put them. */
function conflictingFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === 'string') return [target];
  const fields = (meta?.driverAdapterError as { cause?: { constraint?: { fields?: unknown } } } | undefined)?.cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map((field) => String(field).replaceAll('"', '')) : [];
}

/**
 * A CHECK or trigger the database refused with (23514) or a write that lost a serialization race (40001),
 * as the driver adapter reports them: a named returns rule is a 409 with its sentence, a lost race a 409.
 */
function translateDriverAdapterError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'DriverAdapterError') return undefined;
  const cause = (error as { cause?: { kind?: string; code?: string; message?: string } }).cause;
  if (cause?.kind === 'TransactionWriteConflict') return new ConflictError('A concurrent change got there first; try again');
  if (cause?.kind !== 'postgres' || cause.code !== '23514') return undefined;
  const named = returnRuleOf(cause.message ?? '');
  return named === undefined ? undefined : new ConflictError(returnRuleViolations[named]);
}

/** Driver adapter error kinds that mean the database could not be reached or dropped the connection. */
const unreachableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/**
 * SQLSTATEs of a server going away or not there yet: admin_shutdown, crash_shutdown, cannot_connect_now
 * ("the database system is starting up" / "in recovery mode"), connection failures, too_many_connections.
 */
const unreachableSqlStates = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
/** Prisma's own codes for the same: can't reach, timed out connecting, operation timed out, server closed the connection. */
const unreachablePrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017']);

function isUnreachableCause(cause: { kind?: string; code?: string } | undefined): boolean {
  if (cause === undefined) return false;
  if (cause.kind !== undefined && unreachableKinds.has(cause.kind)) return true;
  return cause.kind === 'postgres' && cause.code !== undefined && unreachableSqlStates.has(cause.code);
}

/**
 * The database is restarting, crashed or out of reach (seen when PostgreSQL restarts under load: every
 * request in flight fails this way for a few seconds). Nothing was committed by the request that got it,
 * so it is a 503 with Retry-After, like overload, never a 500 that reads as a bug.
 */
function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  if (candidate.name === 'PrismaClientInitializationError') return true;
  if (candidate.name === 'DriverAdapterError') return isUnreachableCause(candidate.cause as { kind?: string; code?: string } | undefined);
  if (candidate.name !== 'PrismaClientKnownRequestError') return false;
  if (typeof candidate.code === 'string' && unreachablePrismaCodes.has(candidate.code)) return true;
  return isUnreachableCause(candidate.meta?.driverAdapterError?.cause as { kind?: string; code?: string } | undefined);
}

export function translatePrismaError(error: unknown): AppError | undefined {
  if (isDatabaseUnreachable(error)) return new ServiceUnavailableError('The database is not reachable right now; try again shortly');
  const driverError = translateDriverAdapterError(error);
  if (driverError !== undefined) return driverError;
  if (!isPrismaKnownError(error)) return undefined;
  switch (error.code) {
    case 'P2002': {
      const fields = conflictingFields(error.meta);
      return new ConflictError(
        fields.length > 0
          ? `A record with the same ${fields.join(', ')} already exists`
          : 'A record with the same unique value already exists',
      );
    }
    case 'P2025':
      return new NotFoundError('The record does not exist (any more)');
    // No pooled connection freed up in time to start the transaction: the API is past its capacity, and the
    // same request will likely succeed shortly. Overload must read as "try again", not as a server bug.
    case 'P2028':
      return new ServiceUnavailableError('The database is busy; try again shortly');
    default:
      return undefined;
  }
}
