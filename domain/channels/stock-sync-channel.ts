/** The statuses of a channel (the database's channel_status enum). */
export type ChannelStatusName = 'ACTIVE' | 'DEGRADED' | 'OUTAGE' | 'DISABLED';

/** A channel a stock-sync run considers, with what decides whether it syncs it (status, listing count). */
export interface StockSyncChannelCandidate {
  code: string;
  status: ChannelStatusName;
  listings: number;
}
