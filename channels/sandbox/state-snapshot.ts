import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { orderWebhookEventSchema } from '../order-webhook';
import { listingSchema } from '../wire-format';
import { type ChannelWorld } from './channel-world';

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
});
type Snapshot = z.infer<typeof snapshotSchema>;

function snapshotOf(worlds: ReadonlyMap<string, ChannelWorld>): Snapshot {
  const channels: Snapshot['channels'] = {};
  for (const world of worlds.values())
    channels[world.code] = { listings: [...world.listings.values()], orders: [...world.orders.values()] };
  return { version: 1, channels };
}

/**
 * Optional persistence (SANDBOX_STATE_FILE) of listings and orders, for long demos. Jobs, idempotency
 * keys, faults and webhooks in flight are not kept: a restart still loses them, as an outage of a real
 * channel would, and our side must cope either way.
 */
export function restoreSnapshot(worlds: ReadonlyMap<string, ChannelWorld>, file: string): number {
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
  return restored;
}

/** Writes the snapshot every interval when it changed (via a temp file and rename, so a crash never leaves half a file). */
export function startSnapshotting(
  worlds: ReadonlyMap<string, ChannelWorld>,
  file: string,
  intervalMs: number,
): { flush(): void; stop(): void } {
  let lastWritten = '';
  const flush = (): void => {
    const json = JSON.stringify(snapshotOf(worlds));
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
