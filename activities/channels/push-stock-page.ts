import { type Context } from '@temporalio/activity';
import { type ChannelAdapter, type PushResult, type StockRow } from '../../channels/channel-adapter';
import { ChannelRejectedError } from '../../channels/channel-errors';
import { desiredListingState, needsListingStatusPush } from '../../domain/channels/sellable-stock';
import { pageSizeFor } from '../../domain/channels/stock-sync-settings';
import { type ActivityDeps } from '../deps';
import { readListingPage, recordPublishedOpen, recordPublishedStock, type ListingRange, type SyncListingRow } from './stock-sync-listings';
import { readSyncChannel } from './sync-channel';
import { keepHeartbeating } from './keep-heartbeating';
import { withTemporalFailures } from '../failures/to-temporal-failure';

export interface PushStockPageInput {
  syncRunId: string;
  channelCode: string;
  /** Numbers the page in the run; part of the idempotency keys. */
  pageNumber: number;
  range: ListingRange;
  pageSize: number;
  /** `sync`: the run's pass over every listing; `repush`: only the listings the read-back found drifting. */
  mode: 'sync' | 'repush';
}

export interface PushStockPageResult {
  /** SKU of the page's last listing (the next page's cursor); null when the range was empty. */
  lastSku: string | null;
  /** The page was full, so more listings may follow. */
  hasMore: boolean;
  listings: number;
  pushed: number;
  rejected: number;
  closed: number;
  reopened: number;
}

/**
 * Publishes one page of a channel's listings: sellable stock (available over active stores minus the
 * channel's safety buffer, never below zero) for every listing, then open/close calls for the listings
 * whose state changes (closed at or below the channel's threshold, reopened above it). What the channel
 * accepted is recorded on the listing; rows it refused keep their previous published values.
 */
export function createPushStockPage({ prisma, channels }: Pick<ActivityDeps, 'prisma' | 'channels'>) {
  return async function pushStockPage(input: PushStockPageInput): Promise<PushStockPageResult> {
    return withTemporalFailures(() =>
      keepHeartbeating(async (context) => {
        const channel = await readSyncChannel(prisma, input.channelCode);
        const limit = pageSizeFor({ pageSize: input.pageSize }, channel.maxBatchSize);
        const page = await readListingPage(prisma, { channelId: channel.id, ...input.range, limit, onlyDrifted: input.mode === 'repush' });
        const lastSku = page.at(-1)?.sku ?? null;
        const emptyResult = { lastSku, hasMore: false, listings: 0, pushed: 0, rejected: 0, closed: 0, reopened: 0 };
        if (page.length === 0) return emptyResult;

        const adapter = await channels.adapterFor(input.channelCode);
        const desired = page.map((listing) => ({
          listing,
          ...desiredListingState({ ...listing, safetyBuffer: channel.safetyBuffer, closeListingAtOrBelow: channel.closeListingAtOrBelow }),
        }));
        const keyBase = `${input.channelCode}:${input.pageNumber}${input.mode === 'repush' ? ':repush' : ''}`;

        const stockRows = desired.map(({ listing, quantity }) => ({ sku: listing.sku, quantity }));
        const stockResult = await pushStockRows(adapter, stockRows, `stock:${input.syncRunId}:${keyBase}`, context);
        const stockAccepted = acceptedIndexes(stockResult);
        await recordPublishedStock(
          prisma,
          desired
            .filter((_, index) => stockAccepted.has(index))
            .map(({ listing, quantity }) => ({ listingId: listing.listingId, quantity })),
        );
        context.heartbeat({ pageNumber: input.pageNumber, step: 'stock pushed' });

        // Only listings the channel holds can be opened or closed, so a refused stock row skips its status too.
        const statusChanges = desired.filter(
          ({ listing, open }, index) => stockAccepted.has(index) && needsStatusPush(listing, open, input.mode),
        );
        const statusKey = `listing:${input.syncRunId}:${keyBase}`;
        let statusAccepted = new Set<number>();
        if (statusChanges.length > 0) {
          const statusResult = await adapter.setListingOpen({
            rows: statusChanges.map(({ listing, open }) => ({ sku: listing.sku, open })),
            idempotencyKey: statusKey,
            signal: context.cancellationSignal,
          });
          statusAccepted = acceptedIndexes(statusResult);
          await recordPublishedOpen(
            prisma,
            statusChanges
              .filter((_, index) => statusAccepted.has(index))
              .map(({ listing, open }) => ({ listingId: listing.listingId, open })),
            statusKey,
          );
        }
        // An earlier attempt of this page that died after recording its changes left them under its key: they
        // are this page's closes and reopens all the same (the listing already shows the new state).
        const changedByEarlierAttempt = desired.filter(
          ({ listing, open }, index) => stockAccepted.has(index) && listing.openSetBy === statusKey && listing.open === open,
        );
        // A status sent again only because the channel showed otherwise is not a close or a reopen.
        const appliedChanges = [
          ...statusChanges.filter(({ listing, open }, index) => statusAccepted.has(index) && listing.open !== open).map(({ open }) => open),
          ...changedByEarlierAttempt.map(({ open }) => open),
        ];

        return {
          lastSku,
          hasMore: page.length === limit,
          listings: page.length,
          pushed: stockAccepted.size,
          rejected: stockRows.length - stockAccepted.size + (statusChanges.length - statusAccepted.size),
          closed: appliedChanges.filter((open) => !open).length,
          reopened: appliedChanges.filter((open) => open).length,
        };
      }),
    );
  };
}

/** In a re-push every drifting listing's state is sent again: the channel showed something else. */
function needsStatusPush(listing: SyncListingRow, desiredOpen: boolean, mode: PushStockPageInput['mode']): boolean {
  return mode === 'repush'
    ? listing.verifiedOpen !== desiredOpen || listing.open !== desiredOpen
    : needsListingStatusPush(desiredOpen, listing.open, listing.verifiedOpen);
}

function acceptedIndexes(result: PushResult): Set<number> {
  return new Set(result.results.filter((row) => row.ok).map((row) => row.index));
}

/**
 * Pushes stock under the page's business key. If an earlier attempt of this activity used the key with
 * other quantities (stock moved between attempts), the channel refuses the key as reused; stock writes
 * set absolute values, so sending today's quantities under a key naming this attempt is safe.
 */
async function pushStockRows(adapter: ChannelAdapter, rows: StockRow[], idempotencyKey: string, context: Context): Promise<PushResult> {
  try {
    return await adapter.pushStock({ rows, idempotencyKey, signal: context.cancellationSignal });
  } catch (error) {
    if (!(error instanceof ChannelRejectedError && error.channelErrorCode === 'IDEMPOTENCY_KEY_REUSED')) throw error;
    return adapter.pushStock({
      rows,
      idempotencyKey: `${idempotencyKey}:attempt-${context.info.attempt}`,
      signal: context.cancellationSignal,
    });
  }
}
