import { ChildWorkflowFailure, executeChild, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { type StockSyncChannelCandidate } from '../../domain/channels/stock-sync-channel';
import { type ChannelSyncOutcome } from '../../domain/channels/stock-sync-outcome';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { defaultStockSyncSettings, type StockSyncSettings } from '../../domain/channels/stock-sync-settings';
import { activityProfiles } from '../kit/activity-profiles';
import { syncChannelStock } from './sync-channel-stock';

export interface SyncStockInput {
  /** Overrides of the defaults; the schedule passes the worker's STOCK_SYNC_* config. */
  settings?: Partial<StockSyncSettings>;
  /** Sync only these channels (a targeted run by an operator or a test); all channels when omitted. */
  channelCodes?: string[];
}

export interface SyncStockResult {
  /** This run's id (its workflow id): in child workflow ids, idempotency keys and the Reconciliation row. */
  syncRunId: string;
  reconciliationId: string;
  status: string;
  discrepancies: number;
  channels: ChannelSyncOutcome[];
}

const { listStockSyncChannels, openStockSyncRun, closeStockSyncRun, probeChannelHealth } = proxyActivities<Activities>(activityProfiles.db);

/**
 * One stock-sync run, started by the stock-sync schedule (worker/schedules.ts) or by hand: every ACTIVE
 * channel whose health probe answers is synced by its own child workflow, all in parallel, so a slow
 * channel delays only itself. Channels not synced are recorded with the reason. The run's
 * Reconciliation row collects the discrepancies and, at the end, every channel's outcome.
 */
export async function syncStock(input: SyncStockInput = {}): Promise<SyncStockResult> {
  const settings: StockSyncSettings = { ...defaultStockSyncSettings, ...input.settings };
  const syncRunId = workflowInfo().workflowId;
  const { channels } = await listStockSyncChannels({ channelCodes: input.channelCodes });
  const { reconciliationId } = await openStockSyncRun({ syncRunId });

  const outcomes = await Promise.all(channels.map((channel) => syncOneChannel(channel, { syncRunId, reconciliationId, settings })));
  const closed = await closeStockSyncRun({ reconciliationId, channels: outcomes });
  return { syncRunId, reconciliationId, status: closed.status, discrepancies: closed.discrepancies, channels: outcomes };
}

async function syncOneChannel(
  channel: StockSyncChannelCandidate,
  run: { syncRunId: string; reconciliationId: string; settings: StockSyncSettings },
): Promise<ChannelSyncOutcome> {
  const channelCode = channel.code;
  if (channel.status !== 'ACTIVE') return { channelCode, outcome: 'SKIPPED', reason: `channel status is ${channel.status}` };
  if (channel.listings === 0) return { channelCode, outcome: 'SKIPPED', reason: 'channel has no listings' };
  const health = await probeChannelHealth({ channelCode });
  if (!health.healthy) return { channelCode, outcome: 'SKIPPED', reason: `health probe failed: ${health.detail ?? 'no detail'}` };

  const workflowId = `stock-sync:${run.syncRunId}:${channelCode}`;
  try {
    const result = await executeChild(syncChannelStock, {
      workflowId,
      args: [{ syncRunId: run.syncRunId, channelCode, reconciliationId: run.reconciliationId, settings: run.settings }],
      workflowExecutionTimeout: run.settings.channelSyncTimeoutMs,
      typedSearchAttributes: [
        { key: searchAttributes.workflowDomain, value: 'inventory' },
        { key: searchAttributes.channelCode, value: channelCode },
        { key: searchAttributes.businessKey, value: workflowId },
      ],
    });
    return { channelCode, outcome: 'SYNCED', totals: result.totals };
  } catch (error) {
    // One channel failing (down mid-run, out of time) must not cost the others their sync: report it.
    if (error instanceof ChildWorkflowFailure) return { channelCode, outcome: 'FAILED', reason: error.cause?.message ?? error.message };
    throw error;
  }
}
