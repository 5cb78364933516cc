/**
 * Knobs of one stock-sync run. The worker builds them from its config (STOCK_SYNC_* variables, see
 * docs/stock-sync.md) and hands them to the schedule; tests pass small values so a run takes seconds.
 * They travel as workflow input, so a changed setting applies from the next run on.
 */
export interface StockSyncSettings {
  /** Listings per page; each channel's maxBatchSize caps it further. */
  pageSize: number;
  /** Stock units a read-back may differ from what we pushed before it counts as drift. */
  driftToleranceUnits: number;
  /** Wait between pushing and reading back, so channels that apply writes in the background have settled. */
  readBackDelayMs: number;
  /** Page activities one channel run performs before it continues as new (keeps history small). */
  pagesPerRun: number;
  /** Attempts of one channel call (a page push or read-back) before the channel's sync fails for this run. */
  channelCallMaxAttempts: number;
  channelCallRetryInitialIntervalMs: number;
  /** One page activity, rate-limit waits and async-job polling included. */
  channelCallTimeoutMs: number;
  /** One channel's whole sync; a channel slower than this is reported as failed and retried next run. */
  channelSyncTimeoutMs: number;
}

export const defaultStockSyncSettings: StockSyncSettings = {
  pageSize: 500,
  driftToleranceUnits: 0,
  readBackDelayMs: 5_000,
  pagesPerRun: 250,
  channelCallMaxAttempts: 5,
  channelCallRetryInitialIntervalMs: 2_000,
  channelCallTimeoutMs: 5 * 60_000,
  channelSyncTimeoutMs: 30 * 60_000,
};

/** Rows per page for one channel: the configured page size, never more than the channel takes per batch. */
export function pageSizeFor(settings: Pick<StockSyncSettings, 'pageSize'>, channelMaxBatchSize: number): number {
  return Math.max(1, Math.min(settings.pageSize, channelMaxBatchSize));
}
