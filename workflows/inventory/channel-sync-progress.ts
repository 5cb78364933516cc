import { type ChannelSyncTotals } from '../../domain/channels/stock-sync-outcome';

/**
 * Where one channel's sync stands: the phase, the SKU cursor inside it, the pages whose read-back found
 * drift (cursors and counts only, never listings) and the running totals. It is what a continued run
 * starts from, so it stays small whatever the catalogue size.
 */
export type ChannelSyncPhase = 'push' | 'verify' | 'repush' | 'reverify' | 'done';

export interface DriftedPage {
  pageNumber: number;
  afterSku: string | null;
  throughSku: string;
  /** Listings of the page found drifting by the first read-back. */
  drifted: number;
}

export interface ChannelSyncProgress {
  phase: ChannelSyncPhase;
  /** Last SKU handled in the push and verify passes; null at the start of a pass. */
  cursor: string | null;
  pageNumber: number;
  driftedPages: DriftedPage[];
  /** Position in driftedPages during the re-push and final check. */
  driftedPageIndex: number;
  totals: ChannelSyncTotals;
}

export function addTotals(totals: ChannelSyncTotals, more: Partial<ChannelSyncTotals>): ChannelSyncTotals {
  const sum = { ...totals };
  for (const key of Object.keys(more) as (keyof ChannelSyncTotals)[]) sum[key] += more[key] ?? 0;
  return sum;
}
