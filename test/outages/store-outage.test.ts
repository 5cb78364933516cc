import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { testConfig } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { OutagesWorld, type OutagesUserKey } from './support/outages-world';

interface OutageBody {
  id: string;
  status: string;
  workflowId: string | null;
  measures: { measure: string; liftedAt: string | null }[];
  report: Record<string, { count: number; valueMinor: number }> | null;
}

/**
 * A store cut off, end to end: the real app, PostgreSQL, Temporal and handleOutage on an in-process worker.
 * Store A (20 on hand of each SKU) declares its outage, sells on paper (imported as a CSV), one SKU's last
 * unit was also sold online (reserved); the manager ends the outage and the run reconciles and closes it.
 */
describe('store cut off', () => {
  const world = new OutagesWorld(3);
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  const as = (key: OutagesUserKey) => world.bearer(key, secret);
  const outage = async (id: string) =>
    (await request(app).get(`/api/outages/${id}`).set('Authorization', as('opsLead'))).body as OutageBody;
  const store = () => world.prisma.store.findUniqueOrThrow({ where: { id: world.storeA } });
  let product2 = '';
  const product2Id = () => product2;
  const level = (sku: string) => world.prisma.inventoryLevel.findFirstOrThrow({ where: { storeId: world.storeA, product: { sku } } });

  beforeAll(async () => {
    await world.setUp();
    // The last unit of SKU 2 is reserved by an online order: a paper sale of it is a double sale.
    await world.prisma.inventoryLevel.updateMany({
      where: { storeId: world.storeA, product: { sku: world.sku(2) } },
      data: { onHand: 1, reserved: 1 },
    });
    const productTwo = await world.prisma.product.findUniqueOrThrow({ where: { sku: world.sku(2) } });
    await world.prisma.inventoryLevel.create({ data: { storeId: world.storeB, productId: productTwo.id, onHand: 3 } });
    product2 = productTwo.id;
    worker = await startTestWorker({ prisma: world.prisma });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      OUTAGE_STORE_HOLD_PERCENT: '40',
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
  });
  afterAll(async () => {
    await worker.stop();
    await temporal.close();
    await world.tearDown();
  });

  it('refuses a clerk of another store and a malformed declaration, writing nothing', async () => {
    const before = await world.prisma.outage.count({ where: { storeId: world.storeA } });
    const declare = (key: OutagesUserKey, body: object) => request(app).post('/api/outages').set('Authorization', as(key)).send(body);
    expect((await declare('clerkB', { kind: 'STORE', storeId: world.storeA, cause: 'internet down' })).status).toBe(403);
    expect((await declare('managerA', { kind: 'STORE', cause: 'internet down' })).status).toBe(400);
    expect((await declare('managerA', { kind: 'CHANNEL', channelId: world.storeA, cause: 'x' })).status).toBe(403);
    expect(await world.prisma.outage.count({ where: { storeId: world.storeA } })).toBe(before);
  });

  it('protects, journals, reconciles and lifts every measure', async () => {
    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', as('managerA'))
      .send({ kind: 'STORE', storeId: world.storeA, cause: 'our internet is down' });
    expect(declared.status).toBe(201);
    const { outage: opened, joined } = declared.body as { outage: OutageBody; joined: boolean };
    expect(joined).toBe(false);
    const again = await request(app)
      .post('/api/outages')
      .set('Authorization', as('opsLead'))
      .send({ kind: 'STORE', storeId: world.storeA, cause: 'till offline' });
    expect(again.body).toMatchObject({ joined: true, outage: { id: opened.id } });

    const protectedStore = await eventually(store, (s) => s.pickupPaused && s.onlineHoldPercent === 40);
    expect(protectedStore).toMatchObject({ pickupPaused: true, onlineHoldPercent: 40 });
    const handle = worker.client.workflow.getHandle(opened.workflowId ?? '');
    const during = await eventually(
      () => handle.query(outageTimelineQuery),
      (t) => t.currentStep === 'WAITING_FOR_RECOVERY',
    );
    expect(during.measures).toEqual(['STORE_STOCK_HELD', 'STORE_PICKUP_PAUSED']);

    const price = world.unitPriceMinor;
    const csv = [
      'receipt_number,sold_at,currency,sku,quantity,unit_price_minor',
      `P-1,2026-12-02T09:00:00+07:00,IDR,${world.sku(0)},2,${price}`,
      `P-1,2026-12-02T09:00:00+07:00,IDR,${world.sku(1)},1,${price}`,
      `P-2,2026-12-02T09:30:00+07:00,IDR,${world.sku(0)},1,${price}`,
      `P-3,2026-12-02T10:00:00+07:00,IDR,${world.sku(2)},1,${price}`,
    ].join('\n');
    const imported = await request(app)
      .post(`/api/stores/${world.storeA}/offline-sales/import`)
      .set('Authorization', as('managerA'))
      .set('content-type', 'text/csv')
      .send(csv);
    expect(imported.body).toMatchObject({ created: 3, errors: 0 });
    const journal = await world.prisma.offlineSale.findMany({ where: { storeId: world.storeA } });
    expect(journal.every((sale) => sale.outageId === opened.id)).toBe(true);

    const ended = await request(app)
      .post(`/api/outages/${opened.id}/end`)
      .set('Authorization', as('managerA'))
      .send({ reason: 'internet is back' });
    expect(ended.status).toBe(202);
    // The double sale waits for its order decision: store B fulfils it.
    await eventually(
      () => handle.query(outageTimelineQuery),
      (t) => t.currentStep === 'REVIEWING',
      30_000,
    );
    const pending = await world.prisma.discrepancy.findFirstOrThrow({
      where: { class: 'DOUBLE_SALE', reconciliation: { outageId: opened.id } },
    });
    const decided = await request(app)
      .post(`/api/discrepancies/${pending.id}/decision`)
      .set('Authorization', as('opsLead'))
      .send({ decision: 'FULFIL_FROM_STORE', storeId: world.storeB });
    expect(decided.body).toMatchObject({ review: { pending: 0, settled: true } });
    const closed = await eventually(
      () => outage(opened.id),
      (o) => o.status === 'RESOLVED',
      60_000,
    );
    expect(closed.status).toBe('RESOLVED');
    expect(closed.measures.every((m) => m.liftedAt !== null)).toBe(true);
    expect(closed.report?.OFFLINE_SALE).toEqual({ count: 2, valueMinor: 4 * price });
    expect(closed.report?.DOUBLE_SALE).toEqual({ count: 1, valueMinor: price });

    expect(await store()).toMatchObject({ pickupPaused: false, onlineHoldPercent: 0 });
    expect((await level(world.sku(0))).onHand).toBe(17);
    expect((await level(world.sku(1))).onHand).toBe(19);
    expect(await level(world.sku(2))).toMatchObject({ onHand: 1, reserved: 1 });
    const reconciliation = await world.prisma.reconciliation.findFirstOrThrow({ where: { outageId: opened.id } });
    const ledger = await world.prisma.inventoryMovement.findMany({
      where: { storeId: world.storeA, kind: 'OFFLINE_SALE', idempotencyKey: { startsWith: 'offline-sale:' } },
    });
    expect(ledger).toHaveLength(2);
    expect(ledger.every((m) => m.idempotencyKey.startsWith(`offline-sale:${reconciliation.id}:`))).toBe(true);
    const doubleSale = await world.prisma.discrepancy.findFirstOrThrow({
      where: { reconciliationId: reconciliation.id, class: 'DOUBLE_SALE' },
    });
    expect(doubleSale).toMatchObject({ resolution: 'APPLIED', journalQty: 1, delta: -1, decision: 'FULFIL_FROM_STORE' });
    expect((await world.prisma.inventoryLevel.findFirstOrThrow({ where: { storeId: world.storeB, productId: product2Id() } })).onHand).toBe(
      2,
    );
    expect(await world.prisma.offlineSale.count({ where: { storeId: world.storeA, appliedToStockAt: null } })).toBe(0);

    const timeline = await handle.query(outageTimelineQuery);
    expect(timeline.currentStep).toBe('RESOLVED');
    expect(timeline.measures).toEqual([]);
    expect(timeline.entries.filter((e) => e.outcome === 'lifted').map((e) => e.step)).toEqual(['STORE_PICKUP_PAUSED', 'STORE_STOCK_HELD']);
    // No channel lists this world's products: publishing syncs none (not every channel of the database).
    expect(timeline.entries.find((e) => e.step === 'PUBLISHING')?.outcome).toBe(
      'no channel lists what this store holds: nothing to publish',
    );
    await saveHistoryIfRecording(handle, 'outage-store-cut-off');

    // Ended twice: refused, nothing happens again.
    const twice = await request(app).post(`/api/outages/${opened.id}/end`).set('Authorization', as('managerA')).send({ reason: 'again' });
    expect(twice.status).toBe(409);
    // Declare, journal, end, review, apply, lift, publish through a child stock sync and close: more than a minute inside the full suite.
  }, 180_000);
});
