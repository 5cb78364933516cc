import { type ChannelAdapterSource } from '../../activities/channels/channel-adapter-source';

/** One SKU on one channel, as the naive design does it: read (snapshot), write, read back. */
export function createNaiveActivities(channels: ChannelAdapterSource) {
  return {
    async pushOneSku(input: { channelCode: string; sku: string; priceMinor: number; currency: string }): Promise<void> {
      const adapter = await channels.adapterFor(input.channelCode);
      await adapter.readBack({ skus: [input.sku] });
      await adapter.pushPrices({
        idempotencyKey: `naive:${input.channelCode}:${input.sku}`,
        rows: [{ sku: input.sku, price: input.priceMinor, currency: input.currency }],
      });
      await adapter.readBack({ skus: [input.sku] });
    },
  };
}

export type NaiveActivities = ReturnType<typeof createNaiveActivities>;
