import { type CancelPickupRequest, pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { type pickupOrder } from '../../workflows/pickup/pickup-order';
import { pickupCancelledSignal, pickupTimelineQuery } from '../../domain/pickup/pickup-messages';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { ledgerOf, startPickup } from './support/pickup-driver';
import { fastSettings, PickupWorld } from './support/pickup-world';

/**
 * An order can be cancelled before its pickup run starts: it arrived cancelled, or the customer cancelled
 * while the start was still in the outbox (the cancellation then comes with the start, signal-with-start).
 * The run must reserve nothing, refund what the customer paid (a marketplace captured it at checkout), and
 * release, never refund, money that was not taken (pay at pickup).
 */
describe('pickup workflow: order cancelled before its run started', () => {
  const world = new PickupWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels, messageGateway: world.messageGateway });
  });
  afterAll(async () => {
    await worker.stop();
    await world.tearDown();
  });

  const refundsOf = async (orderId: string) =>
    (await world.prisma.refund.findMany({ where: { orderId }, orderBy: { idempotencyKey: 'asc' } })).map((refund) => [
      refund.amountMinor,
      refund.status,
    ]);

  it('closes without reserving anything and refunds what was paid, and the timeline says why', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 2 }]);
    await world.prisma.order.update({
      where: { id: order.orderId },
      data: { status: 'CANCELLED', cancelReason: 'Cancelled on the channel before intake finished' },
    });

    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    const result = await handle.result();

    const [lineId] = order.lineIds;
    expect(result).toEqual({
      orderId: order.orderId,
      finalStep: 'CANCELLED',
      storeCode: world.storeA,
      refundedUnitsByLine: { [lineId ?? '']: 2 },
    });
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 0 });
    expect(await ledgerOf(world.prisma, order.orderId)).toEqual([]);
    expect(await world.prisma.task.count({ where: { workflowId: handle.workflowId } })).toBe(0);
    expect(await refundsOf(order.orderId)).toEqual([[BigInt(2 * world.unitPrice.one), 'SUCCEEDED']]);
    expect(await world.prisma.payment.findMany({ where: { orderId: order.orderId }, select: { status: true } })).toEqual([
      { status: 'REFUNDED' },
    ]);
    const view = await handle.query(pickupTimelineQuery);
    expect(view.currentStep).toBe('CANCELLED');
    expect(view.entries.map((entry) => [entry.step, entry.outcome])).toEqual([
      ['CANCEL', 'Cancelled before the pickup started, nothing reserved; 2 unit(s) refunded'],
    ]);
    await saveHistoryIfRecording(handle, 'pickup-cancelled-before-start');
  });

  it('closes before reserving when the cancellation comes with the start, and releases a payment that took nothing', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 1 }]);
    const { externalId, channelId, totalMinor } = await world.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } });
    await world.prisma.payment.create({
      data: {
        orderId: order.orderId,
        channelId,
        provider: 'pay-at-pickup',
        externalRef: `order:${externalId}`,
        amountMinor: totalMinor,
        currency: 'EUR',
        status: 'PENDING',
      },
    });

    const handle = await worker.client.workflow.signalWithStart<typeof pickupOrder, [CancelPickupRequest]>('pickupOrder', {
      taskQueue: worker.taskQueue,
      workflowId: pickupWorkflowId(order.orderId),
      args: [{ orderId: order.orderId, storeCode: world.storeA, settings: fastSettings }],
      signal: pickupCancelledSignal,
      signalArgs: [{ reason: 'Customer cancelled before the pickup started', actor: { userId: null, label: 'channel:test' } }],
    });
    const result = await handle.result();

    expect(result).toMatchObject({ finalStep: 'CANCELLED', refundedUnitsByLine: {} });
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 0 });
    expect(await ledgerOf(world.prisma, order.orderId)).toEqual([]);
    // Pay at pickup: nothing was taken, so nothing is refunded and no channel is asked to.
    expect(await refundsOf(order.orderId)).toEqual([]);
    expect(await world.prisma.payment.findMany({ where: { orderId: order.orderId }, select: { status: true } })).toEqual([
      { status: 'VOIDED' },
    ]);
    expect(await world.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Customer cancelled before the pickup started',
    });
    const view = await handle.query(pickupTimelineQuery);
    expect(view.entries.map((entry) => [entry.step, entry.actor, entry.outcome])).toEqual([
      ['CANCEL', 'channel:test', 'Cancelled before the pickup started, nothing reserved; nothing to refund'],
    ]);
    await saveHistoryIfRecording(handle, 'pickup-cancelled-with-start');
  });
});
