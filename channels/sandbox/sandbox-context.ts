import { type ChannelWorld } from './channel-world';
import { type EventLog } from './event-log';
import { type IdempotencyStore } from './idempotency-store';
import { type MessageGatewayWorld } from './message-gateway-world';
import { type PaymentProviderWorld } from './payment-provider-world';
import { type SeededRandom } from './seeded-random';
import { type WebhookDispatcher } from './webhook-dispatcher';

export interface SandboxSettings {
  currency: string;
  asyncJobDelayMs: number;
  readBackMaxSkus: number;
  stormRetryAfterSeconds: number;
}

/** Everything the sandbox's routes share; built once by createSandboxApp. */
export interface SandboxContext {
  settings: SandboxSettings;
  worlds: ReadonlyMap<string, ChannelWorld>;
  apiKeys: ReadonlyMap<string, string>;
  random: SeededRandom;
  /** The seed last applied, shown by GET /_control so a run can be repeated. */
  seed: number;
  log: EventLog;
  idempotency: IdempotencyStore;
  webhooks: WebhookDispatcher;
  /** The SMS / WhatsApp / e-mail provider customers' messages go through. */
  gateway: MessageGatewayWorld;
  /** The payment provider the own web store's checkout pays through (refunds of web orders). */
  payments: PaymentProviderWorld;
}
