import { ApplicationFailure } from '@temporalio/common';
import { ChannelRateLimitedError, isChannelError } from '../../channels/channel-errors';
import { isAppError, InvalidDataError } from '../../domain/errors';
import { invalidDataFailure } from '../../domain/failures/invalid-data-failure';
import { InsufficientStockError, StockInvariantError, StorePickupPausedError } from '../../domain/inventory/errors';
import { isMessageGatewayError } from '../../message-gateway/message-gateway-errors';

/**
 * The one translation of what activities throw into what Temporal understands:
 * - business errors (domain/errors.ts) are non-retryable with the same `type` (INSUFFICIENT_STOCK for a
 *   short reservation, with its short lines; STORE_PICKUP_PAUSED for one at a store cut off; a stock invariant with its breaches; INVALID_DATA in the one
 *   shape of domain/failures/invalid-data-failure.ts);
 * - channel and message-gateway errors keep their `type` and the adapter's verdict on retrying, and a
 *   rate-limited call's Retry-After becomes the next retry's delay (Temporal must not come back sooner);
 * - an ApplicationFailure is already in Temporal's terms and anything else (a lost connection, a
 *   deadlock) is rethrown untouched, so the activity's retry policy retries it as a transient fault.
 */
export function toTemporalFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof InsufficientStockError)
    return ApplicationFailure.nonRetryable(error.message, error.failureType, { shortLines: error.shortLines });
  if (error instanceof StorePickupPausedError)
    return ApplicationFailure.nonRetryable(error.message, error.failureType, { storeCode: error.storeCode });
  if (error instanceof StockInvariantError) return ApplicationFailure.nonRetryable(error.message, error.type, { breaches: error.breaches });
  if (error instanceof InvalidDataError) return invalidDataFailure(error.message, error.fieldErrors);
  if (isAppError(error)) return ApplicationFailure.nonRetryable(error.message, error.type);
  if (isChannelError(error) || isMessageGatewayError(error)) {
    return ApplicationFailure.create({
      type: error.type,
      message: error.message,
      nonRetryable: !error.retryable,
      cause: error,
      nextRetryDelay: error instanceof ChannelRateLimitedError && error.retryAfterMs !== null ? error.retryAfterMs : undefined,
    });
  }
  return error;
}

/** Runs an activity's work and rethrows its failure in Temporal's terms (toTemporalFailure). */
export async function withTemporalFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toTemporalFailure(error);
  }
}
