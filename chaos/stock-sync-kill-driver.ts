import { type Client } from '@temporalio/client';
import { type StockSyncSettings } from '../domain/channels/stock-sync-settings';
import { eventually } from '../test/support/eventually';
import type { syncStock } from '../workflows/inventory/sync-stock';
import { type SyncStockResult } from '../workflows/inventory/sync-stock';
import { type RunWrites, writesOf } from './stock-sync-write-log';
import { type ExpectedListing, type StockSyncChaosWorld } from './stock-sync-world';
import { withDeadline } from './with-deadline';

/** The one worker process of the run: SIGKILL it, start a replacement. */
export interface KillableWorker {
  kill(): Promise<void>;
  start(): Promise<void>;
}

export interface KilledStockSyncRun {
  syncRunId: string;
  /** Stock pages written (and pages in the whole push) when the worker died: mid-push is fewer than all. */
  pagesAtKill: number;
  pages: number;
  /** Activities Temporal had out at the kill (the channel's child run): `pushStockPage STARTED` is a kill inside a page push. */
  pendingAtKill: string[];
  result?: SyncStockResult;
  error?: string;
  writes: RunWrites[];
  /** Writes of the run the channel answered from its idempotency store (a retried page re-sending a batch it had taken). */
  replays: number;
  /** SKUs the channel shows other than the round's sellable stock and state. */
  wrongAtChannel: string[];
  /** Listings whose channel_listings row disagrees (published, open, read back, drift mark). */
  wrongInOurRows: string[];
  /** The summary's counts that disagree with what was done (not an effect; named under the table). */
  wrongTotals: string[];
  killedAt: number;
  /** When the channel saw a listing write again (new or replayed) after the kill. */
  movedAt?: number;
}

const POLL_MS = 50;
/** Longest the kill waits for a started page push once enough pages are written (then it kills wherever the run is). */
const AIM_MS = 5000;
/** temporal.api.enums.v1.PendingActivityState, by number. */
const PENDING_STATES = ['UNSPECIFIED', 'SCHEDULED', 'STARTED', 'CANCEL_REQUESTED', 'PAUSED', 'PAUSE_REQUESTED'];

/**
 * One production stock-sync run (`syncStock`, started as the schedule does, over the world's channel) whose
 * worker is SIGKILLed once the channel's idempotency log shows `killAfterPages` stock pages written, and
 * replaced; the run is awaited to its end (within `runDeadlineMs` of its start) and then counted where the
 * outside world sees it: the channel's write log per key, what it shows per SKU, and our channel_listings.
 * Round `round` sets every SKU's stock anew first.
 */
export async function driveKilledStockSync(options: {
  client: Client;
  taskQueue: string;
  world: StockSyncChaosWorld;
  worker: KillableWorker;
  round: number;
  settings: Partial<StockSyncSettings> & Pick<StockSyncSettings, 'pageSize'>;
  killAfterPages: number;
  runDeadlineMs: number;
}): Promise<KilledStockSyncRun> {
  const { client, world, worker, round } = options;
  await world.setStockForRound(round);
  const expectedStatusRows = await world.expectedStatusRows(round);
  const expected = world.expectedListings(round);
  const pages = Math.ceil(world.skus.length / options.settings.pageSize);
  const syncRunId = `stock-sync-chaos-${world.prefix}-${round}`;
  const stockKeys = `stock:${syncRunId}:`;
  const startedAt = Date.now();
  const handle = await client.workflow.start<typeof syncStock>('syncStock', {
    taskQueue: options.taskQueue,
    workflowId: syncRunId,
    args: [{ channelCodes: [world.channelCode], settings: options.settings }],
  });

  const stockPagesWritten = async () =>
    (await world.sandboxLog('idempotent_write')).filter((event) => String(event.detail.key).startsWith(stockKeys)).length;
  await eventually(stockPagesWritten, (written) => written >= options.killAfterPages, 120_000, POLL_MS);
  // Aimed inside a page push: the kill waits (briefly) until Temporal shows one started, not a workflow task between pages.
  const childId = `stock-sync:${syncRunId}:${world.channelCode}`;
  await eventually(
    async () => (await pendingActivitiesOf(client, childId)).includes('pushStockPage STARTED'),
    (started) => started,
    AIM_MS,
    10,
  );
  await worker.kill();
  const killedAt = Date.now();
  const pagesAtKill = await stockPagesWritten();
  const seqAtKill = Math.max(0, ...(await world.sandboxLog('idempotent')).map((event) => event.seq));
  const pendingAtKill = await pendingActivitiesOf(client, childId);
  await worker.start();

  // Moved again: the channel took a listing write (a new one, or the replay of the one in flight) after the kill.
  let over = false;
  let movedAt: number | undefined;
  const moved = eventually(
    async () => (await world.sandboxLog('idempotent')).some((event) => event.seq > seqAtKill),
    (seen) => over || seen,
    options.runDeadlineMs,
    250,
  ).then((seen) => {
    if (seen) movedAt = Date.now();
  });

  let result: SyncStockResult | undefined;
  let error: string | undefined;
  const remainingMs = options.runDeadlineMs - (Date.now() - startedAt);
  try {
    result = await withDeadline(
      handle.result(),
      Math.max(0, remainingMs),
      `not ended within ${(options.runDeadlineMs / 1000).toFixed(1)} s of its start`,
    );
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  } finally {
    over = true;
    await moved;
  }

  const events = await world.sandboxLog('idempotent_write');
  const replays = (await world.sandboxLog('idempotent_replay')).filter((event) =>
    ['stock', 'listing'].some((kind) => String(event.detail.key).startsWith(`${kind}:${syncRunId}:`)),
  ).length;
  const writes = [writesOf(events, 'stock', syncRunId, world.skus.length), writesOf(events, 'listing', syncRunId, expectedStatusRows)];
  const shown = await world.channelListings();
  const wrongAtChannel: string[] = [];
  for (const [sku, wanted] of expected) {
    const listing = shown.get(sku);
    if (listing?.stock !== wanted.stock || listing.open !== wanted.open)
      wrongAtChannel.push(`${sku}: shown ${String(listing?.stock)}/${listing?.open ? 'open' : 'closed'}, expected ${describe(wanted)}`);
  }
  const wrongInOurRows: string[] = [];
  for (const listing of await world.ourListings()) {
    const wanted = expected.get(listing.sku);
    if (wanted === undefined) continue;
    const agrees =
      listing.publishedStock === wanted.stock &&
      listing.open === wanted.open &&
      listing.verifiedStock === wanted.stock &&
      listing.verifiedOpen === wanted.open &&
      listing.driftDetectedAt === null;
    if (!agrees)
      wrongInOurRows.push(
        `${listing.sku}: published ${String(listing.publishedStock)}/${listing.open ? 'open' : 'closed'}, read back ` +
          `${String(listing.verifiedStock)}/${String(listing.verifiedOpen)}${listing.driftDetectedAt ? ', drifting' : ''}, expected ${describe(wanted)}`,
      );
  }
  return {
    syncRunId,
    pagesAtKill,
    pages,
    pendingAtKill,
    ...(result !== undefined && { result }),
    ...(error !== undefined && { error }),
    writes,
    replays,
    wrongAtChannel,
    wrongInOurRows,
    wrongTotals: result === undefined ? [] : totalsThatDisagree(result, world.channelCode, world.skus.length, expectedStatusRows),
    killedAt,
    ...(movedAt !== undefined && { movedAt }),
  };
}

/** The activities Temporal has out for a run (describe needs no worker), as `<type> <state>`. */
async function pendingActivitiesOf(client: Client, workflowId: string): Promise<string[]> {
  const description = await client.workflow
    .getHandle(workflowId)
    .describe()
    .catch(() => undefined);
  return (description?.raw.pendingActivities ?? []).map(
    (activity) => `${activity.activityType?.name ?? '?'} ${PENDING_STATES[Number(activity.state ?? 0)] ?? String(activity.state)}`,
  );
}

function describe(listing: ExpectedListing): string {
  return `${listing.stock}/${listing.open ? 'open' : 'closed'}`;
}

/** The channel's counts in the run's summary against what the run did: every listing pushed and checked once, no drift. */
function totalsThatDisagree(result: SyncStockResult, channelCode: string, skus: number, statusRows: number): string[] {
  const outcome = result.channels.find((channel) => channel.channelCode === channelCode);
  if (outcome?.outcome !== 'SYNCED') return [];
  const { totals } = outcome;
  const wanted: Record<string, [number, number]> = {
    listings: [totals.listings, skus],
    pushed: [totals.pushed, skus],
    checked: [totals.checked, skus],
    drifted: [totals.drifted, 0],
    discrepancies: [totals.discrepancies, 0],
    'closed + reopened': [totals.closed + totals.reopened, statusRows],
  };
  return Object.entries(wanted)
    .filter(([, [seen, right]]) => seen !== right)
    .map(([name, [seen, right]]) => `${name} ${seen}, expected ${right}`);
}
