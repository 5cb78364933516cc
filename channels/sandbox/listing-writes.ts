import { z } from 'zod';
import { currencySchema, minorUnitsSchema, skuSchema, type WireListing, type WireRowResult } from '../wire-format';
import { type ChannelWorld, type ListingWriteKind } from './channel-world';

const rowSchemas = {
  prices: z.object({ sku: skuSchema, price: minorUnitsSchema, currency: currencySchema }),
  stock: z.object({ sku: skuSchema, quantity: z.number().int().min(0).max(1_000_000) }),
  'listing-status': z.object({ sku: skuSchema, open: z.boolean() }),
} as const;

type RowOf<K extends ListingWriteKind> = z.infer<(typeof rowSchemas)[K]>;

/** Decides, per valid row, whether the channel lies about applying it (the accept-but-drop fault). */
export type DropDecision = (sku: string) => boolean;

/**
 * Applies a batch of listing writes row by row, the way a marketplace's bulk endpoint does: each row
 * is validated and applied on its own, so one bad row fails alone and the others still land.
 */
export function applyListingWrites(
  world: ChannelWorld,
  kind: ListingWriteKind,
  rows: readonly unknown[],
  shouldDrop: DropDecision,
): WireRowResult[] {
  const seenSkus = new Set<string>();
  return rows.map((raw, index) => {
    const parsed = rowSchemas[kind].safeParse(raw);
    const sku = skuOf(raw);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ');
      return { index, sku, ok: false, error: { code: 'INVALID_ROW', message } };
    }
    if (seenSkus.has(parsed.data.sku)) {
      return {
        index,
        sku,
        ok: false,
        error: { code: 'DUPLICATE_SKU_IN_BATCH', message: `SKU ${sku} appears more than once in this batch` },
      };
    }
    seenSkus.add(parsed.data.sku);
    const refusal = refusalOf(world, kind, parsed.data);
    if (refusal) return { index, sku, ok: false, error: refusal };
    if (!shouldDrop(parsed.data.sku)) applyRow(world, kind, parsed.data);
    return { index, sku, ok: true };
  });
}

function skuOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'sku' in raw && typeof raw.sku === 'string') return raw.sku;
  return '';
}

function refusalOf(world: ChannelWorld, kind: ListingWriteKind, row: RowOf<ListingWriteKind>): { code: string; message: string } | null {
  if (kind === 'prices' && 'currency' in row && row.currency !== world.currency) {
    return { code: 'CURRENCY_MISMATCH', message: `this channel sells in ${world.currency}, not ${row.currency}` };
  }
  // Opening or closing needs a listing; prices and stock create one, as a first feed would.
  if (kind === 'listing-status' && !world.listings.has(row.sku)) {
    return { code: 'LISTING_NOT_FOUND', message: `no listing for SKU ${row.sku}` };
  }
  return null;
}

function applyRow(world: ChannelWorld, kind: ListingWriteKind, row: RowOf<ListingWriteKind>): void {
  const listing: WireListing = world.listings.get(row.sku) ?? {
    sku: row.sku,
    price: null,
    currency: world.currency,
    stock: null,
    open: true,
    updatedAt: '',
  };
  if ('price' in row) listing.price = row.price;
  if ('quantity' in row) listing.stock = row.quantity;
  if ('open' in row) listing.open = row.open;
  listing.updatedAt = new Date().toISOString();
  world.listings.set(row.sku, listing);
}
