import { type StockSyncChannelCandidate } from '../../domain/channels/stock-sync-channel';
import { type ActivityDeps } from '../deps';

export interface ListStockSyncChannelsInput {
  /** Only these channels (an operator's targeted run); every channel when omitted. */
  channelCodes?: readonly string[];
}

export interface ListStockSyncChannelsResult {
  channels: StockSyncChannelCandidate[];
}

/** The channels a sync run considers, with what decides whether it syncs them (status, listing count). */
export function createListStockSyncChannels({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function listStockSyncChannels(input: ListStockSyncChannelsInput): Promise<ListStockSyncChannelsResult> {
    const channels = await prisma.channel.findMany({
      where: input.channelCodes === undefined ? {} : { code: { in: [...input.channelCodes] } },
      select: { code: true, status: true, _count: { select: { listings: true } } },
      orderBy: { code: 'asc' },
    });
    return { channels: channels.map((channel) => ({ code: channel.code, status: channel.status, listings: channel._count.listings })) };
  };
}
