import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import request from 'supertest';
import { createChannelAdapterSource } from '../../activities/channels/channel-adapter-source';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/logger';
import { createTemporalClient } from '../../api/temporal-client';
import { defaultPayloadConverter } from '@temporalio/common';
import { lateCancellationEventId, lateOrderEventId } from '../../domain/outages/late-orders';
import { type HandleOutageInput, type HandleOutageResult } from '../../domain/outages/outage-workflow';
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
  const world = new OutagesWorld(4);
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
      // Not the defaults (15 min, NL): the run's input must carry them, and intake reads +62 numbers in ID.
      OUTAGE_LATE_ORDERS_MARGIN_MS: String(60 * 60_000),
      INTAKE_PHONE_REGION: 'ID',
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

  const reservedOf = async (sku: string) => {
    const product = await world.prisma.product.findUniqueOrThrow({ where: { sku } });
    const level = await world.prisma.inventoryLevel.findUniqueOrThrow({
      where: { storeId_productId: { storeId: world.storeA, productId: product.id } },
    });
    return level.reserved;
  };
  const cancellationAudits = (orderId: string) =>
    world.prisma.auditEvent.count({ where: { entityType: 'Order', entityId: orderId, action: { startsWith: 'order.cancel' } } });

  it('applies a cancellation whose webhook was lost, through the pickup run, once; the settings reach the run', async () => {
    // Placed before the outage: its webhook arrives, its pickup run reserves the unit.
    const kept = await place(`${world.prefix}-C1`, world.sku(3), 1);
    const [ours] = await eventually(
      () => ordersOf(kept.order.externalId),
      (found) => found[0]?.workflowId !== null && found.length === 1,
    );
    const orderId = ours?.id ?? '';
    pickupRuns.push(pickupWorkflowId(orderId));
    await eventually(
      () => reservedOf(world.sku(3)),
      (reserved) => reserved === 1,
    );

    await channel.setFaults({ outage: '503', dropWebhooks: true });
    const outage = await declareOutage('MegaMart down while a customer cancels');
    const cancelled = await channel.customerCancel(kept.order.externalId);
    // A national number: read in INTAKE_PHONE_REGION (ID) by the late-order intake, not the NL default.
    const national = await channel.placeOrder({
      externalId: `${world.prefix}-C2`,
      customer: { name: 'Shopper national', phone: '0812 9876 5432' },
      fulfilment: 'PICKUP',
      pickupStoreCode: storeCode(),
      lines: [{ sku: world.sku(0), quantity: 1, unitPrice: world.unitPriceMinor }],
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await ordersOf(kept.order.externalId))[0]?.status).not.toBe('CANCELLED');
    expect(await reservedOf(world.sku(3))).toBe(1);
    expect((await channel.webhookDeliveries()).find((d) => d.eventId === cancelled.eventId)).toMatchObject({
      status: 'abandoned',
      attempts: 0,
    });

    await channel.setFaults({ outage: null, dropWebhooks: false });
    await resolved(outage.id);
    const handle = worker.client.workflow.getHandle(outage.workflowId ?? '');
    const result = (await handle.result()) as HandleOutageResult;
    expect(result.lateOrders).toMatchObject({ cancellationsApplied: 1, takenIn: expect.any(Number) as number });
    const timeline = await handle.query(outageTimelineQuery);
    expect(timeline.entries.find((e) => e.step === 'LATE_ORDERS')?.outcome).toMatch(/; 1 cancellation applied$/);

    // The pickup run released the unit and refunded what the channel captured, once.
    const [after] = await eventually(
      () => ordersOf(kept.order.externalId),
      (found) => found[0]?.status === 'CANCELLED',
      30_000,
    );
    const [taken] = await ordersOf(national.order.externalId);
    pickupRuns.push(pickupWorkflowId(taken?.id ?? ''));
    await eventually(
      () => reservedOf(world.sku(3)),
      (reserved) => reserved === 0,
      30_000,
    );
    await eventually(
      () => world.prisma.refund.count({ where: { orderId, status: 'SUCCEEDED' } }),
      (count) => count === 1,
      30_000,
    );
    expect(after?.channelSequence).toBe(2);
    const inbox = await world.prisma.orderWebhookEvent.findMany({ where: { orderId }, orderBy: { receivedAt: 'asc' } });
    expect(inbox.map((e) => [e.eventId, e.outcome, e.sequence])).toEqual([
      [kept.eventId, 'APPLIED', 1],
      [lateCancellationEventId(outage.id, kept.order.externalId), 'APPLIED', 2],
    ]);
    const customer = await world.prisma.customer.findUniqueOrThrow({ where: { id: taken?.customerId ?? '' } });
    expect(customer.phone).toBe('+6281298765432');

    // Both settings reached the run through its input, not the workflow's defaults.
    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const input = defaultPayloadConverter.fromPayload<HandleOutageInput>(started ?? {});
    expect(input.settings).toMatchObject({ lateOrdersMarginMs: 3_600_000, lateOrdersPhoneRegion: 'ID' });
    await saveHistoryIfRecording(handle, 'outage-channel-late-cancellation');
    const auditsAfterFirst = await cancellationAudits(orderId);

    // A second recovery lists the same cancelled order: nothing changes.
    await channel.setFaults({ outage: '503' });
    const again = await declareOutage('MegaMart down once more');
    await channel.setFaults({ outage: null });
    await resolved(again.id);
    const secondHandle = worker.client.workflow.getHandle(again.workflowId ?? '');
    expect(((await secondHandle.result()) as HandleOutageResult).lateOrders).toMatchObject({ takenIn: 0, cancellationsApplied: 0 });
    // (The order of a SKU we do not sell, from the first test, is refused again: it is still not ours.)
    expect((await secondHandle.query(outageTimelineQuery)).entries.find((e) => e.step === 'LATE_ORDERS')?.outcome).not.toMatch(
      /cancellation|taken in/,
    );
    expect(await world.prisma.orderWebhookEvent.count({ where: { orderId } })).toBe(2);
    expect(await cancellationAudits(orderId)).toBe(auditsAfterFirst);

    // The lost cancellation webhook, redelivered now: stale, no second refund.
    await channel.redeliver(cancelled.eventId);
    await eventually(
      () => world.prisma.orderWebhookEvent.findMany({ where: { orderId }, orderBy: { receivedAt: 'asc' } }),
      (events) => events.length === 3,
    );
    expect((await world.prisma.orderWebhookEvent.findFirst({ where: { eventId: cancelled.eventId } }))?.outcome).toBe('STALE');
    expect(await world.prisma.refund.count({ where: { orderId } })).toBe(1);
    expect(await reservedOf(world.sku(3))).toBe(0);
  });
});
