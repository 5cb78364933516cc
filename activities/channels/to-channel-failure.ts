import { ApplicationFailure } from '@temporalio/common';
import { ChannelRateLimitedError, isChannelError } from '../../channels/channel-errors';

/**
 * Turns what a ChannelAdapter threw into what Temporal understands: the same `type` string
 * (CHANNEL_RATE_LIMITED, CHANNEL_UNAVAILABLE, CHANNEL_REJECTED), retryable or not as the adapter
 * judged, and a rate-limited call's Retry-After as the next retry delay. Anything else is rethrown
 * untouched (a plain error is retried by the activity's policy).
 */
export function toChannelFailure(error: unknown): unknown {
  if (!isChannelError(error)) return error;
  return ApplicationFailure.create({
    type: error.type,
    message: error.message,
    nonRetryable: !error.retryable,
    cause: error,
    nextRetryDelay: error instanceof ChannelRateLimitedError && error.retryAfterMs !== null ? error.retryAfterMs : undefined,
  });
}

/** Runs one channel call and rethrows its failure in Temporal's terms. */
export async function withChannelFailures<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toChannelFailure(error);
  }
}
