import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import request from 'supertest';
import { createChannelAdapterSource } from '../../activities/channels/channel-adapter-source';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { lateOrderEventId } from '../../domain/outages/late-orders';
import { outageTimelineQuery } from '../../domain/outages/outage-messages';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { testConfig } from '../api/support/test-app';
import { eventually } from '../support/eventually';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { OutageChannel } from './support/outage-channel';
import { OutagesWorld } from './support/outages-world';

interface OutageBody {
  id: string;
  status: string;
  workflowId: string | null;
  report: Record<string, { count: number; valueMinor: number }> | null;
}

/** Small budgets so a failing channel call gives up in about a second. */
const transport = {
  retry: { rateLimitedAttempts: 2, maxElapsedMs: 2000, baseDelayMs: 50, maxDelayMs: 200 },
  timeouts: { requestMs: 2000, jobPollIntervalMs: 50, jobMaxWaitMs: 5000 },
};

/**
 * A marketplace that is down while shoppers keep ordering on it, and whose webhooks for those orders never
 * arrive (sandbox fault dropWebhooks). On recovery the outage run lists the channel's orders from the outage's
 * start and takes the missing ones through order intake, one ORDER_MISSING each; an order we had already is
 * not counted; the original webhook redelivered afterwards creates nothing. A channel whose listing answers
 * garbage leaves the step failed on the timeline, nothing written, and the outage resolved all the same.
 */
describe('channel outage: late orders', () => {
  const world = new OutagesWorld(3);
  const webhookSecret = 'late-orders-test-secret';
  let channel: OutageChannel;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let temporal: ReturnType<typeof createTemporalClient>;
  let app: ReturnType<typeof createApp>;
  let server: Server;
  let bearer = '';
  let secret = '';
  const pickupRuns: string[] = [];

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({
      prisma: world.prisma,
      channels: createChannelAdapterSource({ prisma: world.prisma, apiKeys: { keys: {}, useSandboxDevKeys: true }, transport }),
    });
    const config = testConfig({
      TEMPORAL_TASK_QUEUE: worker.taskQueue,
      WORKFLOW_START_RELAY_DELAY_MS: '0',
      OUTAGE_HEALTH_CHECK_INTERVAL_MS: '300',
      OUTAGE_RECOVERY_PROBES: '2',
      OUTAGE_PUBLISH_READBACK_DELAY_MS: '0',
    });
    temporal = createTemporalClient(config);
    app = createApp({ prisma: world.prisma, temporal, config, logger: createLogger(config) });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    channel = new OutageChannel(world.prisma, `${world.prefix}-lm`, { apiUrl, webhookSecret });
    const products = await world.prisma.product.findMany({ where: { sku: { in: world.skus } }, select: { id: true } });
    await channel.setUp(products.map((p) => p.id));
    bearer = world.bearer('opsLead', config.JWT_SECRET);
    secret = config.JWT_SECRET;
  });
  afterAll(async () => {
    for (const workflowId of pickupRuns)
      await worker.client.workflow
        .getHandle(workflowId)
        .terminate('test over')
        .catch(() => undefined);
    await worker.stop();
    await temporal.close();
    await new Promise((resolve) => server.close(resolve));
    await channel.tearDown();
    await world.tearDown();
  });

  const storeCode = () => `${world.prefix.toUpperCase()}-A`;
  const place = (externalId: string, sku: string, quantity: number) =>
    channel.placeOrder({
      externalId,
      customer: { name: `Shopper ${externalId}`, phone: '+6281234567890' },
      fulfilment: 'PICKUP',
      pickupStoreCode: storeCode(),
      lines: [{ sku, quantity, unitPrice: world.unitPriceMinor }],
    });
  const ordersOf = (externalId: string) =>
    world.prisma.order.findMany({ where: { channelId: channel.channelId, externalId }, include: { payments: true } });

  async function declareOutage(cause: string): Promise<OutageBody> {
    const declared = await request(app)
      .post('/api/outages')
      .set('Authorization', bearer)
      .send({ kind: 'CHANNEL', channelId: channel.channelId, cause });
    expect(declared.status).toBe(201);
    await eventually(
      () => world.prisma.channel.findUniqueOrThrow({ where: { id: channel.channelId } }),
      (c) => c.status === 'OUTAGE',
    );
    return (declared.body as { outage: OutageBody }).outage;
  }
  const resolved = (outageId: string) =>
    eventually(
      async () => (await request(app).get(`/api/outages/${outageId}`).set('Authorization', bearer)).body as OutageBody,
      (o) => o.status === 'RESOLVED',
      60_000,
    );
  const orderMissingOf = (outageId: string) =>
    world.prisma.discrepancy.findMany({ where: { class: 'ORDER_MISSING', reconciliation: { outageId } }, orderBy: { valueMinor: 'asc' } });

  it('takes in the orders whose webhooks were lost, once each, not the one we had nor one intake refuses', async () => {
    // Before the outage (inside the listing's margin): its webhook arrives as usual.
    const before = await place(`${world.prefix}-PRE`, world.sku(0), 1);
    await eventually(
      () => ordersOf(before.order.externalId),
      (found) => found.length === 1,
    );

    await channel.setFaults({ outage: '503', dropWebhooks: true });
    const outage = await declareOutage('MegaMart API answers 503');
    const late1 = await place(`${world.prefix}-L1`, world.sku(0), 1);
    const late2 = await place(`${world.prefix}-L2`, world.sku(1), 2);
    // A SKU we do not sell: intake refuses it as it would refuse its webhook (400), and writes nothing.
    const unknown = await place(`${world.prefix}-LX`, `${world.prefix.toUpperCase()}-NOT-OURS`, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await ordersOf(late1.order.externalId)).toHaveLength(0);
    expect((await channel.webhookDeliveries()).find((d) => d.eventId === late1.eventId)).toMatchObject({
      status: 'abandoned',
      attempts: 0,
    });

    await channel.setFaults({ outage: null, dropWebhooks: false });
    const closed = await resolved(outage.id);

    for (const late of [late1, late2]) {
      const [order, ...others] = await ordersOf(late.order.externalId);
      expect(others).toHaveLength(0);
      expect(order).toMatchObject({ fulfilmentType: 'PICKUP', totalMinor: BigInt(late.order.totalAmount), channelSequence: 1 });
      expect(order?.payments).toEqual([expect.objectContaining({ status: 'CAPTURED', provider: channel.code })]);
      // Its pickup run is promised in the outbox and started, as for a webhook order.
      const workflowId = pickupWorkflowId(order?.id ?? '');
      pickupRuns.push(workflowId);
      await eventually(
        () => world.prisma.workflowStart.findUnique({ where: { workflowId } }),
        (start) => start?.status === 'STARTED',
      );
      expect((await worker.client.workflow.getHandle(workflowId).describe()).taskQueue).toBe(worker.taskQueue);
      const inbox = await world.prisma.orderWebhookEvent.findMany({ where: { orderId: order?.id } });
      expect(inbox.map((e) => [e.eventId, e.outcome])).toEqual([[lateOrderEventId(outage.id, late.order.externalId), 'APPLIED']]);
    }

    const missing = await orderMissingOf(outage.id);
    const [pre] = await ordersOf(before.order.externalId);
    expect(missing).toHaveLength(2);
    expect(missing.map((d) => d.orderId)).not.toContain(pre?.id);
    expect(missing.map((d) => [Number(d.valueMinor), d.resolution, d.channelQty, d.channelId, d.storeId])).toEqual([
      [late1.order.totalAmount, 'AUTO_FIXED', 1, channel.channelId, world.storeA],
      [late2.order.totalAmount, 'AUTO_FIXED', 2, channel.channelId, world.storeA],
    ]);
    expect(closed.report?.ORDER_MISSING).toEqual({ count: 2, valueMinor: late1.order.totalAmount + late2.order.totalAmount });

    // The outage page's list of them (GET /api/outages/:id/late-orders, react-admin's list protocol).
    const lateOrders = (authorization: string, query = '') =>
      request(app).get(`/api/outages/${outage.id}/late-orders${query}`).set('Authorization', authorization);
    const listed = await lateOrders(bearer, '?sort=["placedAt","ASC"]&range=[0,9]');
    expect(listed.status).toBe(200);
    expect(listed.headers['content-range']).toBe('late-orders 0-1/2');
    const [taken1, taken2] = await Promise.all([ordersOf(late1.order.externalId), ordersOf(late2.order.externalId)]);
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: taken1[0]?.id,
        externalId: late1.order.externalId,
        channelCode: channel.code,
        pickupStoreCode: storeCode(),
      }),
      expect.objectContaining({
        id: taken2[0]?.id,
        externalId: late2.order.externalId,
        totalMinor: late2.order.totalAmount,
        currency: 'IDR',
      }),
    ]);
    const first = (listed.body as { placedAt: string; takenInAt: string; status: string }[])[0];
    expect(new Date(first?.placedAt ?? 0).getTime()).toBeLessThan(new Date(first?.takenInAt ?? 0).getTime());
    expect(first?.status).toBe(taken1[0]?.status);
    const newestFirst = await lateOrders(bearer, '?sort=["takenInAt","DESC"]&range=[0,0]');
    expect(newestFirst.headers['content-range']).toBe('late-orders 0-0/2');
    // Store staff see the orders for their own store only; a bad sort is a 400, an unknown outage a 404.
    expect(((await lateOrders(world.bearer('clerkA', secret))).body as unknown[]).length).toBe(2);
    expect((await lateOrders(world.bearer('clerkB', secret))).body).toEqual([]);
    expect((await lateOrders(bearer, '?sort=["externalId","ASC"]')).status).toBe(400);
    expect(
      (await request(app).get('/api/outages/00000000-0000-4000-8000-000000000000/late-orders').set('Authorization', bearer)).status,
    ).toBe(404);

    const handle = worker.client.workflow.getHandle(outage.workflowId ?? '');
    const timeline = await handle.query(outageTimelineQuery);
    expect(timeline.entries.find((e) => e.step === 'LATE_ORDERS')?.outcome).toBe(
      `2 orders fetched and taken in; 1 order refused by intake (${unknown.order.externalId}): for a person to check`,
    );
    expect(await ordersOf(unknown.order.externalId)).toHaveLength(0);
    expect(
      await world.prisma.orderWebhookEvent.count({ where: { channelId: channel.channelId, externalOrderId: unknown.order.externalId } }),
    ).toBe(0);
    const steps = timeline.entries.map((e) => e.step);
    expect(steps.indexOf('LATE_ORDERS')).toBeGreaterThan(steps.indexOf('RECONCILING'));
    expect(steps.indexOf('LATE_ORDERS')).toBeLessThan(steps.indexOf('PUBLISHING'));
    await saveHistoryIfRecording(handle, 'outage-channel-late-orders');

    // The lost webhook, redelivered now: stale against the order the listing brought in, nothing new.
    await channel.redeliver(late1.eventId);
    await eventually(
      () => channel.webhookDeliveries(),
      (deliveries) => deliveries.some((d) => d.eventId === late1.eventId && d.status === 'delivered'),
    );
    const [taken] = await ordersOf(late1.order.externalId);
    expect(await ordersOf(late1.order.externalId)).toHaveLength(1);
    const inbox = await world.prisma.orderWebhookEvent.findMany({ where: { orderId: taken?.id }, orderBy: { receivedAt: 'asc' } });
    expect(inbox.map((e) => [e.eventId, e.outcome])).toEqual([
      [lateOrderEventId(outage.id, late1.order.externalId), 'APPLIED'],
      [late1.eventId, 'STALE'],
    ]);
    expect(await orderMissingOf(outage.id)).toHaveLength(2);
  });

  it('leaves a malformed listing on the timeline, writes nothing, and resolves the outage', async () => {
    await channel.setFaults({ outage: '503', dropWebhooks: true, garbleOrderListing: true });
    const outage = await declareOutage('MegaMart down again');
    const late = await place(`${world.prefix}-L3`, world.sku(2), 1);
    await channel.setFaults({ outage: null, dropWebhooks: false });

    const closed = await resolved(outage.id);
    const timeline = await worker.client.workflow.getHandle(outage.workflowId ?? '').query(outageTimelineQuery);
    const step = timeline.entries.find((e) => e.step === 'LATE_ORDERS');
    expect(step?.outcome).toMatch(/^could not list the channel's orders \(.*body this adapter does not understand.*\)/);
    expect(await ordersOf(late.order.externalId)).toHaveLength(0);
    expect(await orderMissingOf(outage.id)).toHaveLength(0);
    expect(closed.report?.ORDER_MISSING).toEqual({ count: 0, valueMinor: 0 });
    await channel.setFaults({ garbleOrderListing: false });
  });
});
