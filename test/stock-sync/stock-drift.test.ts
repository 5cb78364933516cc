import { startTestWorker } from '../support/temporal';
import { runStockSync, totalsOf } from './support/run-sync';
import { StockSyncWorld } from './support/stock-sync-world';

/** With this seed the sandbox drops 4 of the first 8 stock writes to "flaky" and none of their re-pushes. */
const FAULT_SEED = 4;
const products = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'];

/**
 * "Accepted but not applied": the channel answers every write with success and silently drops some.
 * Only reading back shows it; the sync must notice, re-push once, and raise what is still wrong.
 */
describe('stock sync drift detection', () => {
  const world = new StockSyncWorld();
  const runIds: string[] = [];
  let env: Awaited<ReturnType<typeof startTestWorker>>;

  const sync = async (channelName: string) => {
    const run = await runStockSync(env.client, env.taskQueue, `stock-sync-test-${world.prefix}-${runIds.length + 1}`, [
      world.channelCode(channelName),
    ]);
    runIds.push(run.workflowId);
    return run.result;
  };

  beforeAll(async () => {
    await world.setUp(
      [
        { name: 'flaky', maxBatchSize: 10, safetyBuffer: 1, closeListingAtOrBelow: 0 },
        { name: 'liar', maxBatchSize: 10, safetyBuffer: 1, closeListingAtOrBelow: 0 },
      ],
      products.map((name, index) => ({ name, stock: { first: [5 + index, 0] as [number, number] } })),
      { faultSeed: FAULT_SEED },
    );
    env = await startTestWorker({ prisma: world.prisma, channels: world.channels });
  });

  afterAll(async () => {
    await env?.stop();
    await world.tearDown(runIds);
  });

  it('catches writes the channel accepted but never applied, and the re-push fixes them', async () => {
    await world.setFaults('flaky', { acceptButDropRate: 0.3 });

    const result = await sync('flaky');

    const dropped = await world.sandboxLog('flaky', 'fault.accept_but_drop');
    const totals = totalsOf(result, world.channelCode('flaky'));
    expect(dropped.length).toBeGreaterThan(0);
    expect(totals.drifted).toBe(4);
    expect(totals.repushed).toBe(4);
    expect(totals.fixedByRepush).toBe(4);
    expect(totals.discrepancies).toBe(0);
    const shown = await world.channelListings('flaky');
    for (const [index, product] of products.entries()) {
      expect({ product, stock: shown.get(world.sku(product))?.stock }).toEqual({ product, stock: 4 + index });
      expect(await world.listing('flaky', product)).toMatchObject({
        publishedStock: 4 + index,
        verifiedStock: 4 + index,
        driftDetectedAt: null,
      });
    }
    expect(await world.discrepancies('flaky')).toEqual([]);
    expect(result.status).toBe('COMPLETED');
  });

  it('raises drift that survives the re-push as one discrepancy per listing and leaves the listing marked', async () => {
    await world.setFaults('liar', { acceptButDropRate: 1 });

    const first = await sync('liar');

    const totals = totalsOf(first, world.channelCode('liar'));
    expect(totals).toMatchObject({ drifted: 8, repushed: 8, fixedByRepush: 0, discrepancies: 8 });
    expect(first).toMatchObject({ status: 'AWAITING_REVIEW', discrepancies: 8 });
    const raised = await world.discrepancies('liar');
    expect(raised.map((discrepancy) => discrepancy.product.sku).sort()).toEqual(products.map((product) => world.sku(product)).sort());
    for (const discrepancy of raised) {
      const published = (await world.listing('liar', discrepancy.product.sku.split('-').at(-1) ?? '')).publishedStock;
      expect(discrepancy).toMatchObject({
        reconciliationId: first.reconciliationId,
        resolution: 'PENDING',
        systemQty: published,
        channelQty: null,
        delta: -(published ?? 0),
      });
    }
    const markedAt = (await world.listing('liar', 'P1')).driftDetectedAt;
    expect(markedAt).toBeInstanceOf(Date);

    // Still lying on the next run: the listings stay marked since the first sighting, nothing is raised twice.
    const second = await sync('liar');
    expect(totalsOf(second, world.channelCode('liar'))).toMatchObject({ drifted: 8, discrepancies: 0 });
    expect(await world.discrepancies('liar')).toHaveLength(8);
    expect((await world.listing('liar', 'P1')).driftDetectedAt).toEqual(markedAt);

    // The channel behaves again: the next run's read-back agrees and clears the mark.
    await world.setFaults('liar', { acceptButDropRate: 0 });
    const third = await sync('liar');
    expect(totalsOf(third, world.channelCode('liar'))).toMatchObject({ drifted: 0 });
    expect((await world.listing('liar', 'P1')).driftDetectedAt).toBeNull();
  });
});
