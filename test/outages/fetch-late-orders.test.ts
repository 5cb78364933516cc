import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createChannelAdapterSource } from '../../activities/channels/channel-adapter-source';
import { createFetchLateOrders } from '../../activities/outages/fetch-late-orders';
import { type FetchLateOrdersInput, lateCancellationEventId, lateOrderEventId } from '../../domain/outages/late-orders';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { OutageChannel } from './support/outage-channel';
import { OutagesWorld } from './support/outages-world';

/** No worker polls it: the pickup runs the activity promises are only looked at in the outbox. */
const pickupQueue = 'late-orders-activity-test-no-worker';

/**
 * The activity on its own (real PostgreSQL, its own sandbox over HTTP, a mocked activity context): paging with
 * the cursor in the heartbeat, a retry from scratch and a resumed one counting exactly what the first attempt
 * took in, and a garbled page failing the activity before anything of it is written.
 */
describe('fetchLateOrders', () => {
  const world = new OutagesWorld(1);
  const channel = new OutageChannel(world.prisma, `${world.prefix}-fl`);
  const fetchLateOrders = createFetchLateOrders({
    prisma: world.prisma,
    channels: createChannelAdapterSource({
      prisma: world.prisma,
      apiKeys: { keys: {}, useSandboxDevKeys: true },
      transport: { retry: { maxElapsedMs: 2000 }, timeouts: { requestMs: 2000 } },
    }),
  });
  let input: FetchLateOrdersInput;
  let outageId = '';
  const placed: { externalId: string; totalAmount: number }[] = [];

  const run = async (heartbeatDetails?: unknown) => {
    const env = new MockActivityEnvironment({ taskQueue: pickupQueue, heartbeatTimeoutMs: 10_000, heartbeatDetails });
    const beats: unknown[] = [];
    env.on('heartbeat', (details: unknown) => beats.push(details));
    const result = await env.run(fetchLateOrders, input);
    return { result, beats };
  };
  const ordersOf = (externalId: string) => world.prisma.order.findMany({ where: { channelId: channel.channelId, externalId } });
  const missingRows = () =>
    world.prisma.discrepancy.findMany({ where: { reconciliationId: input.reconciliationId, class: 'ORDER_MISSING' } });

  beforeAll(async () => {
    await world.setUp();
    const products = await world.prisma.product.findMany({ where: { sku: { in: world.skus } }, select: { id: true } });
    await channel.setUp(products.map((p) => p.id));
    const outage = await world.prisma.outage.create({
      data: {
        kind: 'CHANNEL',
        channelId: channel.channelId,
        status: 'RECONCILING',
        openScope: `channel:${channel.channelId}`,
        cause: 'late orders activity test',
        detectedAt: new Date(Date.now() - 60_000),
      },
    });
    outageId = outage.id;
    const reconciliation = await world.prisma.reconciliation.create({
      data: { outageId, startedAt: new Date(), workflowId: `outage:${outageId}`, summary: { kind: 'OUTAGE' } },
    });
    input = { outageId, workflowId: `outage:${outageId}`, reconciliationId: reconciliation.id, pageSize: 1 };
    await channel.setFaults({ dropWebhooks: true });
    for (const [index, quantity] of [1, 2, 3].entries()) {
      const { order } = await channel.placeOrder({
        externalId: `${world.prefix}-F${index}`,
        customer: { name: 'Late shopper', email: `late${index}@${world.prefix}.test` },
        fulfilment: 'PICKUP',
        pickupStoreCode: `${world.prefix.toUpperCase()}-A`,
        lines: [{ sku: world.sku(0), quantity, unitPrice: world.unitPriceMinor }],
      });
      placed.push(order);
    }
  });
  afterAll(async () => {
    await world.prisma.outage.update({ where: { id: outageId }, data: { status: 'RESOLVED', openScope: null, resolvedAt: new Date() } });
    await channel.tearDown();
    await world.tearDown();
  });

  const total = () => placed.reduce((sum, order) => sum + order.totalAmount, 0);

  it('pages through the listing, heartbeating the cursor, and takes every missing order in once', async () => {
    const { result, beats } = await run();
    expect(result).toEqual({
      pages: 3,
      listed: 3,
      takenIn: 3,
      valueMinor: total(),
      alreadyReceived: 0,
      refused: 0,
      refusedExternalIds: [],
      cancellationsApplied: 0,
    });
    const cursors = beats.filter((beat) => typeof beat === 'object' && beat !== null && 'lateOrders' in beat);
    expect(cursors).toHaveLength(2);
    for (const order of placed) {
      const [taken, ...others] = await ordersOf(order.externalId);
      expect(others).toHaveLength(0);
      const start = await world.prisma.workflowStart.findUnique({ where: { workflowId: pickupWorkflowId(taken?.id ?? '') } });
      expect(start).toMatchObject({ taskQueue: pickupQueue, workflowType: 'pickupOrder' });
    }
    expect((await missingRows()).map((d) => Number(d.valueMinor)).sort((a, b) => a - b)).toEqual(placed.map((o) => o.totalAmount));
  });

  it('counts what an earlier attempt took in, from scratch or resumed from its heartbeat, and adds nothing', async () => {
    const again = await run();
    expect(again.result).toMatchObject({ pages: 3, listed: 3, takenIn: 3, valueMinor: total(), alreadyReceived: 0 });
    const afterFirstPage = again.beats.find((beat) => typeof beat === 'object' && beat !== null && 'lateOrders' in beat);
    const resumed = await run(afterFirstPage);
    expect(resumed.result).toMatchObject({ pages: 3, listed: 3, takenIn: 3, valueMinor: total() });
    expect(resumed.beats.filter((beat) => typeof beat === 'object' && beat !== null && 'lateOrders' in beat)).toHaveLength(1);
    expect(await missingRows()).toHaveLength(3);
    for (const order of placed) {
      expect(await ordersOf(order.externalId)).toHaveLength(1);
      const events = await world.prisma.orderWebhookEvent.findMany({
        where: { channelId: channel.channelId, externalOrderId: order.externalId },
      });
      expect(events.map((e) => e.eventId)).toEqual([lateOrderEventId(outageId, order.externalId)]);
    }
  });

  it('applies a cancellation the listing shows newer than our order, once, and a retry or resumed attempt counts it once', async () => {
    const [first] = placed;
    const externalId = first?.externalId ?? '';
    const cancelled = await channel.customerCancel(externalId);
    const { result } = await run();
    expect(result).toMatchObject({ listed: 3, takenIn: 3, cancellationsApplied: 1 });
    const [order] = await ordersOf(externalId);
    // No run has started (no worker polls the queue): intake cancels the order and queues the signal its run starts with.
    expect(order).toMatchObject({ status: 'CANCELLED', channelSequence: 2 });
    const signal = await world.prisma.workflowStart.findUnique({ where: { workflowId: pickupWorkflowId(order?.id ?? '') } });
    expect(signal?.pendingSignals).toEqual([expect.objectContaining({ name: 'pickupCancelled' })]);

    const again = await run();
    expect(again.result).toMatchObject({ listed: 3, takenIn: 3, cancellationsApplied: 1 });
    const afterFirstPage = again.beats.find((beat) => typeof beat === 'object' && beat !== null && 'lateOrders' in beat);
    expect((await run(afterFirstPage)).result).toMatchObject({ takenIn: 3, cancellationsApplied: 1 });
    const events = await world.prisma.orderWebhookEvent.findMany({
      where: { channelId: channel.channelId, externalOrderId: externalId },
      orderBy: { receivedAt: 'asc' },
    });
    expect(events.map((e) => [e.eventId, e.outcome, e.sequence])).toEqual([
      [lateOrderEventId(outageId, externalId), 'APPLIED', 1],
      [lateCancellationEventId(outageId, externalId), 'APPLIED', 2],
    ]);
    expect(await world.prisma.auditEvent.count({ where: { entityId: order?.id, action: 'order.cancel' } })).toBe(1);
    expect(cancelled.eventId).not.toBe(lateCancellationEventId(outageId, externalId));
  });

  it('fails on a page it cannot parse, not retryable, with nothing of it written', async () => {
    const { order } = await channel.placeOrder({
      externalId: `${world.prefix}-FG`,
      customer: { name: 'Late shopper', email: `garbled@${world.prefix}.test` },
      fulfilment: 'PICKUP',
      pickupStoreCode: `${world.prefix.toUpperCase()}-A`,
      lines: [{ sku: world.sku(0), quantity: 1, unitPrice: world.unitPriceMinor }],
    });
    await channel.setFaults({ garbleOrderListing: true });
    const failure = await run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'CHANNEL_REJECTED', nonRetryable: true });
    expect((failure as Error).message).toMatch(/body this adapter does not understand/);
    expect(await ordersOf(order.externalId)).toHaveLength(0);
    expect(await missingRows()).toHaveLength(3);
    await channel.setFaults({ garbleOrderListing: false });
  });
});
