import { type Client } from '@temporalio/client';
import { type StockSyncSettings } from '../../../domain/channels/stock-sync-settings';
import { syncStock } from '../../../workflows';
import { type SyncStockResult } from '../../../workflows/inventory/sync-stock';

/**
 * Seconds, not minutes: tiny pages and a short settle wait. Continue-as-new is left to the test that
 * checks it, since the server spaces consecutive runs of one workflow about a second apart.
 */
export const fastSettings: StockSyncSettings = {
  pageSize: 3,
  driftToleranceUnits: 0,
  readBackDelayMs: 100,
  pagesPerRun: 100,
  channelCallMaxAttempts: 2,
  channelCallRetryInitialIntervalMs: 100,
  channelCallTimeoutMs: 15_000,
  channelSyncTimeoutMs: 60_000,
};

export interface SyncRun {
  workflowId: string;
  result: SyncStockResult;
}

/** Runs one stock sync over the given channels through the real Temporal server and waits for it. */
export async function runStockSync(
  client: Client,
  taskQueue: string,
  workflowId: string,
  channelCodes: string[],
  settings: Partial<StockSyncSettings> = {},
): Promise<SyncRun> {
  const handle = await client.workflow.start(syncStock, {
    taskQueue,
    workflowId,
    args: [{ channelCodes, settings: { ...fastSettings, ...settings } }],
  });
  return { workflowId, result: await handle.result() };
}

export function outcomeOf(result: SyncStockResult, channelCode: string) {
  const outcome = result.channels.find((channel) => channel.channelCode === channelCode);
  if (!outcome) throw new Error(`no outcome for channel ${channelCode} in ${JSON.stringify(result.channels)}`);
  return outcome;
}

export function totalsOf(result: SyncStockResult, channelCode: string) {
  const outcome = outcomeOf(result, channelCode);
  if (outcome.outcome !== 'SYNCED') throw new Error(`channel ${channelCode} was not synced: ${JSON.stringify(outcome)}`);
  return outcome.totals;
}
