import { type PrismaClient } from '../../prisma/client';

/** One listing of a channel with the facts stock sync needs, read in SKU order. */
export interface SyncListingRow {
  listingId: string;
  productId: string;
  sku: string;
  productActive: boolean;
  /** On hand minus reserved over the active stores (less what a store cut off by an outage holds back). */
  available: number;
  open: boolean;
  publishedStock: number | null;
  verifiedOpen: boolean | null;
  driftDetectedAt: Date | null;
  /** The status push that last set `open`. */
  openSetBy: string | null;
}

/** A slice of a channel's listings by SKU: after `afterSku` (exclusive), up to `throughSku` (inclusive). */
export interface ListingRange {
  afterSku: string | null;
  throughSku: string | null;
}

export interface ListingPageQuery extends ListingRange {
  channelId: string;
  limit: number;
  /** Only listings currently marked as drifting (the re-push and final check of a run). */
  onlyDrifted: boolean;
}

/**
 * One page of a channel's listings with available stock summed over active stores, in one query: the
 * SKU cursor keeps pages stable while stock moves, and nothing outside the page is read.
 */
export async function readListingPage(prisma: PrismaClient, query: ListingPageQuery): Promise<SyncListingRow[]> {
  return prisma.$queryRaw<SyncListingRow[]>`
    SELECT l.id AS "listingId", p.id AS "productId", p.sku, p.active AS "productActive",
           -- A store cut off by an outage holds back online_hold_percent of its available stock (docs/outages.md).
           COALESCE(SUM(i.on_hand - i.reserved - (i.on_hand - i.reserved) * s.online_hold_percent / 100) FILTER (WHERE s.active), 0)::int AS available,
           l.open, l.published_stock AS "publishedStock", l.verified_open AS "verifiedOpen",
           l.drift_detected_at AS "driftDetectedAt", l.open_set_by AS "openSetBy"
      FROM channel_listings l
      JOIN products p ON p.id = l.product_id
      LEFT JOIN inventory_levels i ON i.product_id = l.product_id
      LEFT JOIN stores s ON s.id = i.store_id
     WHERE l.channel_id = ${query.channelId}::uuid
       AND (${query.afterSku}::text IS NULL OR p.sku > ${query.afterSku}::text)
       AND (${query.throughSku}::text IS NULL OR p.sku <= ${query.throughSku}::text)
       AND (NOT ${query.onlyDrifted}::boolean OR l.drift_detected_at IS NOT NULL)
     GROUP BY l.id, p.id
     ORDER BY p.sku
     LIMIT ${query.limit}`;
}

/** Records the stock the channel accepted for these listings (one statement for the whole page). */
export async function recordPublishedStock(prisma: PrismaClient, rows: readonly { listingId: string; quantity: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await prisma.$executeRaw`
    UPDATE channel_listings l
       SET published_stock = v.quantity, last_pushed_at = now(), updated_at = now()
      FROM unnest(${rows.map((row) => row.listingId)}::uuid[], ${rows.map((row) => row.quantity)}::int[]) AS v(id, quantity)
     WHERE l.id = v.id`;
}

/** Records the open/closed state the channel accepted for these listings, and the push (`pushKey`) that set it. */
export async function recordPublishedOpen(
  prisma: PrismaClient,
  rows: readonly { listingId: string; open: boolean }[],
  pushKey: string,
): Promise<void> {
  if (rows.length === 0) return;
  await prisma.$executeRaw`
    UPDATE channel_listings l
       SET open = v.open, open_set_by = ${pushKey}, updated_at = now()
      FROM unnest(${rows.map((row) => row.listingId)}::uuid[], ${rows.map((row) => row.open)}::boolean[]) AS v(id, open)
     WHERE l.id = v.id`;
}

export interface VerifiedListing {
  listingId: string;
  stock: number | null;
  open: boolean;
  priceMinor: number | null;
  drifted: boolean;
}

/**
 * Records what the read-back saw. A drifting listing keeps the time drift was first seen (so the UI can
 * say "drifting since"); one that agrees again is cleared.
 */
export async function recordVerification(prisma: PrismaClient, rows: readonly VerifiedListing[]): Promise<void> {
  if (rows.length === 0) return;
  await prisma.$executeRaw`
    UPDATE channel_listings l
       SET verified_stock = v.stock, verified_open = v.open, verified_price_minor = v.price,
           last_verified_at = now(), updated_at = now(),
           drift_detected_at = CASE WHEN v.drifted THEN COALESCE(l.drift_detected_at, now()) ELSE NULL END
      FROM unnest(${rows.map((row) => row.listingId)}::uuid[], ${rows.map((row) => row.stock)}::int[],
                  ${rows.map((row) => row.open)}::boolean[], ${rows.map((row) => row.priceMinor)}::int[],
                  ${rows.map((row) => row.drifted)}::boolean[]) AS v(id, stock, open, price, drifted)
     WHERE l.id = v.id`;
}
