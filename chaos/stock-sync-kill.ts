import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { defaultStockSyncSettings, type StockSyncSettings } from '../domain/channels/stock-sync-settings';
import { activityProfiles } from '../workflows/kit/activity-profiles';
import { type ChaosRow, emptyChaosRow } from './chaos-row';
import { driveKilledStockSync, type KilledStockSyncRun } from './stock-sync-kill-driver';
import { StockSyncChaosWorld } from './stock-sync-world';
import { activityHoldMs } from './recovery-budget';
import { withDeadline } from './with-deadline';
import { WorkerPool } from './worker-pool';

/** 2,000 SKUs in pages (and channel batches) of 25: 80 stock pages per run, each one request at 20 requests/s. */
export const STOCK_SYNC_SKUS = 2000;
const PAGE_SIZE = 25;
const PER_SECOND = 20;
const PAGES = STOCK_SYNC_SKUS / PAGE_SIZE;

/**
 * The run's settings: production's (5 attempts per page, 2 s first retry, 5 min per page activity, the
 * channelPush profile's 1-minute heartbeat timeout), but small pages, a 1 s read-back wait and a
 * continue-as-new every 30 page activities, so a run of 160 page activities continues as new 5 times and a
 * kill can land on either side of it.
 */
export const stockSyncChaosSettings: Partial<StockSyncSettings> & Pick<StockSyncSettings, 'pageSize'> = {
  pageSize: PAGE_SIZE,
  readBackDelayMs: 1000,
  pagesPerRun: 30,
};

/**
 * A run's deadline from its start: an undisturbed run's overhead, the least time the channel's rate allows
 * (a stock write, an open/close write and a read-back per page, at the 90 % of the rate our shared bucket
 * takes), and one kill's budget (chaos/recovery-budget.ts) with the page activity's hold: the channelPush
 * profile's 1-minute heartbeat timeout (under the page's 5 min start-to-close) plus the 2 s first retry, as
 * workflows/inventory/sync-channel-stock.ts schedules it.
 */
export function stockSyncRunDeadlineMs(
  undisturbedRunMs: number,
  timeouts: { stickyQueueTimeoutMs: number; workerStartMs: number },
): number {
  const settings = { ...defaultStockSyncSettings, ...stockSyncChaosSettings };
  const pageHoldMs = activityHoldMs(
    {
      ...activityProfiles.channelPush,
      startToCloseTimeout: settings.channelCallTimeoutMs,
      retry: { initialInterval: settings.channelCallRetryInitialIntervalMs },
    },
    undefined,
  );
  const channelMs = (3 * PAGES * 1000) / (0.9 * PER_SECOND);
  return undisturbedRunMs + channelMs + pageHoldMs + timeouts.stickyQueueTimeoutMs + 10_000 + timeouts.workerStartMs;
}

export interface StockSyncKillOptions {
  databaseUrl: string;
  temporalAddress: string;
  bundlePath: string;
  runDir: string;
  runs: number;
  /** From a run's start: past it, a run not ended is lost (chaos/recovery-budget.ts, one kill). */
  runDeadlineMs: number;
  stickyQueueTimeoutMs: number;
}

/**
 * "stock sync SIGKILL": `runs` production stock-sync runs over one marketplace listing 2,000 SKUs, one after
 * another (each moves every SKU's stock first), each with the worker SIGKILLed mid-push, after a different
 * number of stock pages the channel took (chaos/stock-sync-kill-driver.ts), and replaced. Counted at the
 * channel: no key applied twice and no page applied under two keys (other content), every SKU's stock
 * written once and every changed open/closed state once (the sandbox's idempotency log), every SKU showing
 * the round's sellable stock and state (its listings, not our adapter); on our side the run COMPLETED and
 * every channel_listings row published and read back the same.
 */
export async function runStockSyncKill(options: StockSyncKillOptions): Promise<ChaosRow> {
  const world = new StockSyncChaosWorld(options.databaseUrl);
  await world.setUp({ skus: STOCK_SYNC_SKUS, maxBatchSize: PAGE_SIZE, perSecond: PER_SECOND });
  const pool = new WorkerPool({
    runDir: options.runDir,
    taskQueue: `chaos-stock-sync-kill-${randomUUID()}`,
    bundlePath: options.bundlePath,
    databaseUrl: options.databaseUrl,
    temporalAddress: options.temporalAddress,
    gatewayUrl: `${world.sandboxUrl}/gateway`,
    stickyQueueTimeoutMs: options.stickyQueueTimeoutMs,
  });
  const connection = await Connection.connect({ address: options.temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  const row = emptyChaosRow('stock sync SIGKILL', options.runs);
  const perRun: string[] = [];
  const syncRunIds: string[] = [];
  try {
    await pool.start();
    for (let index = 0; index < options.runs; index += 1) {
      // Spread over the push: after the first page, then a third and two thirds of the way.
      const killAfterPages = 1 + Math.floor(((index % 3) * PAGES) / 3);
      let run: KilledStockSyncRun;
      try {
        run = await withDeadline(
          driveKilledStockSync({
            client,
            taskQueue: pool.taskQueue,
            world,
            worker: pool,
            round: index + 1,
            settings: stockSyncChaosSettings,
            killAfterPages,
            runDeadlineMs: options.runDeadlineMs,
          }),
          // The driver bounds the run itself; this also covers the kill's wait and the counting.
          options.runDeadlineMs + 120_000,
          `stock sync ${index + 1} not counted within ${(options.runDeadlineMs + 120_000) / 1000} s`,
        );
      } catch (error) {
        row.lost += 1;
        row.problems.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      syncRunIds.push(run.syncRunId);
      const where = `stock sync ${run.syncRunId}`;
      const [stock, status] = run.writes;
      const recovery =
        run.movedAt === undefined
          ? 'never moved again'
          : `moved again ${Math.round((run.movedAt - run.killedAt) / 100) / 10} s after the kill`;
      perRun.push(
        `run ${index + 1}: killed after ${run.pagesAtKill} of ${run.pages} stock pages (${run.pendingAtKill.join(', ') || 'no activity out'}), ` +
          `${recovery}; ${stock?.rows ?? 0} stock rows and ${status?.rows ?? 0} open/close rows applied (${stock?.expectedRows ?? 0} and ` +
          `${status?.expectedRows ?? 0} due), ${run.replays} write(s) replayed`,
      );
      if (run.pagesAtKill >= run.pages) row.problems.push(`${where}: the kill came after every stock page was written, not mid-push`);
      const outcome = run.result?.channels.find((channel) => channel.channelCode === world.channelCode);
      if (run.result?.status === 'COMPLETED' && outcome?.outcome === 'SYNCED') row.completed += 1;
      else {
        row.lost += 1;
        row.problems.push(
          `${where}: ended ${run.result?.status ?? 'not at all'}${outcome ? ` (${outcome.outcome})` : ''} ${run.error ?? ''}`.trim(),
        );
      }
      if (run.movedAt !== undefined) row.maxRecoveryMs = Math.max(row.maxRecoveryMs, run.movedAt - run.killedAt);
      for (const writes of run.writes) {
        const kind = `${where} ${writes.kind} writes`;
        row.duplicatedEffects += writes.keysTwice.length + writes.pagesTwice.length;
        for (const key of writes.keysTwice) row.problems.push(`${kind}: key ${key} applied twice`);
        for (const page of writes.pagesTwice) row.problems.push(`${kind}: page ${page} applied under two keys (other content)`);
        if (writes.rows !== writes.expectedRows) row.problems.push(`${kind}: ${writes.rows} rows applied, ${writes.expectedRows} expected`);
        row.duplicatedEffects += Math.max(0, writes.rows - writes.expectedRows);
        row.lost += Math.max(0, writes.expectedRows - writes.rows);
      }
      row.lost += run.wrongAtChannel.length + run.wrongInOurRows.length;
      for (const wrong of run.wrongAtChannel.slice(0, 5)) row.problems.push(`${where}: the channel shows ${wrong}`);
      for (const wrong of run.wrongInOurRows.slice(0, 5)) row.problems.push(`${where}: channel_listings ${wrong}`);
      for (const wrong of run.wrongTotals) row.problems.push(`${where}: summary count ${wrong}`);
    }
  } finally {
    await pool.stop();
    await connection.close().catch(() => undefined);
    await world.tearDown(syncRunIds).catch(() => undefined);
  }
  row.notes = [
    ...perRun,
    'max recovery: from the kill until the channel took a listing write of the run again (new, or the replay of the one in flight)',
  ];
  return row;
}
