import { signWebhookBody } from '../../channels/order-webhook';
import { pickupWorkflowId } from '../../domain/pickup/pickup-workflow';
import {
  bodyOf,
  channelOrderEvent,
  deliverWebhook,
  type ErrorBody,
  eventually,
  type IntakeTestApi,
  sellableSkus,
  signalsReceived,
  startIntakeApi,
  traceOfOrder,
  uniqueDutchMobile,
  uniqueId,
  waitForRun,
  webhookSecretOf,
} from './support/intake-test-kit';

let api: IntakeTestApi;
let megamartSecret: string;
let skus: { sku: string; basePriceMinor: number }[];

const nothingWritten = { orders: 0, inboxEvents: 0, payments: 0, auditEvents: 0, customers: 0 };

beforeAll(async () => {
  api = await startIntakeApi();
  megamartSecret = await webhookSecretOf(api.prisma, 'megamart');
  skus = await sellableSkus(api.prisma, 2);
});

afterAll(async () => {
  await api.close();
});

function megamartOrder(overrides: Partial<Parameters<typeof channelOrderEvent>[0]> = {}) {
  const [first, second] = skus;
  if (first === undefined || second === undefined) throw new Error('the seed has no products');
  return channelOrderEvent({
    channelCode: 'megamart',
    externalId: uniqueId('MM'),
    customer: { name: 'Webhook Tester', email: `${uniqueId('buyer')}@mail.example`, phone: uniqueDutchMobile().e164 },
    lines: [
      { sku: first.sku, quantity: 2, unitPrice: first.basePriceMinor },
      { sku: second.sku, quantity: 1, unitPrice: 999 },
    ],
    ...overrides,
  });
}

const contactOf = (event: ReturnType<typeof megamartOrder>) => ({
  email: event.order.customer.email ?? undefined,
  phone: event.order.customer.phone ?? undefined,
});

describe('POST /api/channels/:code/webhooks/orders: authentication', () => {
  it('refuses a wrongly signed webhook with 401 and writes nothing at all', async () => {
    const event = megamartOrder();
    const signedWithAnotherChannelsKey = await webhookSecretOf(api.prisma, 'bazaar');

    const response = await deliverWebhook(api.app, 'megamart', event, signedWithAnotherChannelsKey);

    expect(response.status).toBe(401);
    expect(bodyOf<ErrorBody>(response).message).toMatch(/signature/i);
    expect(await traceOfOrder(api.prisma, event.order.externalId, contactOf(event))).toEqual(nothingWritten);
  });

  it('refuses a body changed after signing (the signature covers the raw bytes)', async () => {
    const event = megamartOrder();
    const signedBody = JSON.stringify(event);
    const tampered = signedBody.replace(`"totalAmount":${event.order.totalAmount}`, '"totalAmount":1');

    const response = await deliverWebhook(api.app, 'megamart', tampered, null).set(
      'X-Signature',
      signWebhookBody(signedBody, megamartSecret),
    );

    expect(response.status).toBe(401);
    expect(await traceOfOrder(api.prisma, event.order.externalId, contactOf(event))).toEqual(nothingWritten);
  });

  it('refuses a webhook without a signature with 401 and writes nothing', async () => {
    const event = megamartOrder();

    const response = await deliverWebhook(api.app, 'megamart', event, null);

    expect(response.status).toBe(401);
    expect(bodyOf<ErrorBody>(response).message).toMatch(/X-Signature/);
    expect(await traceOfOrder(api.prisma, event.order.externalId, contactOf(event))).toEqual(nothingWritten);
  });

  it('answers 404 for a channel we do not have', async () => {
    const response = await deliverWebhook(api.app, 'no-such-channel', megamartOrder(), megamartSecret);
    expect(response.status).toBe(404);
  });
});

describe('POST /api/channels/:code/webhooks/orders: validation', () => {
  it('answers a signed but invalid event with 400 and field errors, and writes nothing', async () => {
    const event = megamartOrder();
    const invalid = { ...event, sequence: 0, order: { ...event.order, lines: [{ ...event.order.lines[0], quantity: -1 }] } };

    const response = await deliverWebhook(api.app, 'megamart', invalid, megamartSecret);

    expect(response.status).toBe(400);
    expect(bodyOf<ErrorBody>(response).errors).toEqual({
      sequence: expect.any(String) as unknown,
      'order.lines.0.quantity': expect.any(String) as unknown,
    });
    expect(await traceOfOrder(api.prisma, event.order.externalId, contactOf(event))).toEqual(nothingWritten);
  });

  it('refuses SKUs and stores we do not know, naming the field, and writes nothing', async () => {
    const event = megamartOrder({ pickupStoreCode: 'NOWHERE-1' });
    const unknownSku = { ...event, order: { ...event.order, lines: [{ lineId: 'x-1', sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: 100 }] } };

    const badStore = await deliverWebhook(api.app, 'megamart', event, megamartSecret);
    const badSku = await deliverWebhook(
      api.app,
      'megamart',
      { ...unknownSku, order: { ...unknownSku.order, pickupStoreCode: 'AMS-01' } },
      megamartSecret,
    );

    expect(badStore.status).toBe(400);
    expect(bodyOf<ErrorBody>(badStore).errors).toEqual({ 'order.pickupStoreCode': expect.stringContaining('NOWHERE-1') as unknown });
    expect(badSku.status).toBe(400);
    expect(bodyOf<ErrorBody>(badSku).errors).toEqual({ 'order.lines.0.sku': expect.stringContaining('NO-SUCH-SKU') as unknown });
    expect(await traceOfOrder(api.prisma, event.order.externalId, contactOf(event))).toEqual(nothingWritten);
  });

  it('refuses an event for another channel than the one in the URL', async () => {
    const event = megamartOrder({ channelCode: 'bazaar' });
    const response = await deliverWebhook(api.app, 'megamart', event, megamartSecret);
    expect(response.status).toBe(400);
    expect(bodyOf<ErrorBody>(response).errors).toHaveProperty('channelCode');
  });
});

describe('POST /api/channels/:code/webhooks/orders: at least once, out of order', () => {
  it('ends in exactly one cancelled order when "cancelled" (seq 2) overtakes "created" (seq 1) delivered twice', async () => {
    const created = megamartOrder();
    const cancelled = {
      ...created,
      eventId: `${created.eventId}-cancel`,
      type: 'order.cancelled' as const,
      sequence: 2,
      order: { ...created.order, status: 'CANCELLED' as const },
    };

    const first = await deliverWebhook(api.app, 'megamart', cancelled, megamartSecret);
    const second = await deliverWebhook(api.app, 'megamart', created, megamartSecret);
    const third = await deliverWebhook(api.app, 'megamart', created, megamartSecret);

    expect([first.status, second.status, third.status]).toEqual([202, 202, 202]);
    expect([first.body, second.body, third.body].map((body) => (body as { status: string }).status)).toEqual([
      'applied',
      'stale',
      'duplicate',
    ]);

    const orders = await api.prisma.order.findMany({
      where: { externalId: created.order.externalId },
      include: { lines: true, payments: true },
    });
    expect(orders).toHaveLength(1);
    const [order] = orders;
    expect(order).toMatchObject({
      status: 'CANCELLED',
      channelSequence: 2,
      cancelReason: expect.stringContaining('megamart') as unknown,
    });
    expect(order?.lines.map((line) => line.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(order?.payments).toEqual([
      expect.objectContaining({ status: 'CAPTURED', amountMinor: BigInt(created.order.totalAmount), provider: 'megamart' }),
    ]);

    const inbox = await api.prisma.orderWebhookEvent.findMany({
      where: { externalOrderId: created.order.externalId },
      orderBy: { sequence: 'asc' },
    });
    expect(inbox.map(({ sequence, outcome, deliveries }) => ({ sequence, outcome, deliveries }))).toEqual([
      { sequence: 1, outcome: 'STALE', deliveries: 2 },
      { sequence: 2, outcome: 'APPLIED', deliveries: 1 },
    ]);
    // The marketplace took the money before the order reached us: the run still starts, to refund it
    // and close, and it knows from its input that there is nothing to reserve.
    const workflowId = await waitForRun(api.prisma, order?.id ?? '');
    expect(workflowId).toBe(pickupWorkflowId(order?.id ?? ''));
    const started = await api.temporal.workflow.getHandle(workflowId).fetchHistory();
    const input = started.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
    expect(JSON.parse(Buffer.from(input ?? []).toString())).toMatchObject({ order: { status: 'CANCELLED' } });
  });

  it('creates one order from concurrent duplicate deliveries', async () => {
    const event = megamartOrder();

    const responses = await Promise.all([1, 2, 3].map(() => deliverWebhook(api.app, 'megamart', event, megamartSecret)));

    expect(responses.map((response) => response.status)).toEqual([202, 202, 202]);
    expect(responses.map((response) => (response.body as { status: string }).status).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await api.prisma.order.count({ where: { externalId: event.order.externalId } })).toBe(1);
    expect(await api.prisma.orderWebhookEvent.findFirst({ where: { eventId: event.eventId } })).toMatchObject({ deliveries: 3 });
  });

  it('starts the pickup workflow of a new pickup order and passes the customer’s cancellation on to it', async () => {
    const created = megamartOrder();

    const received = await deliverWebhook(api.app, 'megamart', created, megamartSecret);
    expect(received.status).toBe(202);
    const orderId = (received.body as { orderId: string }).orderId;
    // Answered once the event is in the inbox; the run is started right after and recorded on the order.
    const workflowId = await waitForRun(api.prisma, orderId);
    expect(workflowId).toBe(pickupWorkflowId(orderId));
    const order = await api.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { customer: true, workflowStarts: true } });
    expect(order).toMatchObject({ status: 'RECEIVED', totalMinor: BigInt(created.order.totalAmount) });
    expect(order.workflowStarts).toEqual([expect.objectContaining({ status: 'STARTED', lastError: null, nextAttemptAt: null })]);
    expect(order.customer).toMatchObject({ phone: created.order.customer.phone, email: created.order.customer.email });
    const description = await api.temporal.workflow.getHandle(workflowId).describe();
    expect(description.status.name).toBe('RUNNING');

    const cancelled = {
      ...created,
      eventId: `${created.eventId}-cancel`,
      type: 'order.cancelled' as const,
      sequence: 2,
      order: { ...created.order, status: 'CANCELLED' as const },
    };
    const cancelResponse = await deliverWebhook(api.app, 'megamart', cancelled, megamartSecret);

    const redelivered = await deliverWebhook(api.app, 'megamart', cancelled, megamartSecret);

    expect(cancelResponse.status).toBe(202);
    expect(cancelResponse.body).toEqual({ status: 'applied', orderId });
    expect(redelivered.body).toEqual({ status: 'duplicate', orderId });
    // The running workflow owns the status: it releases, refunds and marks the order CANCELLED itself.
    expect(await api.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: 'RECEIVED', channelSequence: 2 });
    // Queued with the cancellation and delivered after the answer; the redelivery is a duplicate and queues nothing.
    await eventually(
      () => signalsReceived(api.temporal, workflowId),
      (signals) => signals.length > 0,
    );
    expect(await signalsReceived(api.temporal, workflowId)).toEqual(['pickupCancelled']);
    const start = await eventually(
      () => api.prisma.workflowStart.findUniqueOrThrow({ where: { workflowId } }),
      (row) => row.nextAttemptAt === null,
    );
    expect(start).toMatchObject({ status: 'STARTED', pendingSignals: [], nextAttemptAt: null });
    const audit = await api.prisma.auditEvent.findMany({ where: { entityId: orderId }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((event) => [event.action, event.actorLabel, event.workflowId])).toEqual([
      ['order.receive', 'channel:megamart', null],
      ['order.cancel-requested', 'channel:megamart', workflowId],
    ]);
  });
});
