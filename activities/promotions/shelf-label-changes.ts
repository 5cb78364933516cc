import { type ShelfLabelPhase, type ShelfLabelSku } from '../../domain/promotions/promotion-tasks';
import { type ChannelAdapterSource } from '../channels/channel-adapter-source';
import { type PrismaClient } from '../../prisma/client';

/** Read-back page of the till for SKUs the end did not restore (hand-changed, or a restore that failed). */
const READ_BACK_PAGE = 500;

export interface ShelfLabelChange extends ShelfLabelSku {
  productId: string;
}

/**
 * The SKUs whose shelf price changes in `phase`, from the POS channels' verified changes (the till is
 * the truth the shelf must match): START, every SKU the till shows at the promo price (old: what it
 * showed before); END, every one of those the till no longer shows at the promo price: restored (new:
 * the snapshot) or changed by hand since (new: what the till shows now, read back). A SKU still at the
 * promo price at the end (restore not verified) keeps its label.
 */
export async function shelfLabelChanges(
  deps: { prisma: PrismaClient; channels: ChannelAdapterSource },
  promotionId: string,
  phase: ShelfLabelPhase,
): Promise<Map<string, ShelfLabelChange>> {
  const posChannels = await deps.prisma.promotionChannel.findMany({
    where: { promotionId, channel: { kind: 'POS' } },
    select: { channel: { select: { id: true, code: true } } },
    orderBy: { channel: { code: 'asc' } },
  });
  const changes = new Map<string, ShelfLabelChange>();
  for (const { channel } of posChannels) {
    const applied = await deps.prisma.priceChange.findMany({
      where: {
        promotionId,
        channelId: channel.id,
        idempotencyKey: { startsWith: `price:${promotionId}:${channel.code}:` },
        // REVERTED: verified at the promo price once, restored since (the start's labels of a finished run).
        status: { in: ['APPLIED', 'REVERTED'] },
      },
      select: {
        productId: true,
        oldPriceMinor: true,
        newPriceMinor: true,
        currency: true,
        status: true,
        product: { select: { sku: true, name: true } },
      },
    });
    if (phase === 'START') {
      for (const row of applied)
        if (!changes.has(row.product.sku))
          changes.set(row.product.sku, {
            productId: row.productId,
            sku: row.product.sku,
            name: row.product.name,
            oldPriceMinor: row.oldPriceMinor,
            newPriceMinor: row.newPriceMinor,
            currency: row.currency,
          });
      continue;
    }
    const restores = await deps.prisma.priceChange.findMany({
      where: {
        promotionId,
        channelId: channel.id,
        idempotencyKey: { startsWith: `restore:${promotionId}:${channel.code}:` },
        status: 'APPLIED',
      },
      select: { productId: true, newPriceMinor: true },
    });
    const restoredTo = new Map(restores.map((row) => [row.productId, row.newPriceMinor]));
    const notRestored = applied.filter((row) => !restoredTo.has(row.productId));
    // A till that does not answer: those SKUs keep their labels (the till still shows what it showed).
    const shownNow = await tillPrices(
      deps.channels,
      channel.code,
      notRestored.map((row) => row.product.sku),
    ).catch(() => new Map<string, number>());
    for (const row of applied) {
      if (changes.has(row.product.sku)) continue;
      const newPriceMinor = restoredTo.get(row.productId) ?? shownNow.get(row.product.sku) ?? null;
      if (newPriceMinor === null || newPriceMinor === row.newPriceMinor) continue;
      changes.set(row.product.sku, {
        productId: row.productId,
        sku: row.product.sku,
        name: row.product.name,
        oldPriceMinor: row.newPriceMinor,
        newPriceMinor,
        currency: row.currency,
      });
    }
  }
  return changes;
}

async function tillPrices(channels: ChannelAdapterSource, channelCode: string, skus: string[]): Promise<Map<string, number>> {
  const shown = new Map<string, number>();
  if (skus.length === 0) return shown;
  const adapter = await channels.adapterFor(channelCode);
  for (let offset = 0; offset < skus.length; offset += READ_BACK_PAGE) {
    const { listings } = await adapter.readBack({ skus: skus.slice(offset, offset + READ_BACK_PAGE) });
    for (const listing of listings) if (listing.listed && listing.price !== null) shown.set(listing.sku, listing.price);
  }
  return shown;
}

/** Which stores carry which of the promotion's SKUs: active stores selling in the promotion's currency that stock them. */
export async function storesStocking(prisma: PrismaClient, promotionId: string): Promise<Map<string, Set<string>>> {
  const rows = await prisma.$queryRaw<{ code: string; product_id: string }[]>`
    SELECT s.code, il.product_id::text AS product_id
    FROM inventory_levels il
    JOIN stores s ON s.id = il.store_id
    JOIN promotion_skus ps ON ps.product_id = il.product_id AND ps.promotion_id = ${promotionId}::uuid
    JOIN promotions pr ON pr.id = ps.promotion_id
    WHERE s.active AND s.currency = pr.currency`;
  const byStore = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = byStore.get(row.code) ?? new Set<string>();
    set.add(row.product_id);
    byStore.set(row.code, set);
  }
  return byStore;
}
