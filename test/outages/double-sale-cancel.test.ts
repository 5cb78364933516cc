import request from 'supertest';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { signAccessToken } from '../../api/auth/tokens';
import { createTemporalClient } from '../../api/temporal-client';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { testConfig } from '../api/support/test-app';
import { fastSettings, PickupWorld } from '../pickup/support/pickup-world';
import { startPickup, waitForTask } from '../pickup/support/pickup-driver';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';

/**
 * A double sale decided as cancel and refund, through the pickup path: a pickup order holds all 10 units
 * of a SKU at store A; the store is cut off and sells one of them on paper. After the outage the run
 * links the double sale to that order, head office decides CANCEL_AND_REFUND, and the outage's run
 * cancels the order through its pickup run (stock released, payment refunded on the channel), then books
 * the paper sale's unit: 9 on hand, nothing reserved, one refund, the outage resolved.
 */
describe('double sale: cancel and refund', () => {
  const world = new PickupWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  let opsLead = '';

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels, messageGateway: world.messageGateway });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
    });
    secret = config.JWT_SECRET;
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
    const lead = await world.prisma.user.create({
      data: { email: `lead@${world.prefix}.test`, name: 'Lead', role: 'OPS_LEAD', passwordHash: 'not-used-by-these-tests' },
    });
    opsLead = lead.id;
  });
  afterAll(async () => {
    await world.prisma.outage.updateMany({
      where: { store: { code: world.storeA }, status: { not: 'RESOLVED' } },
      data: { status: 'RESOLVED', openScope: null, resolvedAt: new Date() },
    });
    await worker.stop();
    await temporal.close();
    await world.tearDown();
  });

  const bearer = (userId: string) => `Bearer ${signAccessToken(userId, { secret, ttlSeconds: 600 })}`;

  it('cancels the online order through its pickup run and books the paper sale once', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 10 }]);
    const pickup = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    await waitForTask(world.prisma, order.orderId, 'PICK');
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 10 });

    const manager = bearer(world.users.managerA.id);
    const storeId = world.storeIds[world.storeA] ?? '';
    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', manager)
      .send({ kind: 'STORE', storeId, cause: 'till offline' });
    expect(declared.status).toBe(201);
    const outage = (declared.body as { outage: { id: string; workflowId: string } }).outage;
    const sale = {
      receiptNumber: 'P-77',
      soldAt: '2026-12-02T11:00:00+01:00',
      currency: 'EUR',
      lines: [{ sku: world.skuOne, quantity: 1, unitPriceMinor: world.unitPrice.one }],
    };
    expect((await request(app).post(`/api/stores/${storeId}/offline-sales`).set('Authorization', manager).send(sale)).body).toMatchObject({
      created: 1,
    });
    expect((await request(app).post(`/api/outages/${outage.id}/end`).set('Authorization', manager).send({ reason: 'back' })).status).toBe(
      202,
    );

    const handle = worker.client.workflow.getHandle(outage.workflowId);
    await eventually(
      () => handle.query(outageTimelineQuery),
      (t) => t.currentStep === 'REVIEWING',
      30_000,
    );
    const listed = await request(app)
      .get('/api/discrepancies')
      .query({ filter: JSON.stringify({ outageId: outage.id, class: 'DOUBLE_SALE' }) })
      .set('Authorization', bearer(opsLead));
    const [double] = listed.body as { id: string; orderId: string | null; status: string }[];
    expect(double).toMatchObject({ orderId: order.orderId, status: 'PENDING' });
    const decide = (body: object) =>
      request(app).post(`/api/discrepancies/${double?.id}/decision`).set('Authorization', bearer(opsLead)).send(body);
    expect((await decide({ decision: 'CANCEL_AND_REFUND' })).status).toBe(400);
    expect((await decide({ decision: 'CANCEL_AND_REFUND', reason: 'the last unit was sold at the till' })).status).toBe(200);

    const closed = await eventually(
      async () => (await request(app).get(`/api/outages/${outage.id}`).set('Authorization', bearer(opsLead))).body as { status: string },
      (o) => o.status === 'RESOLVED',
      60_000,
    );
    expect(closed.status).toBe('RESOLVED');
    const pickupResult = await pickup.result();
    expect(pickupResult.finalStep).toBe('CANCELLED');
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 9, reserved: 0 });
    const booked = await world.prisma.inventoryMovement.findMany({
      where: { idempotencyKey: { startsWith: `double-sale:${double?.id}` } },
    });
    expect(booked.map((m) => [m.kind, m.deltaOnHand])).toEqual([['OFFLINE_SALE', -1]]);
    expect(await world.prisma.refund.count({ where: { orderId: order.orderId, status: 'SUCCEEDED' } })).toBe(1);
    expect(await world.prisma.discrepancy.findUniqueOrThrow({ where: { id: double?.id ?? '' } })).toMatchObject({
      resolution: 'APPLIED',
      decision: 'CANCEL_AND_REFUND',
      resolvedByUserId: opsLead,
    });
    await saveHistoryIfRecording(handle, 'outage-double-sale-cancelled');
    // A pickup run, an outage run and its child stock sync end to end: 26 s alone, more inside the full suite.
  }, 180_000);
});
