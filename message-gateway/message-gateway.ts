import { type AcceptedMessage, type MessageChannel } from './message-wire-format';

export type { AcceptedMessage, MessageChannel };

export interface OutgoingMessage {
  channel: MessageChannel;
  recipient: string;
  /** E-mail only. */
  subject?: string;
  text: string;
  /**
   * Business key of the message (the outbox row's idempotency key): sending the same key again returns
   * the first answer and delivers nothing new, so a retried activity never texts a customer twice.
   */
  idempotencyKey: string;
  signal?: AbortSignal;
}

/**
 * Whatever delivers SMS, WhatsApp and e-mail to customers and staff: the sandbox's gateway in dev and
 * tests, a provider's adapter in production. Throws the errors of message-gateway-errors.ts.
 */
export interface MessageGateway {
  send(message: OutgoingMessage): Promise<AcceptedMessage>;
}
