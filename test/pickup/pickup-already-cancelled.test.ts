import { pickupTimelineQuery } from '../../workflows/pickup/messages';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { ledgerOf, startPickup } from './support/pickup-driver';
import { fastSettings, PickupWorld } from './support/pickup-world';

/**
 * A cancellation can commit before intake saves the workflow id on the order, so no one signals the run
 * that starts next. That run must see the order is closed and leave stock, money and tasks alone.
 */
describe('pickup workflow: order already cancelled when it starts', () => {
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

  it('closes without reserving anything, and the timeline says why', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 2 }]);
    await world.prisma.order.update({
      where: { id: order.orderId },
      data: { status: 'CANCELLED', cancelReason: 'Cancelled on the channel before intake finished' },
    });

    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    const result = await handle.result();

    expect(result).toEqual({ orderId: order.orderId, finalStep: 'CANCELLED', storeCode: world.storeA, refundedUnitsByLine: {} });
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 0 });
    expect(await ledgerOf(world.prisma, order.orderId)).toEqual([]);
    expect(await world.prisma.task.count({ where: { workflowId: handle.workflowId } })).toBe(0);
    expect(await world.prisma.refund.count({ where: { orderId: order.orderId } })).toBe(0);
    const view = await handle.query(pickupTimelineQuery);
    expect(view.currentStep).toBe('CANCELLED');
    expect(view.entries.map((entry) => [entry.step, entry.outcome])).toEqual([
      ['ALREADY_CANCELLED', expect.stringContaining('already cancelled when the pickup started: nothing reserved')],
    ]);
    await saveHistoryIfRecording(handle, 'pickup-already-cancelled');
  });
});
