import { createListChannelsSellingStoreStock } from '../../activities/outages/channels-selling-store-stock';
import { OutagesWorld } from './support/outages-world';

/**
 * What a store outage's end publishes to: the channels listing a product the store holds stock of,
 * whatever their status (stock sync itself skips a disabled one and says why), and no other channel.
 */
describe('channels selling a store stock', () => {
  const world = new OutagesWorld(2);
  const codes = { sellsA: `${world.prefix}-sells-a`, sellsB: `${world.prefix}-sells-b`, sellsNothing: `${world.prefix}-none` };
  const listChannels = createListChannelsSellingStoreStock({ prisma: world.prisma });

  beforeAll(async () => {
    await world.setUp();
    const onlyAtB = await world.prisma.product.create({
      data: {
        sku: `${world.prefix.toUpperCase()}-ONLY-B`,
        name: 'only at B',
        description: 'stocked at store B only',
        category: 'test',
        basePriceMinor: 1000,
        floorPriceMinor: 500,
        currency: 'IDR',
      },
    });
    await world.prisma.inventoryLevel.create({ data: { storeId: world.storeB, productId: onlyAtB.id, onHand: 0 } });
    const atA = await world.prisma.product.findUniqueOrThrow({ where: { sku: world.sku(0) } });
    const channel = (code: string, status: 'ACTIVE' | 'DISABLED') =>
      world.prisma.channel.create({
        data: {
          code,
          name: code,
          kind: 'MARKETPLACE',
          status,
          baseUrl: 'http://127.0.0.1:9',
          requestsPerSecond: 1,
          burst: 1,
          maxBatchSize: 1,
          webhookSecret: 'unused',
        },
      });
    const [sellsA, sellsB] = [await channel(codes.sellsA, 'DISABLED'), await channel(codes.sellsB, 'ACTIVE')];
    await channel(codes.sellsNothing, 'ACTIVE');
    await world.prisma.channelListing.createMany({
      data: [
        { channelId: sellsA.id, productId: atA.id, currency: 'IDR' },
        { channelId: sellsB.id, productId: onlyAtB.id, currency: 'IDR' },
      ],
    });
  });

  afterAll(async () => {
    await world.prisma.channelListing.deleteMany({ where: { channel: { code: { in: Object.values(codes) } } } });
    await world.prisma.channel.deleteMany({ where: { code: { in: Object.values(codes) } } });
    await world.prisma.product.updateMany({ where: { sku: `${world.prefix.toUpperCase()}-ONLY-B` }, data: { active: false } });
    await world.tearDown();
  });

  it('lists the channels whose listings sell what the store holds, even with none on hand', async () => {
    expect(await listChannels({ storeId: world.storeA })).toEqual({ channelCodes: [codes.sellsA] });
    expect(await listChannels({ storeId: world.storeB })).toEqual({ channelCodes: [codes.sellsB] });
  });
});
