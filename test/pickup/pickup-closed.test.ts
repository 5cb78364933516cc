import { WorkflowUpdateFailedError } from '@temporalio/client';
import { cancelPickupUpdate, pickupCancelledSignal, pickupTimelineQuery } from '../../domain/pickup/pickup-messages';
import { describeInStoreZone } from '../../domain/pickup/pickup-deadline';
import { completeTaskUpdate, unlockTaskUpdate } from '../../domain/workflow-kit/task-messages';
import { saveHistoryIfRecording } from '../support/histories';
import { startTestWorker } from '../support/temporal';
import { actorOf, codeSentToCustomer, enterCode, ledgerOf, pick, startPickup, waitForStep, waitForTask } from './support/pickup-driver';
import { fastSettings, PickupWorld } from './support/pickup-world';

/** Pickups that end without collection, and the guards around hand-over and picking. */
describe('pickup workflow: expiry, cancellation, lockout, escalation', () => {
  const world = new PickupWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;

  beforeAll(async () => {
    await world.setUp({ storeA: [10, 4], storeB: [10, 30] });
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels, messageGateway: world.messageGateway });
  });
  afterAll(async () => {
    await worker.stop();
    await world.tearDown();
  });

  const allPicked = (lineIds: string[], quantities: number[]) =>
    lineIds.map((lineId, index) => ({ lineId, pickedQuantity: quantities[index] ?? 0 }));

  it('expires an uncollected order after its reminders: stock released, everything refunded once, tasks expired', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 2 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, {
      ...fastSettings,
      pickupReminderOffsetsMs: [700, 1400],
      pickupExpiryMs: 2500,
    });
    await pick(handle, world.prisma, order.orderId, world.users.staffA, allPicked(order.lineIds, [2]));

    const result = await handle.result();

    expect(result.finalStep).toBe('EXPIRED');
    expect(await world.stock(world.storeA, world.skuOne)).toEqual({ onHand: 10, reserved: 0 });
    expect((await ledgerOf(world.prisma, order.orderId)).map((row) => row.kind)).toEqual(['RESERVE', 'RELEASE']);
    const refunds = await world.prisma.refund.findMany({ where: { orderId: order.orderId } });
    expect(refunds.map((refund) => [Number(refund.amountMinor), refund.status])).toEqual([[2 * world.unitPrice.one, 'SUCCEEDED']]);
    const channelView = await world.channelOrder(order.externalId);
    expect([channelView.status, channelView.refundedAmount]).toEqual(['CANCELLED', 2 * world.unitPrice.one]);
    const notices = await world.prisma.notification.findMany({
      where: { payload: { path: ['orderId'], equals: order.orderId } },
      orderBy: { createdAt: 'asc' },
    });
    expect(notices.map((notice) => notice.template)).toEqual(['pickup-ready', 'pickup-reminder', 'pickup-reminder', 'pickup-expired']);
    // The reminder names the store as its record does and the deadline the ready message gave, not the store code.
    const store = await world.prisma.store.findUniqueOrThrow({ where: { code: world.storeA } });
    const handover = await world.prisma.task.findUniqueOrThrow({ where: { idempotencyKey: `handover:${order.orderId}` } });
    expect(notices[1]?.payload).toMatchObject({
      storeName: store.name,
      storeAddress: store.address,
      collectBy: describeInStoreZone(handover.dueAt ?? new Date(Number.NaN), store.timeZone),
      reminder: 1,
    });
    expect((await waitForTask(world.prisma, order.orderId, 'HANDOVER')).status).toBe('EXPIRED');
    expect((await world.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe('EXPIRED');
    await saveHistoryIfRecording(handle, 'pickup-expired');
  });

  it('cancels before hand-over: released, refunded exactly once even when the cancellation arrives three times', async () => {
    const order = await world.placeOrder([
      { sku: world.skuOne, quantity: 1 },
      { sku: world.skuTwo, quantity: 2 },
    ]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    await pick(handle, world.prisma, order.orderId, world.users.staffA, allPicked(order.lineIds, [1, 1]));
    await waitForStep(handle, 'AWAITING_COLLECTION');

    const cancellation = { reason: 'Customer cancelled on the channel', actor: { userId: null, label: `channel:${world.channelCode}` } };
    await handle.signal(pickupCancelledSignal, cancellation);
    await handle.signal(pickupCancelledSignal, cancellation);
    const view = await handle.executeUpdate(cancelPickupUpdate, { args: [cancellation] });
    const result = await handle.result();

    expect(view.currentStep).toBe('CANCELLED');
    expect(result.finalStep).toBe('CANCELLED');
    const [lineOne, lineTwo] = order.lineIds as [string, string];
    expect(result.refundedUnitsByLine).toEqual({ [lineOne]: 1, [lineTwo]: 2 });
    const refunds = await world.prisma.refund.findMany({ where: { orderId: order.orderId }, orderBy: { amountMinor: 'asc' } });
    expect(refunds.map((refund) => [refund.idempotencyKey, Number(refund.amountMinor)])).toEqual(
      [
        [`refund:${order.orderId}:${lineTwo}:short-pick`, world.unitPrice.two],
        [`refund:${order.orderId}:${lineTwo}`, world.unitPrice.two],
        [`refund:${order.orderId}:${lineOne}`, world.unitPrice.one],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect((await world.channelOrder(order.externalId)).refundedAmount).toBe(world.unitPrice.one + 2 * world.unitPrice.two);
    expect(await world.stock(world.storeA, world.skuTwo)).toEqual({ onHand: 4, reserved: 0 });
    expect((await waitForTask(world.prisma, order.orderId, 'HANDOVER')).status).toBe('CANCELLED');
    await saveHistoryIfRecording(handle, 'pickup-cancelled');
  });

  it('locks the hand-over after three wrong codes until a store manager unlocks it', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 1 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    await pick(handle, world.prisma, order.orderId, world.users.staffA, allPicked(order.lineIds, [1]));
    await waitForStep(handle, 'AWAITING_COLLECTION');

    const answers = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      answers.push(await enterCode(handle, world.prisma, order.orderId, world.users.staffA, '000000x'));
    expect(answers.map((answer) => [answer.taskStatus, answer.attemptsLeft])).toEqual([
      ['OPEN', 2],
      ['OPEN', 1],
      ['LOCKED', 0],
    ]);
    const task = await waitForTask(world.prisma, order.orderId, 'HANDOVER', 'LOCKED');
    expect(task.failedAttempts).toBe(3);

    const code = await codeSentToCustomer(world.prisma, order.orderId, world.sandboxUrl);
    const locked = enterCode(handle, world.prisma, order.orderId, world.users.staffA, code);
    await expect(locked).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(locked).rejects.toMatchObject({ cause: { type: 'TASK_LOCKED' } });

    await handle.executeUpdate(unlockTaskUpdate, { args: [{ taskId: task.id, actor: actorOf(world.users.managerA) }] });
    expect((await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('OPEN');
    expect(await enterCode(handle, world.prisma, order.orderId, world.users.staffA, code)).toMatchObject({ completed: true });
    expect((await handle.result()).finalStep).toBe('COLLECTED');
    await saveHistoryIfRecording(handle, 'pickup-wrong-code-lockout');
  });

  it('reminds the store when the pick SLA is missed, then escalates to the manager queue', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 1 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, {
      ...fastSettings,
      pickSlaMs: 800,
      pickEscalationDelayMs: 800,
    });

    await waitForStep(handle, 'PICKING');
    const task = await waitForTask(world.prisma, order.orderId, 'PICK');
    expect(task.queue).toBe('STORE');
    const deadline = Date.now() + 15_000;
    while ((await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).queue !== 'MANAGER' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).queue).toBe('MANAGER');
    const overdue = await world.prisma.notification.findMany({
      where: { idempotencyKey: { startsWith: `notify:pick-overdue:${order.orderId}:` } },
    });
    expect(overdue.map((notice) => notice.recipient).sort()).toEqual([world.users.managerA.email, world.users.staffA.email].sort());

    // Still the same task: the manager (or anyone in the store) picks it.
    await pick(handle, world.prisma, order.orderId, world.users.managerA, allPicked(order.lineIds, [1]));
    await waitForStep(handle, 'AWAITING_COLLECTION');
    // Written right after the queue moved; certain by now, since the workflow does one thing at a time.
    const escalated = await world.prisma.notification.findMany({
      where: { idempotencyKey: { startsWith: `notify:pick-escalated:${order.orderId}:` } },
    });
    expect(escalated.map((notice) => notice.recipient)).toEqual([world.users.managerA.email]);
    const stepNames = await handle.query(pickupTimelineQuery);
    expect(stepNames.entries.map((entry) => entry.step)).toEqual(expect.arrayContaining(['PICK_REMINDER', 'PICK_ESCALATED']));
    await enterCode(
      handle,
      world.prisma,
      order.orderId,
      world.users.staffA,
      await codeSentToCustomer(world.prisma, order.orderId, world.sandboxUrl),
    );
    await handle.result();
    await saveHistoryIfRecording(handle, 'pickup-sla-escalation');
  });

  it('rejects a pick out of turn or with quantities the order does not have, and a second completion', async () => {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 1 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    const task = await waitForTask(world.prisma, order.orderId, 'PICK');
    const actor = actorOf(world.users.staffA);

    await expect(
      handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: task.id, actor, outcome: { type: 'PICK', lines: allPicked(order.lineIds, [5]) } }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'INVALID_DATA' } });
    await expect(
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor, outcome: { type: 'HANDOVER', codeMatched: true } }] }),
    ).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CURRENT' } });
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.id, actor, outcome: { type: 'PICK', lines: allPicked(order.lineIds, [1]) } }],
    });
    await expect(
      handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: task.id, actor, outcome: { type: 'PICK', lines: allPicked(order.lineIds, [1]) } }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'TASK_NOT_CURRENT' } });
    await handle.executeUpdate(cancelPickupUpdate, { args: [{ reason: 'test over', actor }] });
  });

  it('offers the customer another store when the chosen one cannot cover the order, then reserves there', async () => {
    // Store A has 4 of SKU two, store B 30.
    const order = await world.placeOrder([{ sku: world.skuTwo, quantity: 6 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);

    const decision = await waitForTask(world.prisma, order.orderId, 'CUSTOMER_SERVICE');
    expect(decision.payload).toMatchObject({ alternativeStores: [world.storeB] });
    expect((await world.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe('AWAITING_CUSTOMER_DECISION');
    expect(await world.stock(world.storeA, world.skuTwo)).toEqual({ onHand: 4, reserved: 0 });
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
    expect(await world.stock(world.storeB, world.skuTwo)).toEqual({ onHand: 30, reserved: 6 });
    expect((await waitForTask(world.prisma, order.orderId, 'PICK')).storeId).toBe(world.storeIds[world.storeB]);
    await handle.executeUpdate(cancelPickupUpdate, { args: [{ reason: 'test over', actor: { userId: null, label: 'test' } }] });
    expect(await world.stock(world.storeB, world.skuTwo)).toEqual({ onHand: 30, reserved: 0 });
    await saveHistoryIfRecording(handle, 'pickup-other-store');
  });
});
