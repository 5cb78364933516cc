/**
 * The errors every ChannelAdapter throws. Activities map `type` to an ApplicationFailure type and
 * `retryable` to whether Temporal should try again, so a workflow can tell "the channel said no" from
 * "the channel is not answering right now".
 */
export type ChannelErrorType = 'CHANNEL_RATE_LIMITED' | 'CHANNEL_UNAVAILABLE' | 'CHANNEL_REJECTED' | 'CHANNEL_NOT_CONFIGURED';

export abstract class ChannelError extends Error {
  abstract readonly type: ChannelErrorType;
  abstract readonly retryable: boolean;

  constructor(
    readonly channelCode: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[channel ${channelCode}] ${message}`, options);
  }
}

/** The channel kept answering 429 until the adapter's retry budget ran out. */
export class ChannelRateLimitedError extends ChannelError {
  override readonly name = 'ChannelRateLimitedError';
  readonly type = 'CHANNEL_RATE_LIMITED';
  readonly retryable = true;

  constructor(
    channelCode: string,
    message: string,
    /** What the channel last asked us to wait, so the caller can schedule its own retry after it. */
    readonly retryAfterMs: number | null,
    readonly attempts: number,
  ) {
    super(channelCode, message);
  }
}

/** Connection refused or reset, timeouts, 5xx: the channel may be down; try again later. */
export class ChannelUnavailableError extends ChannelError {
  override readonly name = 'ChannelUnavailableError';
  readonly type = 'CHANNEL_UNAVAILABLE';
  readonly retryable = true;

  constructor(
    channelCode: string,
    message: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(channelCode, message, options);
  }
}

/** The channel understood the request and refused it (4xx): sending it again will not help. */
export class ChannelRejectedError extends ChannelError {
  override readonly name = 'ChannelRejectedError';
  readonly type = 'CHANNEL_REJECTED';
  readonly retryable = false;

  constructor(
    channelCode: string,
    message: string,
    readonly httpStatus: number,
    /** The channel's own error code, e.g. INVALID_TRANSITION or IDEMPOTENCY_KEY_REUSED. */
    readonly channelErrorCode: string | null,
  ) {
    super(channelCode, message);
  }
}

/** This deployment cannot talk to the channel at all (no API key): a person must configure it first. */
export class ChannelNotConfiguredError extends ChannelError {
  override readonly name = 'ChannelNotConfiguredError';
  readonly type = 'CHANNEL_NOT_CONFIGURED';
  readonly retryable = false;
}

export function isChannelError(error: unknown): error is ChannelError {
  return error instanceof ChannelError;
}
