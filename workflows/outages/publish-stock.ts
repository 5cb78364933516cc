import { ChildWorkflowFailure, executeChild, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { OutageSnapshot } from '../../activities/outages/load-outage';
import { type OutageWorkflowSettings } from '../../domain/outages/outage-workflow';
import { searchAttributes } from '../../domain/workflow-kit/search-attributes';
import { activityProfiles } from '../kit/activity-profiles';
import { syncStock } from '../inventory/sync-stock';

const { listChannelsSellingStoreStock } = proxyActivities<Pick<Activities, 'listChannelsSellingStoreStock'>>(activityProfiles.db);

/** Store outages before this patch published to every channel at their end, whatever it lists. */
const PUBLISH_STORE_CHANNELS_PATCH = 'outage-publish-store-channels';

/**
 * The channels an outage's end publishes to: the recovered channel, or every channel listing what the cut-off
 * store holds; undefined is every channel (store outages of runs from before the patch).
 */
export async function channelsToPublish(outage: OutageSnapshot): Promise<string[] | undefined> {
  if (outage.kind === 'CHANNEL') return outage.channelCode === null ? undefined : [outage.channelCode];
  if (outage.storeId === null || !patched(PUBLISH_STORE_CHANNELS_PATCH)) return undefined;
  return channelsSellingStore(outage.storeId);
}

export async function channelsSellingStore(storeId: string): Promise<string[]> {
  return (await listChannelsSellingStoreStock({ storeId })).channelCodes;
}

export interface PublishStockRequest {
  /** The child stock-sync run's id: `outage-protect:<id>` when measures start, `outage-publish:<id>` at the end. */
  childId: string;
  /** undefined: every channel; empty: none lists what the store holds, nothing is synced. */
  channelCodes: string[] | undefined;
  settings: OutageWorkflowSettings;
}

/**
 * Publishes stock as it stands now through a stock-sync run (the same child workflows as the schedule's:
 * push, open/close at each channel's threshold, read back) and says how it went, for the timeline. A sync
 * that fails is reported, not thrown: the next scheduled sync publishes it.
 */
export async function publishStock({ childId, channelCodes, settings }: PublishStockRequest): Promise<string> {
  if (channelCodes?.length === 0) return 'no channel lists what this store holds: nothing to publish';
  try {
    const result = await executeChild(syncStock, {
      workflowId: childId,
      args: [
        {
          ...(channelCodes !== undefined && { channelCodes }),
          ...(settings.publishReadBackDelayMs !== undefined && { settings: { readBackDelayMs: settings.publishReadBackDelayMs } }),
        },
      ],
      typedSearchAttributes: [
        { key: searchAttributes.workflowDomain, value: 'inventory' },
        { key: searchAttributes.businessKey, value: childId },
      ],
    });
    let [closed, reopened] = [0, 0];
    for (const channel of result.channels) {
      if (channel.outcome !== 'SYNCED') continue;
      closed += channel.totals.closed;
      reopened += channel.totals.reopened;
    }
    const synced = result.channels.filter((c) => c.outcome === 'SYNCED').length;
    return (
      `${synced} of ${result.channels.length} channels synced and read back, ${closed} listings closed, ` +
      `${reopened} reopened, ${result.discrepancies} discrepancies`
    );
  } catch (error) {
    if (!(error instanceof ChildWorkflowFailure)) throw error;
    return `publishing failed: ${error.cause?.message ?? error.message}; the next stock sync publishes it`;
  }
}
