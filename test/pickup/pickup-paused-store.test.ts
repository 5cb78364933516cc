import { ApplicationFailure } from '@temporalio/common';
import { createReserveStock } from '../../activities/inventory/reserve-stock';
import { STORE_PICKUP_PAUSED } from '../../domain/inventory/errors';
import { completeTaskUpdate } from '../../domain/workflow-kit/task-messages';
import { cancelPickupUpdate } from '../../domain/pickup/pickup-messages';
import { startTestWorker } from '../support/temporal';
import { startPickup, waitForStep, waitForTask } from './support/pickup-driver';
import { fastSettings, PickupWorld } from './support/pickup-world';

/**
 * A channel's pickup order for a store an outage cut off (pickup paused): the channel sold it already, so
 * intake takes it, but the store cannot hand it over. The run does not reserve there: like a store that
 * cannot cover the order, the customer is offered the stores that can (never another paused one) and the
 * order moves to the one they choose. A reservation that was recorded before the pause still stands.
 */
describe('pickup at a store whose pickup an outage paused', () => {
  const world = new PickupWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const pause = (storeCode: string, pickupPaused: boolean) =>
    world.prisma.store.update({ where: { code: storeCode }, data: { pickupPaused } });

  beforeAll(async () => {
    await world.setUp({ storeA: [10, 10], storeB: [10, 10] });
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels, messageGateway: world.messageGateway });
  });
  afterAll(async () => {
    await pause(world.storeA, false);
    await worker.stop();
    await world.tearDown();
  });

  it('offers the customer the stores that can take the order instead of reserving at the paused one', async () => {
    await pause(world.storeA, true);
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 2 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);

    const decision = await waitForTask(world.prisma, order.orderId, 'CUSTOMER_SERVICE');
    expect(decision.title).toContain(`${world.storeA} has paused pickups (cut off by an outage)`);
    expect(decision.payload).toMatchObject({ alternativeStores: [world.storeB] });
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 0 });
    const told = await world.prisma.notification.findUnique({ where: { idempotencyKey: `notify:pickup-store-paused:${order.orderId}:1` } });
    expect(told).not.toBeNull();

    await handle.executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId: decision.id,
          actor: { userId: null, label: 'cs@test' },
          outcome: { type: 'CUSTOMER_SERVICE', decision: 'MOVE_TO_STORE', storeCode: world.storeB },
        },
      ],
    });
    await waitForStep(handle, 'PICKING');
    expect(await world.stock(world.storeB, world.skuOne)).toEqual({ onHand: 10, reserved: 2 });
    await handle.executeUpdate(cancelPickupUpdate, { args: [{ reason: 'test over', actor: { userId: null, label: 'test' } }] });
    expect(await world.stock(world.storeB, world.skuOne)).toEqual({ onHand: 10, reserved: 0 });
  });

  it('refuses a new reservation at the paused store but answers one recorded before the pause as its replay', async () => {
    await pause(world.storeA, false);
    const reserveStock = createReserveStock({ prisma: world.prisma });
    const request = (businessKey: string) => ({
      storeCode: world.storeA,
      businessKey,
      actor: { userId: null, label: 'test' },
      workflowId: `paused-store-test-${world.prefix}`,
      reason: 'paused store test',
      lines: [{ sku: world.skuTwo, quantity: 1 }],
    });
    const before = await reserveStock(request(`reserve:${world.prefix}:before`));
    expect(before.replayed).toBe(false);

    await pause(world.storeA, true);
    expect((await reserveStock(request(`reserve:${world.prefix}:before`))).replayed).toBe(true);
    const refused = await reserveStock(request(`reserve:${world.prefix}:after`)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: STORE_PICKUP_PAUSED, nonRetryable: true });
    expect(await world.stock(world.storeA, world.skuTwo)).toEqual({ onHand: 10, reserved: 1 });
  });
});
