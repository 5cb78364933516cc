import { randomInt } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { createSendNotification } from '../../activities/notifications/send-notification';
import { type MessageGateway } from '../../message-gateway/message-gateway';
import { cancelPickupUpdate, pickupTimelineQuery } from '../../domain/pickup/pickup-messages';
import { startTestWorker } from '../support/temporal';
import { codeSentToCustomer, enterCode, messagesTo, pick, startPickup, waitForStep } from '../pickup/support/pickup-driver';
import { fastSettings, PickupWorld } from '../pickup/support/pickup-world';

/**
 * Customer messages of a pickup, delivered through the sandbox's message gateway over HTTP by real
 * activities on a real Temporal worker: sent once, code removed from the database once sent, retried
 * through a gateway outage, and a recipient the gateway refuses never holds the order up.
 */
describe('pickup notifications through the message gateway', () => {
  const world = new PickupWorld();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  /** Customers' phones are unique in the database: a fresh number per run. */
  const freshPhone = (prefix: string) => `${prefix}${String(randomInt(10_000_000)).padStart(7, '0')}`;
  const codeKey = (orderId: string) => `notify:pickup-ready:${orderId}`;
  const setGatewayFaults = (faults: object | null) =>
    fetch(`${world.sandboxUrl}/_control/gateway/faults`, {
      method: faults === null ? 'DELETE' : 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: faults === null ? undefined : JSON.stringify(faults),
    });

  async function waitForRow(idempotencyKey: string, status: 'SENT' | 'FAILED', timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await world.prisma.notification.findUnique({ where: { idempotencyKey } });
      if (row?.status === status) return row;
      if (Date.now() > deadline) throw new Error(`${idempotencyKey} is ${row?.status ?? 'missing'}, not ${status}, after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function readyOrder() {
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 1 }]);
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    await pick(handle, world.prisma, order.orderId, world.users.staffA, [{ lineId: order.lineIds[0] ?? '', pickedQuantity: 1 }]);
    await waitForStep(handle, 'AWAITING_COLLECTION');
    return { ...order, handle };
  }

  beforeAll(async () => {
    await world.setUp();
    worker = await startTestWorker({ prisma: world.prisma, channels: world.channels, messageGateway: world.messageGateway });
  });
  afterAll(async () => {
    await worker.stop();
    await world.tearDown();
  });
  afterEach(() => setGatewayFaults(null));

  it('sends the pickup code once, keeps no code in the database afterwards, and a repeated send changes nothing', async () => {
    const { orderId, handle } = await readyOrder();
    const row = await waitForRow(codeKey(orderId), 'SENT');
    expect(row.attempts).toBe(1);
    expect(row.sentAt).not.toBeNull();
    expect(row.payload).not.toHaveProperty('code');
    expect(row.payload).toMatchObject({ orderId, redacted: ['code'], gatewayMessageId: expect.any(String) as unknown });
    const code = await codeSentToCustomer(world.prisma, orderId, world.sandboxUrl);
    expect(JSON.stringify(row.payload)).not.toContain(code);

    const sendAgain = createSendNotification({ prisma: world.prisma, messageGateway: world.messageGateway });
    expect(await sendAgain({ notificationId: row.id })).toEqual({ notificationId: row.id, status: 'SENT', alreadySettled: true });
    expect(
      (await messagesTo(world.sandboxUrl, row.recipient)).filter((message) => message.idempotencyKey === row.idempotencyKey),
    ).toHaveLength(1);

    expect(await enterCode(handle, world.prisma, orderId, world.users.staffA, code)).toMatchObject({ completed: true });
    expect((await handle.result()).finalStep).toBe('COLLECTED');
  });

  it('delivers once when an attempt dies after the gateway took the message and the activity runs again', async () => {
    const phone = freshPhone('+3168');
    const customer = await world.prisma.customer.create({ data: { name: 'Crash Test', phone, email: null } });
    const row = await world.prisma.notification.create({
      data: {
        channel: 'SMS',
        recipient: phone,
        customerId: customer.id,
        template: 'pickup-ready',
        payload: { orderId: 'crash-test', storeName: world.storeA, code: '48213377' },
        idempotencyKey: `notify:pickup-ready:crash-${world.prefix}`,
      },
    });
    // The worker "dies" between the gateway's answer and the row update: the send happened, nothing recorded it.
    const diesAfterSending: MessageGateway = {
      send: async (message) => {
        await world.messageGateway.send(message);
        throw new Error('worker lost before recording the send');
      },
    };
    await expect(
      createSendNotification({ prisma: world.prisma, messageGateway: diesAfterSending })({ notificationId: row.id }),
    ).rejects.toBeInstanceOf(ApplicationFailure);
    expect(await world.prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'PENDING', attempts: 1 });

    const retried = await createSendNotification({ prisma: world.prisma, messageGateway: world.messageGateway })({
      idempotencyKey: row.idempotencyKey,
    });
    expect(retried).toEqual({ notificationId: row.id, status: 'SENT', alreadySettled: false });
    const shown = await messagesTo(world.sandboxUrl, phone);
    expect(shown.map((message) => message.text.match(/code at the counter: (\d+)/)?.[1])).toEqual(['48213377']);
    expect(await world.prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
      lastError: null,
      payload: expect.not.objectContaining({ code: expect.anything() as unknown }) as unknown,
    });
  });

  it('keeps retrying through a gateway outage and sends when the gateway is back, while the order moves on', async () => {
    await setGatewayFaults({ outage: '503' });
    const { orderId, handle } = await readyOrder();
    const deadline = Date.now() + 15_000;
    while ((await world.prisma.notification.findUnique({ where: { idempotencyKey: codeKey(orderId) } }))?.lastError == null) {
      if (Date.now() > deadline) throw new Error('the send was never attempted during the outage');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await world.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: codeKey(orderId) } })).toMatchObject({
      status: 'PENDING',
      lastError: expect.stringMatching(/HTTP 503/) as unknown,
    });

    await setGatewayFaults(null);
    const sent = await waitForRow(codeKey(orderId), 'SENT');
    expect(sent.attempts).toBeGreaterThan(1);
    const code = await codeSentToCustomer(world.prisma, orderId, world.sandboxUrl);
    await enterCode(handle, world.prisma, orderId, world.users.staffA, code);
    expect((await handle.result()).finalStep).toBe('COLLECTED');
    expect((await handle.query(pickupTimelineQuery)).entries.map((entry) => entry.step)).not.toContain('NOTIFICATION_FAILED');
  });

  it('marks a message to a recipient the gateway refuses FAILED with the reason, and the pickup carries on', async () => {
    // A well-formed number the provider cannot reach (a landline, say): only the gateway can tell.
    const landline = freshPhone('+3120');
    const unreachable = await world.prisma.customer.create({ data: { name: 'Landline', phone: landline, email: null } });
    await fetch(`${world.sandboxUrl}/_control/gateway/unreachable-recipients`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ recipient: landline }),
    });
    const order = await world.placeOrder([{ sku: world.skuOne, quantity: 1 }]);
    await world.prisma.order.update({ where: { id: order.orderId }, data: { customerId: unreachable.id } });
    const handle = await startPickup(worker.client, worker.taskQueue, world, order.orderId, fastSettings);
    await pick(handle, world.prisma, order.orderId, world.users.staffA, [{ lineId: order.lineIds[0] ?? '', pickedQuantity: 1 }]);
    await waitForStep(handle, 'AWAITING_COLLECTION');

    const failed = await waitForRow(codeKey(order.orderId), 'FAILED');
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, lastError: expect.stringMatching(/recipient refused/) as unknown });
    const view = await handle.executeUpdate(cancelPickupUpdate, {
      args: [{ reason: 'Customer unreachable', actor: { userId: null, label: 'test' } }],
    });
    expect(view.currentStep).toBe('CANCELLED');
    expect((await handle.result()).finalStep).toBe('CANCELLED');
    const notes = (await handle.query(pickupTimelineQuery)).entries
      .filter((entry) => entry.step === 'NOTIFICATION_FAILED')
      .map((entry) => entry.outcome);
    expect(notes).toEqual([
      expect.stringMatching(/^Pickup code message not delivered: .*recipient refused/),
      expect.stringMatching(/^Cancellation message not delivered/),
    ]);
    expect(await world.stock(world.storeA, world.skuOne)).toMatchObject({ reserved: 0 });
  });
});
