import { type ListingSnapshot } from '../../channels/channel-adapter';
import { compareListing, describeDrift } from '../../domain/channels/listing-drift';
import { pageSizeFor } from '../../domain/channels/stock-sync-settings';
import { type PrismaClient } from '../../prisma/client';
import { type ActivityDeps } from '../deps';
import { readListingPage, recordVerification, type ListingRange, type SyncListingRow } from './stock-sync-listings';
import { STOCK_SYNC_ACTOR, STOCK_SYNC_RECONCILIATION_KIND } from './stock-sync-run';
import { readSyncChannel, type SyncChannel } from './sync-channel';
import { keepHeartbeating } from './keep-heartbeating';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface VerifyStockPageInput {
  channelCode: string;
  reconciliationId: string;
  range: ListingRange;
  pageSize: number;
  driftToleranceUnits: number;
  /**
   * `first`: every published listing of the page is compared and drift is marked.
   * `final`: after the re-push, only listings still marked are compared again; what still differs
   * becomes a Discrepancy of the run and stays marked.
   */
  mode: 'first' | 'final';
}

export interface VerifyStockPageResult {
  lastSku: string | null;
  hasMore: boolean;
  checked: number;
  drifted: number;
  discrepancies: number;
}

/**
 * Reads back one page from the channel and records, per listing, what the channel shows next to what
 * we pushed. Listings we never managed to publish have nothing to compare and are left alone.
 */
export function createVerifyStockPage({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function verifyStockPage(input: VerifyStockPageInput): Promise<VerifyStockPageResult> {
    return withTemporalFailures(() =>
      keepHeartbeating(async (context) => {
        const channel = await readSyncChannel(prisma, input.channelCode);
        const limit = pageSizeFor({ pageSize: input.pageSize }, channel.maxBatchSize);
        const page = await readListingPage(prisma, { channelId: channel.id, ...input.range, limit, onlyDrifted: input.mode === 'final' });
        const lastSku = page.at(-1)?.sku ?? null;
        const published = page.filter((listing): listing is SyncListingRow & { publishedStock: number } => listing.publishedStock !== null);
        if (published.length === 0) return { lastSku, hasMore: page.length === limit, checked: 0, drifted: 0, discrepancies: 0 };

        const adapter = await channels.adapterFor(input.channelCode);
        const { listings: shown } = await adapter.readBack({
          skus: published.map((listing) => listing.sku),
          signal: context.cancellationSignal,
        });
        context.heartbeat({ step: 'read back', lastSku });

        const compared = published.map((listing, index) => {
          const snapshot = shown[index] ?? missingListing(listing.sku);
          const publishedState = { stock: listing.publishedStock, open: listing.open };
          return { listing, snapshot, publishedState, drift: compareListing(publishedState, snapshot, input.driftToleranceUnits) };
        });
        await recordVerification(
          prisma,
          compared.map(({ listing, snapshot, drift }) => ({
            listingId: listing.listingId,
            stock: snapshot.stock,
            open: snapshot.open,
            priceMinor: snapshot.price,
            drifted: drift.drifted,
          })),
        );

        const drifting = compared.filter(({ drift }) => drift.drifted);
        const discrepancies = input.mode === 'final' ? await raiseDiscrepancies(prisma, channel, input.reconciliationId, drifting) : 0;
        return { lastSku, hasMore: page.length === limit, checked: compared.length, drifted: drifting.length, discrepancies };
      }),
    );
  };
}

function missingListing(sku: string): ListingSnapshot {
  return { sku, listed: false, price: null, currency: null, stock: null, open: false };
}

/**
 * One open Discrepancy per channel listing: a listing still drifting in later runs is not raised again
 * while the first one waits for review (and a retried activity does not raise it twice).
 */
async function raiseDiscrepancies(
  prisma: PrismaClient,
  channel: SyncChannel,
  reconciliationId: string,
  drifting: readonly {
    listing: SyncListingRow & { publishedStock: number };
    snapshot: ListingSnapshot;
    publishedState: { stock: number; open: boolean };
  }[],
): Promise<number> {
  if (drifting.length === 0) return 0;
  const alreadyOpen = await prisma.discrepancy.findMany({
    where: {
      channelId: channel.id,
      productId: { in: drifting.map(({ listing }) => listing.productId) },
      resolution: 'PENDING',
      reconciliation: { summary: { path: ['kind'], equals: STOCK_SYNC_RECONCILIATION_KIND } },
    },
    select: { productId: true },
  });
  const known = new Set(alreadyOpen.map((discrepancy) => discrepancy.productId));
  const fresh = drifting.filter(({ listing }) => !known.has(listing.productId));
  const { count } = await prisma.discrepancy.createMany({
    data: fresh.map(({ listing, snapshot, publishedState }) => ({
      reconciliationId,
      channelId: channel.id,
      productId: listing.productId,
      systemQty: publishedState.stock,
      channelQty: snapshot.listed ? snapshot.stock : null,
      delta: (snapshot.listed ? (snapshot.stock ?? 0) : 0) - publishedState.stock,
      note: `${STOCK_SYNC_ACTOR}: still drifting after a re-push: ${describeDrift(publishedState, snapshot)}`,
    })),
  });
  return count;
}
