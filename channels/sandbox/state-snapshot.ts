import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { acceptedMessageSchema, sendMessageBodySchema } from '../../message-gateway/message-wire-format';
import { orderWebhookEventSchema } from '../order-webhook';
import { listingSchema } from '../wire-format';
import { type ChannelWorld } from './channel-world';
import { type MessageGatewayWorld } from './message-gateway-world';

const deliveredMessageSchema = sendMessageBodySchema.and(acceptedMessageSchema).and(z.object({ idempotencyKey: z.string() }));

const snapshotSchema = z.object({
  version: z.literal(1),
  channels: z.record(
    z.string(),
    z.object({
      listings: z.array(listingSchema),
      orders: z.array(
        orderWebhookEventSchema.shape.order.extend({
          sequence: z.number().int().min(0),
          refunds: z.array(
            z.object({
              refundId: z.string(),
              idempotencyKey: z.string(),
              amount: z.number().int(),
              currency: z.string(),
              reason: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        }),
      ),
    }),
  ),
  /** What the message gateway delivered (the customers' phones), with each message's key; absent in older files. */
  gateway: z.object({ messages: z.array(deliveredMessageSchema) }).optional(),
});
type Snapshot = z.infer<typeof snapshotSchema>;

function snapshotOf(worlds: ReadonlyMap<string, ChannelWorld>, gateway: MessageGatewayWorld | undefined): Snapshot {
  const channels: Snapshot['channels'] = {};
  for (const world of worlds.values())
    channels[world.code] = { listings: [...world.listings.values()], orders: [...world.orders.values()] };
  return { version: 1, channels, ...(gateway !== undefined && { gateway: { messages: [...gateway.all()] } }) };
}

/**
 * Optional persistence (SANDBOX_STATE_FILE) of listings and orders, for long demos, and of the messages the
 * gateway delivered (a customer's phone keeps its messages when the provider restarts; their keys keep a
 * resend single). Jobs, idempotency keys, faults and webhooks in flight are not kept: a restart still loses
 * them, as an outage of a real channel would, and our side must cope either way.
 */
export function restoreSnapshot(worlds: ReadonlyMap<string, ChannelWorld>, file: string, gateway?: MessageGatewayWorld): number {
  if (!existsSync(file)) return 0;
  const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  let restored = 0;
  for (const [code, saved] of Object.entries(snapshot.channels)) {
    const world = worlds.get(code);
    if (!world) continue;
    for (const listing of saved.listings) world.listings.set(listing.sku, listing);
    for (const order of saved.orders) world.orders.set(order.externalId, order);
    restored += saved.listings.length + saved.orders.length;
  }
  if (gateway !== undefined && snapshot.gateway !== undefined) {
    gateway.restore(snapshot.gateway.messages);
    restored += snapshot.gateway.messages.length;
  }
  return restored;
}

/** Writes the snapshot every interval when it changed (via a temp file and rename, so a crash never leaves half a file). */
export function startSnapshotting(
  worlds: ReadonlyMap<string, ChannelWorld>,
  file: string,
  intervalMs: number,
  gateway?: MessageGatewayWorld,
): { flush(): void; stop(): void } {
  let lastWritten = '';
  const flush = (): void => {
    const json = JSON.stringify(snapshotOf(worlds, gateway));
    if (json === lastWritten) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, json);
    renameSync(`${file}.tmp`, file);
    lastWritten = json;
  };
  const timer = setInterval(flush, intervalMs);
  timer.unref();
  return {
    flush,
    stop: () => {
      clearInterval(timer);
      flush();
    },
  };
}
