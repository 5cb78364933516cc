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

export function translatePrismaError(error: unknown): AppError | undefined {
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
