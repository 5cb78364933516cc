/**
 * What a MessageGateway throws. `retryable` tells the activity whether Temporal should try again
 * (gateway down, timeouts, 5xx) or whether the message can never be delivered as it is (the recipient
 * or the request was refused).
 */
export type MessageGatewayErrorType = 'MESSAGE_GATEWAY_UNAVAILABLE' | 'MESSAGE_RECIPIENT_REJECTED' | 'MESSAGE_REJECTED';

export abstract class MessageGatewayError extends Error {
  abstract readonly type: MessageGatewayErrorType;
  abstract readonly retryable: boolean;
}

/** Connection refused or reset, timeouts, 5xx, 429: try again later. */
export class MessageGatewayUnavailableError extends MessageGatewayError {
  override readonly name = 'MessageGatewayUnavailableError';
  readonly type = 'MESSAGE_GATEWAY_UNAVAILABLE';
  readonly retryable = true;

  constructor(
    message: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The gateway will not deliver to this recipient (not a valid number or address, opted out). */
export class MessageRecipientRejectedError extends MessageGatewayError {
  override readonly name = 'MessageRecipientRejectedError';
  readonly type = 'MESSAGE_RECIPIENT_REJECTED';
  readonly retryable = false;
}

/** Any other refusal (4xx): a bad key, a message the gateway does not accept. Sending it again will not help. */
export class MessageRejectedError extends MessageGatewayError {
  override readonly name = 'MessageRejectedError';
  readonly type = 'MESSAGE_REJECTED';
  readonly retryable = false;

  constructor(
    message: string,
    readonly httpStatus: number,
    readonly gatewayErrorCode: string | null,
  ) {
    super(message);
  }
}

export function isMessageGatewayError(error: unknown): error is MessageGatewayError {
  return error instanceof MessageGatewayError;
}
