import { type ActivityDeps } from '../deps';

/**
 * The channels whose listings sell stock a store holds: what a store outage's end has to publish again.
 * A channel that lists none of the store's products shows nothing the outage changed, so it is not synced.
 */
export function createListChannelsSellingStoreStock({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return async function listChannelsSellingStoreStock({ storeId }: { storeId: string }): Promise<{ channelCodes: string[] }> {
    const channels = await prisma.channel.findMany({
      where: { listings: { some: { product: { inventoryLevels: { some: { storeId } } } } } },
      select: { code: true },
      orderBy: { code: 'asc' },
    });
    return { channelCodes: channels.map((channel) => channel.code) };
  };
}
