import { type Context } from '@temporalio/activity';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ChannelAdapter, type PriceRow } from '../../channels/channel-adapter';
import { ChannelRejectedError } from '../../channels/channel-errors';

/** What read-back shows per SKU: the price, or null when the channel lists it without one (or not at all). */
export async function shownPricesOf(
  adapter: ChannelAdapter,
  skus: readonly string[],
  context: Context,
): Promise<Map<string, number | null>> {
  if (skus.length === 0) return new Map();
  const { listings } = await adapter.readBack({ skus, signal: context.cancellationSignal });
  return new Map(listings.map((listing) => [listing.sku, listing.listed ? listing.price : null]));
}

/**
 * Pushes under the page's key. A key an earlier attempt used with other rows (a SKU it fixed is no longer
 * sent) is refused as reused; price writes set absolute values, so the rows go again under a key naming this
 * attempt. The same rows again are the channel's replay: nothing is written twice.
 */
async function pushUnderKey(adapter: ChannelAdapter, rows: PriceRow[], idempotencyKey: string, context: Context): Promise<Set<string>> {
  const send = (key: string) => adapter.pushPrices({ rows, idempotencyKey: key, signal: context.cancellationSignal });
  let result;
  try {
    result = await send(idempotencyKey);
  } catch (error) {
    if (!(error instanceof ChannelRejectedError && error.channelErrorCode === 'IDEMPOTENCY_KEY_REUSED')) throw error;
    result = await send(`${idempotencyKey}:attempt-${context.info.attempt}`);
  }
  return new Set(result.results.filter((row) => !row.ok).map((row) => row.sku));
}

export interface PriceTarget {
  sku: string;
  priceMinor: number;
  currency: string;
}

export interface PushedPrices {
  /** SKUs read back at their target price. */
  verified: Set<string>;
  /** The others, with what the channel shows (null: no price); refused rows among them. */
  wrong: Map<string, number | null>;
  refused: Set<string>;
}

/**
 * Pushes each target that read-back does not show yet (`shownBefore`), waits, reads back, re-pushes what still
 * differs once (`<key>:repush`) and reads back again. Targets already right are verified without a write, so a
 * retried attempt that finds its first attempt's push applied sends nothing.
 */
export async function pushAndVerifyPrices(
  adapter: ChannelAdapter,
  targets: readonly PriceTarget[],
  shownBefore: ReadonlyMap<string, number | null>,
  idempotencyKey: string,
  readBackDelayMs: number,
  context: Context,
): Promise<PushedPrices> {
  const verified = new Set<string>();
  const refused = new Set<string>();
  let wrong = targets.filter((target) => {
    if (shownBefore.get(target.sku) !== target.priceMinor) return true;
    verified.add(target.sku);
    return false;
  });
  let shown = new Map<string, number | null>();
  for (const key of [idempotencyKey, `${idempotencyKey}:repush`]) {
    if (wrong.length === 0) break;
    const rows = wrong.map(({ sku, priceMinor, currency }) => ({ sku, price: priceMinor, currency }));
    for (const sku of await pushUnderKey(adapter, rows, key, context)) refused.add(sku);
    context.heartbeat({ step: `pushed ${rows.length} prices` });
    await sleep(readBackDelayMs, undefined, { signal: context.cancellationSignal });
    shown = await shownPricesOf(
      adapter,
      wrong.map((target) => target.sku),
      context,
    );
    wrong = wrong.filter((target) => {
      if (shown.get(target.sku) !== target.priceMinor) return true;
      verified.add(target.sku);
      refused.delete(target.sku);
      return false;
    });
  }
  return { verified, wrong: new Map(wrong.map((target) => [target.sku, shown.get(target.sku) ?? null])), refused };
}
