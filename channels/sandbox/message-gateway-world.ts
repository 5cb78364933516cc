import { randomUUID } from 'node:crypto';
import { type AcceptedMessage, type SendMessageBody } from '../../message-gateway/message-wire-format';
import { type ChannelFaults, noFaults } from './channel-faults';

/** A message as the recipient's phone or mailbox shows it. */
export type DeliveredMessage = AcceptedMessage & SendMessageBody & { idempotencyKey: string };

/** Name of the gateway in the event log and in idempotency scopes (no channel is called that). */
export const GATEWAY_CODE = 'gateway';

/**
 * The SMS / WhatsApp / e-mail provider of the demo: what it delivered (newest last, bounded), the
 * faults it is told to show, and its API key. In memory, like the channels: it is the outside world.
 */
export class MessageGatewayWorld {
  readonly code = GATEWAY_CODE;
  faults: ChannelFaults = { ...noFaults };
  /** Well-formed numbers and addresses the provider cannot deliver to (landlines, opted out, bouncing). */
  readonly unreachableRecipients = new Set<string>();
  private messages: DeliveredMessage[] = [];

  constructor(
    readonly apiKey: string,
    private readonly capacity: number,
  ) {}

  deliver(body: SendMessageBody, idempotencyKey: string): DeliveredMessage {
    const message: DeliveredMessage = { ...body, idempotencyKey, messageId: randomUUID(), acceptedAt: new Date().toISOString() };
    this.messages.push(message);
    if (this.messages.length > this.capacity) this.messages.splice(0, this.messages.length - this.capacity);
    return message;
  }

  /** The message delivered under this key, if any (kept across a restart with SANDBOX_STATE_FILE, like a refund's key). */
  deliveredUnder(idempotencyKey: string): DeliveredMessage | undefined {
    return this.messages.find((message) => message.idempotencyKey === idempotencyKey);
  }

  /** Every delivered message, oldest first (the state snapshot). */
  all(): readonly DeliveredMessage[] {
    return this.messages;
  }

  /** Puts back what a snapshot kept. */
  restore(messages: readonly DeliveredMessage[]): void {
    this.messages = [...messages].slice(-this.capacity);
  }

  delivered(filter: { recipient?: string; limit: number }): DeliveredMessage[] {
    return this.messages.filter((message) => filter.recipient === undefined || message.recipient === filter.recipient).slice(-filter.limit);
  }

  reset(): void {
    this.messages = [];
    this.faults = { ...noFaults };
    this.unreachableRecipients.clear();
  }
}
