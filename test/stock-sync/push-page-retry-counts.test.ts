import { MockActivityEnvironment } from '@temporalio/testing';
import { createPushStockPage, type PushStockPageInput } from '../../activities/channels/push-stock-page';
import { StockSyncWorld } from './support/stock-sync-world';

/**
 * A page push whose attempt recorded its closes and then died before Temporal heard of it (a worker killed
 * at that moment, found by the stock-sync chaos row): the retry sends no status again (the listings show
 * it already) yet still reports the page's closes and reopens, so the run's summary matches what changed.
 * The activity on its own in a mocked activity context, real PostgreSQL and a sandbox over HTTP.
 */
describe('stock page push: counts of a retried attempt', () => {
  const world = new StockSyncWorld();
  const pushStockPage = createPushStockPage({ prisma: world.prisma, channels: world.channels });
  const attempt = (input: PushStockPageInput) => new MockActivityEnvironment({ heartbeatTimeoutMs: 10_000 }).run(pushStockPage, input);
  const statusWrites = async () =>
    (await world.sandboxLog('main', 'listings.written')).filter((event) => event.detail.kind === 'listing-status').length;

  beforeAll(async () => {
    await world.setUp(
      [{ name: 'main', maxBatchSize: 10, safetyBuffer: 0, closeListingAtOrBelow: 1 }],
      [
        { name: 'A', stock: { first: [0, 0] } },
        { name: 'B', stock: { first: [5, 0] } },
        { name: 'C', stock: { first: [1, 0] } },
      ],
      { faultSeed: 3 },
    );
  });
  afterAll(async () => {
    await world.tearDown([]);
  });

  it('reports the closes its earlier attempt recorded, without pushing them twice', async () => {
    const page = (syncRunId: string): PushStockPageInput => ({
      syncRunId,
      channelCode: world.channelCode('main'),
      pageNumber: 1,
      range: { afterSku: null, throughSku: null },
      pageSize: 10,
      mode: 'sync',
    });
    const first = await attempt(page(`retry-counts-${world.prefix}-1`));
    expect(first).toMatchObject({ listings: 3, pushed: 3, closed: 2, reopened: 0 });
    expect(await statusWrites()).toBe(1);

    // The same page again, as Temporal retries it: nothing to send, the same closes reported.
    const retried = await attempt(page(`retry-counts-${world.prefix}-1`));
    expect(retried).toMatchObject({ listings: 3, pushed: 3, closed: 2, reopened: 0 });
    expect(await statusWrites()).toBe(1);

    // The next run of the sync changes nothing, so it reports nothing; stock back above the threshold reopens.
    expect(await attempt(page(`retry-counts-${world.prefix}-2`))).toMatchObject({ closed: 0, reopened: 0 });
    await world.setStock('C', { first: [4, 0] });
    expect(await attempt(page(`retry-counts-${world.prefix}-3`))).toMatchObject({ closed: 0, reopened: 1 });
    expect(await statusWrites()).toBe(2);
    expect((await world.channelListings('main')).get(world.sku('C'))).toMatchObject({ stock: 4, open: true });
  });
});
