import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure } from '@temporalio/common';
import { Prisma, type PrismaClient } from '../../prisma/client';
import { type InventorySettings } from '../../domain/inventory/settings';
import { isTransientDatabaseConflict } from './transient-database-conflict';

export const TRANSIENT_DATABASE_CONFLICT = 'TRANSIENT_DATABASE_CONFLICT';

/**
 * Runs `work` again when PostgreSQL aborted it as a deadlock victim or serialization failure (it rolled
 * back, so running it again is safe), with doubling back-off and jitter; once the attempts are used up
 * it fails retryably, leaving the next try to Temporal.
 */
export async function retryingTransientConflicts<T>(settings: InventorySettings, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isTransientDatabaseConflict(error)) throw error;
      if (attempt >= settings.transactionMaxAttempts) {
        throw ApplicationFailure.retryable(`Stock transaction still conflicting after ${attempt} attempts`, TRANSIENT_DATABASE_CONFLICT);
      }
      await sleep(backoffWithJitter(settings.transactionRetryBackoffMs, attempt));
    }
  }
}

/**
 * Runs `work` in one READ COMMITTED transaction, retried as above. Stock rules hold through row locks
 * and CHECKs, not through isolation, so READ COMMITTED is enough and never aborts for mere overlap.
 */
export async function inStockTransaction<T>(
  prisma: PrismaClient,
  settings: InventorySettings,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return retryingTransientConflicts(settings, () =>
    prisma.$transaction(work, {
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
      maxWait: settings.transactionMaxWaitMs,
      timeout: settings.transactionTimeoutMs,
    }),
  );
}

/** Full jitter, so transactions that collided once don't collide again in step. */
function backoffWithJitter(baseMs: number, attempt: number): number {
  return Math.random() * baseMs * 2 ** (attempt - 1);
}
