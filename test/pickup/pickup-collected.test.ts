import { WorkflowUpdateFailedError } from '@temporalio/client';
import { startPickupWorkflow } from '../../api/intake/start-pickup-workflow';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import { cancelPickupUpdate, pickupTimelineQuery } from '../../domain/pickup/pickup-messages';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { codeSentToCustomer, enterCode, ledgerOf, pick, startPickup, waitForStep } from './support/pickup-driver';
import { fastSettings, PickupWorld } from './support/pickup-world';

/** Pickups that end at the counter: real Temporal, PostgreSQL and a sandbox channel over HTTP. */
describe('pickup workflow: collected', () => {
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

  it('reserves, picks, readies with a code only the customer gets, hands over and consumes the stock', async () => {
    const order = await world.placeOrder([
      { sku: world.skuOne, quantity: 2 },
      { sku: world.skuTwo, quantity: 1 },
    ]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);

    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 0 });
    const picked = await pick(
      handle,
      world.prisma,
      order.orderId,
      world.users.staffA,
      order.lineIds.map((lineId, index) => ({ lineId, pickedQuantity: index === 0 ? 2 : 1 })),
    );
    expect(picked).toMatchObject({ completed: true, taskStatus: 'DONE' });
    await waitForStep(handle, 'AWAITING_COLLECTION');
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 2 });
    expect((await world.channelOrder(order.externalId)).status).toBe('READY_FOR_PICKUP');

    const code = await codeSentToCustomer(world.prisma, order.orderId, world.sandboxUrl);
    const accepted = await enterCode(handle, world.prisma, order.orderId, world.users.staffA, code);
    expect(accepted).toMatchObject({ completed: true, taskStatus: 'DONE' });
    const result = await handle.result();

    expect(result).toMatchObject({ finalStep: 'COLLECTED', refundedUnitsByLine: {} });
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 8, reserved: 0 });
    expect(await world.stock(world.storeA, world.skuTwo)).toEqual({ onHand: 9, reserved: 0 });
    expect(await ledgerOf(world.prisma, order.orderId)).toEqual([
      expect.objectContaining({ kind: 'RESERVE' }),
      expect.objectContaining({ kind: 'RESERVE' }),
      expect.objectContaining({ kind: 'CONSUME' }),
      expect.objectContaining({ kind: 'CONSUME' }),
    ]);
    const stored = await world.prisma.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { lines: true } });
    expect(stored.status).toBe('COLLECTED');
    expect(stored.pickupCodeHash).toBeNull();
    expect(stored.lines.map((line) => line.status)).toEqual(['FULFILLED', 'FULFILLED']);
    expect((await world.channelOrder(order.externalId)).status).toBe('COLLECTED');
    expect(await world.prisma.refund.count({ where: { orderId: order.orderId } })).toBe(0);

    const timeline = await handle.query(pickupTimelineQuery);
    expect(timeline.currentStep).toBe('COLLECTED');
    expect(timeline.entries.map((entry) => entry.step)).toEqual(['RESERVE', 'PICK', 'READY', 'AWAIT_COLLECTION', 'COLLECT']);
    expect(timeline.entries.find((entry) => entry.step === 'PICK')?.actor).toBe(world.users.staffA.email);
    // The code is in the customer's message and nowhere in the workflow's history.
    // Payloads are base64 in the history's JSON: decode them, and match the code as a whole number (task
    // and event ids in the history are long digit strings that can contain any six digits).
    const historyJson = JSON.stringify(await handle.fetchHistory());
    const payloadTexts = [...historyJson.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)].map((match) =>
      Buffer.from(match[1] ?? '', 'base64').toString('utf8'),
    );
    expect(payloadTexts.length).toBeGreaterThan(0);
    expect([historyJson, ...payloadTexts].filter((text) => new RegExp(`(?<!\\d)${code}(?!\\d)`).test(text))).toEqual([]);
    await saveHistoryIfRecording(handle, 'pickup-collected');

    await expect(
      handle.executeUpdate(cancelPickupUpdate, { args: [{ reason: 'too late', actor: { userId: null, label: 'test' } }] }),
    ).rejects.toThrow();
  });

  it('releases and refunds a short-picked line once, tells the customer, and hands over the rest', async () => {
    const order = await world.placeOrder([
      { sku: world.skuOne, quantity: 3 },
      { sku: world.skuTwo, quantity: 2 },
    ]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    const [lineOne, lineTwo] = order.lineIds as [string, string];

    await pick(handle, world.prisma, order.orderId, world.users.staffA, [
      { lineId: lineOne, pickedQuantity: 1 },
      { lineId: lineTwo, pickedQuantity: 2 },
    ]);
    await waitForStep(handle, 'AWAITING_COLLECTION');
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 8, reserved: 1 });
    await enterCode(
      handle,
      world.prisma,
      order.orderId,
      world.users.staffA,
      await codeSentToCustomer(world.prisma, order.orderId, world.sandboxUrl),
    );
    const result = await handle.result();

    expect(result.refundedUnitsByLine).toEqual({ [lineOne]: 2 });
    const refunds = await world.prisma.refund.findMany({ where: { orderId: order.orderId } });
    expect(refunds).toEqual([
      expect.objectContaining({
        amountMinor: BigInt(2 * world.unitPrice.one),
        status: 'SUCCEEDED',
        idempotencyKey: `refund:${order.orderId}:${lineOne}:short-pick`,
      }),
    ]);
    const channelView = await world.channelOrder(order.externalId);
    expect(channelView.refundedAmount).toBe(2 * world.unitPrice.one);
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 7, reserved: 0 });
    expect(await world.prisma.notification.count({ where: { idempotencyKey: `notify:pickup-short-picked:${order.orderId}` } })).toBe(1);
    const lines = await Promise.all(order.lineIds.map((id) => world.prisma.orderLine.findUniqueOrThrow({ where: { id } })));
    expect(lines.map((line) => [line.pickedQuantity, line.status])).toEqual([
      [1, 'FULFILLED'],
      [2, 'FULFILLED'],
    ]);
    await saveHistoryIfRecording(handle, 'pickup-short-pick');
  });

  it('joins the running workflow when started twice, and never starts a second run for a finished order', async () => {
    const order = await world.placeOrder([{ sku: world.skuTwo, quantity: 1 }]);
    const deps = { client: worker.client, prisma: world.prisma, taskQueue: worker.taskQueue };

    const [first, second] = await Promise.all([
      startPickupWorkflow(deps, { orderId: order.orderId }),
      startPickupWorkflow(deps, { orderId: order.orderId }),
    ]);
    expect(first.workflowId).toBe(pickupWorkflowId(order.orderId));
    expect(second.workflowId).toBe(first.workflowId);
    const handle = worker.client.workflow.getHandle(first.workflowId);
    const { runId } = await handle.describe();
    const again = await startPickupWorkflow(deps, { orderId: order.orderId });
    expect((await worker.client.workflow.getHandle(again.workflowId).describe()).runId).toBe(runId);
    expect((await world.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).workflowId).toBe(first.workflowId);

    await handle.executeUpdate(cancelPickupUpdate, { args: [{ reason: 'changed my mind', actor: { userId: null, label: 'test' } }] });
    await handle.result();
    await startPickupWorkflow(deps, { orderId: order.orderId });
    const runs = [];
    for await (const run of worker.client.workflow.list({ query: `WorkflowId = '${first.workflowId}'` })) runs.push(run.runId);
    expect(runs).toEqual([runId]);
    await expect(
      handle.executeUpdate(cancelPickupUpdate, { args: [{ reason: 'again', actor: { userId: null, label: 'test' } }] }),
    ).rejects.toBeInstanceOf(Error);
    expect(WorkflowUpdateFailedError).toBeDefined();
  });
});
