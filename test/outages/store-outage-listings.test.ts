import request from 'supertest';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { eventually } from '../support/eventually';
import { runStockSync } from '../stock-sync/support/run-sync';
import { StockSyncWorld } from '../stock-sync/support/stock-sync-world';
import { type OutageApp, startOutageApp } from './support/outage-app';

/**
 * A store cut off protects the other channels at once, not at the next scheduled stock sync: the held-back
 * stock is published when the measures start, so a listing it brings to the channel's closing threshold
 * closes on the channel, and the outage's end publishes the full stock again and reopens it.
 *
 * Channel "mm" closes a listing at 2 units or fewer; the store holds back half of its stock during the
 * outage. A: 4 in the store, 2 shown during the outage (closed). B: 10, 5 shown (open). C: stocked only in
 * the other store (none in the outage's), untouched.
 */
describe('store outage: listings at the threshold', () => {
  const world = new StockSyncWorld();
  const runIds: string[] = [];
  let outage: OutageApp | undefined;
  let worker: OutageApp['worker'];
  let app: OutageApp['app'];
  let bearer = '';
  const shown = async (product: string) => {
    const listing = (await world.channelListings('mm')).get(world.sku(product));
    return { stock: listing?.stock, open: listing?.open };
  };

  beforeAll(async () => {
    await world.setUp(
      [{ name: 'mm', maxBatchSize: 50, safetyBuffer: 0, closeListingAtOrBelow: 2 }],
      [
        { name: 'A', stock: { first: [4, 0] } },
        { name: 'B', stock: { first: [10, 0] } },
        { name: 'C', stock: { first: [0, 0], second: [4, 0] } },
      ],
      { faultSeed: 11 },
    );
    outage = await startOutageApp(world, {
      OUTAGE_STORE_HOLD_PERCENT: '50',
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
    });
    ({ worker, app, bearer } = outage);
  });
  afterAll(async () => {
    await outage?.stop();
    await world.tearDown(runIds);
  });

  it('closes the listings the held-back stock brings to the threshold when the outage starts and reopens them at its end', async () => {
    const before = await runStockSync(worker.client, worker.taskQueue, `stock-sync-before-outage-${world.prefix}`, [
      world.channelCode('mm'),
    ]);
    runIds.push(before.workflowId);
    expect([await shown('A'), await shown('B'), await shown('C')]).toEqual([
      { stock: 4, open: true },
      { stock: 10, open: true },
      { stock: 4, open: true },
    ]);

    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', bearer)
      .send({ kind: 'STORE', storeId: world.storeId('first'), cause: 'our internet is down' });
    expect(declared.status).toBe(201);
    const opened = (declared.body as { outage: { id: string; workflowId: string } }).outage;
    const handle = worker.client.workflow.getHandle(opened.workflowId);
    // The run is started through the outbox after the answer: until then the query finds no workflow.
    const waiting = await eventually(
      () => handle.query(outageTimelineQuery).catch(() => null),
      (t) => t?.currentStep === 'WAITING_FOR_RECOVERY',
      60_000,
    );
    expect(waiting?.entries.find((e) => e.step === 'STORE_LISTINGS_CLOSED')?.outcome).toBe(
      '1 of 1 channels synced and read back, 1 listings closed, 0 reopened, 0 discrepancies',
    );
    expect([await shown('A'), await shown('B'), await shown('C')]).toEqual([
      { stock: 2, open: false },
      { stock: 5, open: true },
      { stock: 4, open: true },
    ]);

    const ended = await request(app)
      .post(`/api/outages/${opened.id}/end`)
      .set('Authorization', bearer)
      .send({ reason: 'internet is back' });
    expect(ended.status).toBe(202);
    const resolved = await eventually(
      () => handle.query(outageTimelineQuery),
      (t) => t.currentStep === 'RESOLVED',
      60_000,
    );
    expect(resolved.entries.find((e) => e.step === 'PUBLISHING')?.outcome).toBe(
      '1 of 1 channels synced and read back, 0 listings closed, 1 reopened, 0 discrepancies',
    );
    expect([await shown('A'), await shown('B'), await shown('C')]).toEqual([
      { stock: 4, open: true },
      { stock: 10, open: true },
      { stock: 4, open: true },
    ]);
  }, 180_000);
});
