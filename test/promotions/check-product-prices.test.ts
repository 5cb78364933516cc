import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { checkProductPricesWorkflow } from '../../domain/price-consistency/check-product-prices-definition';
import { testConfig } from '../api/support/test-app';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { PromotionsWorld } from './support/promotions-world';

interface ChannelPrice {
  channelCode: string;
  shownPriceMinor: number | null;
  checkedAt: string | null;
  checkSource: string | null;
  consistent: boolean | null;
}

/**
 * "Check now" of the price consistency view through the real stack: the API starts `checkProductPrices`,
 * the worker reads the SKU back from each channel of a sandbox over HTTP, and the answer shows what each
 * channel shows now; a channel that is down is named and keeps its last read-back.
 */
describe('check now: a live read-back of one SKU on every channel', () => {
  const world = new PromotionsWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  let productIds: string[] = [];

  beforeAll(async () => {
    await world.setUp(
      [
        { name: 'web', kind: 'WEB_STORE', maxBatchSize: 50, perSecond: 20 },
        { name: 'mkt', kind: 'MARKETPLACE', maxBatchSize: 25, perSecond: 20 },
      ],
      2,
    );
    const products = await world.prisma.product.findMany({ where: { sku: { in: world.skus } }, orderBy: { sku: 'asc' } });
    productIds = products.map((product) => product.id);
    const channels = await world.prisma.channel.findMany({
      where: { code: { in: ['web', 'mkt'].map((name) => world.channelCode(name)) } },
    });
    await world.prisma.channelListing.createMany({
      data: channels.flatMap((channel) => products.map((product) => ({ channelId: channel.id, productId: product.id, currency: 'EUR' }))),
    });
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels });
    const config = testConfig({ TEMPORAL_TASK_QUEUE: worker.taskQueue, PRICE_CHECK_TIMEOUT_MS: '30000' });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await temporal?.close();
    await world.prisma.priceReadback.deleteMany({ where: { productId: { in: productIds } } });
    await world.prisma.channelListing.deleteMany({ where: { productId: { in: productIds } } });
    await world.tearDown();
  });

  const check = (productId: string) =>
    request(app).post(`/api/price-consistency/${productId}/check`).set('Authorization', world.bearer('leadA', secret)).send({});
  const byChannel = (channels: ChannelPrice[]) => new Map(channels.map((row) => [row.channelCode.slice(world.prefix.length + 1), row]));

  it('shows what every channel shows now against the expected price, and names a channel that is down', async () => {
    const [productId] = productIds;
    if (productId === undefined) throw new Error('no product');
    const sku = world.skus[0] ?? '';
    await world.setPriceByHand('mkt', sku, 9_000);

    const first = await check(productId);
    expect(first.status).toBe(200);
    const firstBody = first.body as { channels: ChannelPrice[]; unavailableChannels: unknown[] };
    expect(firstBody.unavailableChannels).toEqual([]);
    const seen = byChannel(firstBody.channels);
    expect(seen.get('web')).toMatchObject({ shownPriceMinor: 10_000, checkSource: 'CHECK_NOW', consistent: true });
    expect(seen.get('mkt')).toMatchObject({ shownPriceMinor: 9_000, checkSource: 'CHECK_NOW', consistent: false });
    const rows = await world.prisma.priceReadback.findMany({ where: { productId } });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.checkedByUserId))).toEqual(new Set([world.users.leadA.id]));
    await saveHistoryIfRecording(
      temporal.client.workflow.getHandle(checkProductPricesWorkflow.workflowIdOf(productId)),
      'price-check-two-channels',
    );

    await world.setFaults('mkt', { outage: 'refuse' });
    try {
      const second = await check(productId);
      expect(second.status).toBe(200);
      const secondBody = second.body as { channels: ChannelPrice[]; unavailableChannels: { channelCode: string }[] };
      expect(secondBody.unavailableChannels.map((row) => row.channelCode)).toEqual([world.channelCode('mkt')]);
      const after = byChannel(secondBody.channels);
      // The channel that could not be read keeps its last read-back; the other one is newer.
      expect(after.get('mkt')).toEqual(seen.get('mkt'));
      expect(Date.parse(after.get('web')?.checkedAt ?? '')).toBeGreaterThan(Date.parse(seen.get('web')?.checkedAt ?? ''));
    } finally {
      await world.clearFaults('mkt');
    }
  }, 90_000);

  it('is a 404 for an unknown product and starts nothing', async () => {
    const productId = randomUUID();
    const response = await check(productId);
    expect(response.status).toBe(404);
    await expect(temporal.client.workflow.getHandle(checkProductPricesWorkflow.workflowIdOf(productId)).describe()).rejects.toThrow();
  });
});
