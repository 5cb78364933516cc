import { ApplicationFailure } from '@temporalio/common';
import { isAppError } from '../../domain/errors';
import { InsufficientStockError, StockInvariantError } from '../../domain/inventory/errors';

/**
 * Business rejections become non-retryable ApplicationFailures carrying the domain error's `type`
 * (INSUFFICIENT_STOCK for a short reservation) and its details; anything else is rethrown as is, so
 * Temporal retries it as a transient fault.
 */
export async function withActivityFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InsufficientStockError) {
      throw ApplicationFailure.nonRetryable(error.message, error.failureType, { shortLines: error.shortLines });
    }
    if (error instanceof StockInvariantError) {
      throw ApplicationFailure.nonRetryable(error.message, error.type, { breaches: error.breaches });
    }
    if (isAppError(error)) {
      const details = 'fieldErrors' in error ? [{ fieldErrors: error.fieldErrors }] : [];
      throw ApplicationFailure.nonRetryable(error.message, error.type, ...details);
    }
    throw error;
  }
}
