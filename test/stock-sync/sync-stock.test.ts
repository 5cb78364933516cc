import { type StockSyncSettings } from '../../domain/channels/stock-sync-settings';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { outcomeOf, runStockSync, totalsOf } from './support/run-sync';
import { StockSyncWorld } from './support/stock-sync-world';

/**
 * Stock sync end to end: the real Temporal server runs syncStock and its per-channel children, the
 * activities read and write the real test database and talk HTTP to a channel sandbox.
 *
 * Channel "main": batches of at most 2 rows, safety buffer 2, listings close at 1 unit or fewer.
 * Channel "feed": an async-job (feed-style) channel, no buffer, closes at 0.
 */
const RECORDED_SYNC_WORKFLOW_ID = 'stock-sync-recorded';

describe('stock sync', () => {
  const world = new StockSyncWorld();
  const runIds: string[] = [];
  let env: Awaited<ReturnType<typeof startTestWorker>>;
  let main: string;
  let feed: string;

  const sync = async (
    channelCodes: string[],
    settings: Partial<StockSyncSettings> = {},
    workflowId = `stock-sync-test-${world.prefix}-${runIds.length + 1}`,
  ) => {
    const run = await runStockSync(env.client, env.taskQueue, workflowId, channelCodes, settings);
    runIds.push(run.workflowId);
    return run;
  };

  beforeAll(async () => {
    await world.setUp(
      [
        { name: 'main', maxBatchSize: 2, safetyBuffer: 2, closeListingAtOrBelow: 1 },
        { name: 'feed', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 0, asyncJobs: true },
        { name: 'down', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 0 },
        { name: 'off', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 0, status: 'DISABLED' },
      ],
      [
        // 9 available in the active stores; the inactive store's 20 are not sellable anywhere.
        { name: 'A', stock: { first: [6, 1], second: [4, 0], inactive: [20, 0] } },
        { name: 'B', stock: { first: [3, 0] } },
        { name: 'C', stock: { first: [0, 0] } },
        { name: 'D', stock: { first: [2, 2] } },
        { name: 'E', stock: { first: [5, 0] }, active: false },
        { name: 'F', stock: { first: [10, 0], second: [10, 5] } },
        { name: 'G', stock: { first: [0, 0], inactive: [30, 0] } },
      ],
      { faultSeed: 1 },
    );
    main = world.channelCode('main');
    feed = world.channelCode('feed');
    env = await startTestWorker({ prisma: world.prisma, channels: world.channels });
  });

  afterAll(async () => {
    await env?.stop();
    await world.tearDown(runIds);
  });

  it('publishes available stock minus the safety buffer and closes listings at or below the threshold', async () => {
    // The replay harness runs a history under its file name as workflow id, and syncStock derives its
    // children's ids from its own: a recorded run gets a fixed id so the file name can match it.
    const recordedId = process.env.RECORD_HISTORIES === '1' ? RECORDED_SYNC_WORKFLOW_ID : undefined;
    const { result, workflowId } = await sync([main, feed], { pagesPerRun: 2 }, recordedId);

    const expectedOnMain = {
      A: [7, true],
      B: [1, false],
      C: [0, false],
      D: [0, false],
      E: [0, false],
      F: [13, true],
      G: [0, false],
    } as const;
    const shownOnMain = await world.channelListings('main');
    for (const [product, [stock, open]] of Object.entries(expectedOnMain)) {
      expect({ product, stock: shownOnMain.get(world.sku(product))?.stock, open: shownOnMain.get(world.sku(product))?.open }).toEqual({
        product,
        stock,
        open,
      });
      const listing = await world.listing('main', product);
      expect({
        product,
        published: listing.publishedStock,
        open: listing.open,
        verified: listing.verifiedStock,
        drift: listing.driftDetectedAt,
      }).toEqual({
        product,
        published: stock,
        open,
        verified: stock,
        drift: null,
      });
    }
    const shownOnFeed = await world.channelListings('feed');
    expect(shownOnFeed.get(world.sku('A'))).toMatchObject({ stock: 9, open: true });
    expect(shownOnFeed.get(world.sku('B'))).toMatchObject({ stock: 3, open: true });
    expect(shownOnFeed.get(world.sku('C'))).toMatchObject({ stock: 0, open: false });

    expect(totalsOf(result, main)).toMatchObject({
      listings: 7,
      pushed: 7,
      rejected: 0,
      closed: 5,
      checked: 7,
      drifted: 0,
      discrepancies: 0,
    });
    expect(totalsOf(result, feed)).toMatchObject({ listings: 7, pushed: 7, rejected: 0, checked: 7, drifted: 0 });
    expect(result.status).toBe('COMPLETED');
    const reconciliation = await world.prisma.reconciliation.findUniqueOrThrow({ where: { id: result.reconciliationId } });
    expect(reconciliation).toMatchObject({ workflowId, status: 'COMPLETED', outageId: null });

    // Every stock write to "main" stayed within its batch limit; "feed" got feed-style jobs.
    const stockWrites = (await world.sandboxLog('main', 'listings.written')).filter((event) => event.detail.kind === 'stock');
    expect(stockWrites.length).toBe(4);
    expect(Math.max(...stockWrites.map((event) => Number(event.detail.rows)))).toBeLessThanOrEqual(2);
    expect((await world.sandboxLog('feed', 'job.submitted')).length).toBeGreaterThan(0);

    // Four pages with two pages per run: the channel's workflow continued as new instead of growing its history.
    const child = env.client.workflow.getHandle(`stock-sync:${workflowId}:${main}`);
    const history = await child.fetchHistory();
    expect(history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBeTruthy();

    await saveHistoryIfRecording(env.client.workflow.getHandle(workflowId), RECORDED_SYNC_WORKFLOW_ID);
    await saveHistoryIfRecording(child, 'sync-channel-stock');
  });

  it('closes a listing whose stock runs low and reopens one whose stock returns', async () => {
    await world.setStock('A', { first: [1, 0] });
    await world.setStock('B', { first: [10, 0] });

    const { result } = await sync([main]);

    const shown = await world.channelListings('main');
    expect(shown.get(world.sku('A'))).toMatchObject({ stock: 0, open: false });
    expect(shown.get(world.sku('B'))).toMatchObject({ stock: 8, open: true });
    expect(await world.listing('main', 'A')).toMatchObject({ publishedStock: 0, open: false });
    expect(await world.listing('main', 'B')).toMatchObject({ publishedStock: 8, open: true });
    expect(totalsOf(result, main)).toMatchObject({ closed: 1, reopened: 1, drifted: 0 });
  });

  it('skips a channel that fails its health probe or is not active, records why, and still syncs the others', async () => {
    await world.setFaults('down', { outage: '503' });
    const down = world.channelCode('down');
    const off = world.channelCode('off');

    const { result } = await sync([down, off, feed]);

    expect(outcomeOf(result, down)).toMatchObject({
      outcome: 'SKIPPED',
      reason: expect.stringContaining('health probe failed') as unknown,
    });
    expect(outcomeOf(result, off)).toEqual({ channelCode: off, outcome: 'SKIPPED', reason: 'channel status is DISABLED' });
    expect(outcomeOf(result, feed)).toMatchObject({ outcome: 'SYNCED' });
    expect((await world.sandboxLog('down', 'listings.written')).length).toBe(0);
    expect((await world.sandboxLog('off', 'request')).length).toBe(0);
    expect(await world.listing('down', 'A')).toMatchObject({ publishedStock: null, lastPushedAt: null });
    const reconciliation = await world.prisma.reconciliation.findUniqueOrThrow({ where: { id: result.reconciliationId } });
    expect(reconciliation.summary).toMatchObject({
      kind: 'STOCK_SYNC',
      channels: expect.arrayContaining([expect.objectContaining({ channelCode: off, outcome: 'SKIPPED' })]) as unknown,
    });
  });
});
