import { continueAsNew, proxyActivities, sleep, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { emptyChannelSyncTotals, type ChannelSyncTotals } from '../../domain/channels/stock-sync-outcome';
import { type StockSyncSettings } from '../../domain/channels/stock-sync-settings';
import { activityProfiles } from '../kit/activity-profiles';
import { addTotals, type ChannelSyncProgress } from './channel-sync-progress';

export interface SyncChannelStockInput {
  syncRunId: string;
  channelCode: string;
  /** The run's Reconciliation row, under which discrepancies are raised. */
  reconciliationId: string;
  settings: StockSyncSettings;
  /** Set by continue-as-new; a fresh run starts at the first page of the push pass. */
  progress?: ChannelSyncProgress;
}

export interface SyncChannelStockResult {
  channelCode: string;
  totals: ChannelSyncTotals;
}

const startingProgress: ChannelSyncProgress = {
  phase: 'push',
  cursor: null,
  pageNumber: 1,
  driftedPages: [],
  driftedPageIndex: 0,
  totals: emptyChannelSyncTotals,
};

/** Channel calls get the channelPush profile with this run's budget (tests shrink it to seconds). */
function channelCallOptions(settings: StockSyncSettings): ActivityOptions {
  return {
    ...activityProfiles.channelPush,
    startToCloseTimeout: settings.channelCallTimeoutMs,
    retry: {
      ...activityProfiles.channelPush.retry,
      initialInterval: settings.channelCallRetryInitialIntervalMs,
      maximumAttempts: settings.channelCallMaxAttempts,
    },
  };
}

/**
 * Syncs one channel's stock, page by page: push every listing (sellable stock, open/close), wait for the
 * channel to settle, read every page back and mark drift, re-push the drifting pages once, wait, read
 * them back again; what still differs is raised as a discrepancy by the final check. Only cursors and
 * counts live in the history, and the run continues as new every `pagesPerRun` pages.
 */
export async function syncChannelStock(input: SyncChannelStockInput): Promise<SyncChannelStockResult> {
  const { settings } = input;
  const { pushStockPage, verifyStockPage } = proxyActivities<Activities>(channelCallOptions(settings));
  let progress = input.progress ?? startingProgress;
  let pagesThisRun = 0;

  const page = { syncRunId: input.syncRunId, channelCode: input.channelCode, pageSize: settings.pageSize };
  const check = {
    channelCode: input.channelCode,
    reconciliationId: input.reconciliationId,
    pageSize: settings.pageSize,
    driftToleranceUnits: settings.driftToleranceUnits,
  };

  async function step(current: ChannelSyncProgress): Promise<ChannelSyncProgress> {
    switch (current.phase) {
      case 'push': {
        const pushed = await pushStockPage({
          ...page,
          pageNumber: current.pageNumber,
          range: { afterSku: current.cursor, throughSku: null },
          mode: 'sync',
        });
        const totals = addTotals(current.totals, {
          listings: pushed.listings,
          pushed: pushed.pushed,
          rejected: pushed.rejected,
          closed: pushed.closed,
          reopened: pushed.reopened,
        });
        if (pushed.hasMore) return { ...current, cursor: pushed.lastSku, pageNumber: current.pageNumber + 1, totals };
        await sleep(settings.readBackDelayMs);
        return { ...current, phase: 'verify', cursor: null, pageNumber: 1, totals };
      }
      case 'verify': {
        const verified = await verifyStockPage({ ...check, range: { afterSku: current.cursor, throughSku: null }, mode: 'first' });
        const totals = addTotals(current.totals, { checked: verified.checked, drifted: verified.drifted });
        const driftedPages =
          verified.drifted > 0 && verified.lastSku !== null
            ? [
                ...current.driftedPages,
                { pageNumber: current.pageNumber, afterSku: current.cursor, throughSku: verified.lastSku, drifted: verified.drifted },
              ]
            : current.driftedPages;
        if (verified.hasMore) return { ...current, cursor: verified.lastSku, pageNumber: current.pageNumber + 1, driftedPages, totals };
        return { ...current, phase: driftedPages.length > 0 ? 'repush' : 'done', driftedPages, driftedPageIndex: 0, totals };
      }
      case 'repush': {
        const drifted = current.driftedPages[current.driftedPageIndex];
        if (!drifted) return { ...current, phase: 'done' };
        const pushed = await pushStockPage({
          ...page,
          pageNumber: drifted.pageNumber,
          range: { afterSku: drifted.afterSku, throughSku: drifted.throughSku },
          mode: 'repush',
        });
        const totals = addTotals(current.totals, {
          repushed: pushed.pushed,
          rejected: pushed.rejected,
          closed: pushed.closed,
          reopened: pushed.reopened,
        });
        const next = current.driftedPageIndex + 1;
        if (next < current.driftedPages.length) return { ...current, driftedPageIndex: next, totals };
        await sleep(settings.readBackDelayMs);
        return { ...current, phase: 'reverify', driftedPageIndex: 0, totals };
      }
      case 'reverify': {
        const drifted = current.driftedPages[current.driftedPageIndex];
        if (!drifted) return { ...current, phase: 'done' };
        const verified = await verifyStockPage({
          ...check,
          range: { afterSku: drifted.afterSku, throughSku: drifted.throughSku },
          mode: 'final',
        });
        const totals = addTotals(current.totals, {
          fixedByRepush: Math.max(0, drifted.drifted - verified.drifted),
          discrepancies: verified.discrepancies,
        });
        const next = current.driftedPageIndex + 1;
        return { ...current, phase: next < current.driftedPages.length ? 'reverify' : 'done', driftedPageIndex: next, totals };
      }
      case 'done':
        return current;
    }
  }

  while (progress.phase !== 'done') {
    if (pagesThisRun >= settings.pagesPerRun || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof syncChannelStock>({ ...input, progress });
    }
    progress = await step(progress);
    pagesThisRun += 1;
  }
  return { channelCode: input.channelCode, totals: progress.totals };
}
