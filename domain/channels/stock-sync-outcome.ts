/**
 * What a stock-sync run reports per channel. Shared by the workflows (which add the counts up page by
 * page, across continue-as-new) and the activity that writes them into the run's Reconciliation summary.
 */
// A type alias (not an interface) so the counts can be stored as JSON in the Reconciliation summary.
export type ChannelSyncTotals = {
  /** Listings pushed in the first pass. */
  listings: number;
  pushed: number;
  /** Rows the channel refused (per-row errors); their published values stay as they were. */
  rejected: number;
  closed: number;
  reopened: number;
  /** Listings compared with the channel's read-back. */
  checked: number;
  drifted: number;
  repushed: number;
  fixedByRepush: number;
  discrepancies: number;
};

export const emptyChannelSyncTotals: ChannelSyncTotals = {
  listings: 0,
  pushed: 0,
  rejected: 0,
  closed: 0,
  reopened: 0,
  checked: 0,
  drifted: 0,
  repushed: 0,
  fixedByRepush: 0,
  discrepancies: 0,
};

export type ChannelSyncOutcome =
  | { channelCode: string; outcome: 'SYNCED'; totals: ChannelSyncTotals }
  | { channelCode: string; outcome: 'SKIPPED'; reason: string }
  | { channelCode: string; outcome: 'FAILED'; reason: string };
