import { setTimeout as sleep } from 'node:timers/promises';
import { errorBodySchema } from '../channels/wire-format';
import { fullJitterDelay } from '../channels/http/backoff';
import { type MessageGateway, type OutgoingMessage } from './message-gateway';
import { MessageGatewayUnavailableError, MessageRecipientRejectedError, MessageRejectedError } from './message-gateway-errors';
import { type MessageGatewaySettings } from './message-gateway-settings';
import { type AcceptedMessage, acceptedMessageSchema, RECIPIENT_REJECTED } from './message-wire-format';

type AttemptOutcome = { ok: true; accepted: AcceptedMessage } | { ok: false; reason: string; cause?: unknown };

/** Not "no" but "not now": server trouble, timeouts, rate limits, the same key still in flight. */
function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 429;
}

/**
 * The message gateway over HTTP (`POST {baseUrl}/messages`, Bearer key, `Idempotency-Key` = the
 * message's business key). Transient failures are retried with full-jitter backoff up to the
 * configured attempts, then thrown as MessageGatewayUnavailableError (retryable); refusals are thrown
 * at once as MessageRecipientRejectedError or MessageRejectedError (not retryable).
 */
export class HttpMessageGateway implements MessageGateway {
  constructor(
    private readonly settings: MessageGatewaySettings,
    private readonly onRetry?: (event: { attempt: number; delayMs: number; reason: string }) => void,
  ) {}

  async send(message: OutgoingMessage): Promise<AcceptedMessage> {
    const { retry } = this.settings;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(message);
      if (outcome.ok) return outcome.accepted;
      if (attempt >= retry.maxAttempts) {
        throw new MessageGatewayUnavailableError(`message gateway gave up after ${attempt} attempt(s): ${outcome.reason}`, attempt, {
          cause: outcome.cause,
        });
      }
      const delayMs = fullJitterDelay(attempt, retry);
      this.onRetry?.({ attempt, delayMs, reason: outcome.reason });
      await sleep(delayMs, undefined, { signal: message.signal });
    }
  }

  private async attempt(message: OutgoingMessage): Promise<AttemptOutcome> {
    const timeout = AbortSignal.timeout(this.settings.requestTimeoutMs);
    const body =
      message.channel === 'EMAIL'
        ? { channel: message.channel, recipient: message.recipient, subject: message.subject, text: message.text }
        : { channel: message.channel, recipient: message.recipient, text: message.text };
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.settings.baseUrl}/messages`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${this.settings.apiKey}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Idempotency-Key': message.idempotencyKey,
        },
        body: JSON.stringify(body),
        signal: message.signal ? AbortSignal.any([message.signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      if (message.signal?.aborted) throw error;
      return {
        ok: false,
        reason: timeout.aborted ? `no answer within ${this.settings.requestTimeoutMs} ms` : `connection failed (${networkErrorOf(error)})`,
        cause: error,
      };
    }
    if (response.ok) {
      const parsed = acceptedMessageSchema.safeParse(jsonOrUndefined(text));
      if (parsed.success) return { ok: true, accepted: parsed.data };
      throw new MessageRejectedError(
        `message gateway answered ${response.status} with a body this client does not understand`,
        response.status,
        'UNEXPECTED_RESPONSE',
      );
    }
    const gatewayError = errorBodySchema.safeParse(jsonOrUndefined(text));
    const reason = `HTTP ${response.status}${gatewayError.success ? ` ${gatewayError.data.error}: ${gatewayError.data.message}` : ''}`;
    if (isTransientStatus(response.status)) return { ok: false, reason };
    if (gatewayError.success && gatewayError.data.error === RECIPIENT_REJECTED)
      throw new MessageRecipientRejectedError(gatewayError.data.message);
    throw new MessageRejectedError(
      `message refused by the gateway: ${reason}`,
      response.status,
      gatewayError.success ? gatewayError.data.error : null,
    );
  }
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** undici hides the socket error in `cause`. */
function networkErrorOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message;
  return error.message;
}
