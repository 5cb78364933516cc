import { type PaymentProvider } from '../channels/payments/payment-provider';
import { type MessageGateway } from '../message-gateway/message-gateway';
import { type InventorySettings } from '../domain/inventory/settings';
import { type PrismaClient } from '../prisma/client';
import { type ChannelAdapterSource } from './channels/channel-adapter-source';

/** What every activity factory may use. One instance of each per worker process, injected. */
export interface ActivityDeps {
  prisma: PrismaClient;
  /** One adapter per channel, built from its record; shared so the client-side rate limits hold. */
  channels: ChannelAdapterSource;
  /** Delivers the notifications outbox's messages (SMS, WhatsApp, e-mail). */
  messageGateway: MessageGateway;
  /** The web store's payment provider (its orders are refunded through it); absent: such refunds go to a person. */
  payments?: PaymentProvider;
  /** Limits and retry settings of stock transactions (INVENTORY_* config); the defaults when absent. */
  inventory?: InventorySettings;
}
