import { orderWebhookEventSchema, verifyWebhookSignature, type OrderWebhookEvent } from '../../channels/order-webhook';
import { demoChannels } from '../../channels/catalog';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';
import { type ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver';

let receiver: WebhookReceiver;
let sandbox: TestSandbox;
beforeAll(async () => {
  receiver = new WebhookReceiver();
  sandbox = await startTestSandbox({ env: { API_URL: await receiver.start() } });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.stop();
});
beforeEach(async () => {
  await sandbox.reset();
  receiver.received.length = 0;
  receiver.answer = () => 204;
});

const secretOf = (code: string): string => demoChannels.find((channel) => channel.code === code)?.webhookSecret ?? '';
const eventOf = (delivery: ReceivedWebhook): OrderWebhookEvent => orderWebhookEventSchema.parse(JSON.parse(delivery.rawBody));
const header = (delivery: ReceivedWebhook, name: string): string => String(delivery.headers[name.toLowerCase()]);
const placeOrder = (code: string, externalId: string) =>
  sandbox.call(code, '/orders', {
    method: 'POST',
    body: {
      externalId,
      customer: { name: 'Eve', email: 'eve@example.com' },
      pickupStoreCode: 'AMS-01',
      lines: [{ sku: 'WH-1', quantity: 1, unitPrice: 990 }],
    },
  });

describe('channel sandbox order webhooks', () => {
  it('signs each delivery with the channel secret (HMAC-SHA256 of the raw body)', async () => {
    await placeOrder('megamart', 'MM-1');
    await receiver.waitFor((received) => received.length === 1);
    const [delivery] = receiver.received;
    if (!delivery) throw new Error('no delivery');

    expect(delivery.path).toBe('/api/channels/megamart/webhooks/orders');
    expect(verifyWebhookSignature(delivery.rawBody, header(delivery, 'X-Signature'), secretOf('megamart'))).toBe(true);
    expect(verifyWebhookSignature(delivery.rawBody, header(delivery, 'X-Signature'), secretOf('web'))).toBe(false);
    expect(verifyWebhookSignature(delivery.rawBody.replace('990', '1'), header(delivery, 'X-Signature'), secretOf('megamart'))).toBe(false);
    const event = eventOf(delivery);
    expect(event).toMatchObject({
      type: 'order.created',
      channelCode: 'megamart',
      sequence: 1,
      order: { externalId: 'MM-1', totalAmount: 990, status: 'PLACED' },
    });
    expect(header(delivery, 'X-Event-Id')).toBe(event.eventId);
    expect(header(delivery, 'X-Delivery-Attempt')).toBe('1');
  });

  it('redelivers on non-2xx answers with the same event id until one is accepted', async () => {
    receiver.answer = (delivery) => (header(delivery as ReceivedWebhook, 'X-Delivery-Attempt') === '3' ? 200 : 500);
    await placeOrder('web', 'W-RETRY');
    await receiver.waitFor((received) => received.some((delivery) => delivery.status === 200));

    expect(receiver.received.map((delivery) => [header(delivery, 'X-Delivery-Attempt'), delivery.status])).toEqual([
      ['1', 500],
      ['2', 500],
      ['3', 200],
    ]);
    expect(new Set(receiver.received.map((delivery) => header(delivery, 'X-Event-Id'))).size).toBe(1);
  });

  it('gives up after the configured attempts and keeps the event for redelivery', async () => {
    await sandbox.setWebhooks({ maxAttempts: 2 });
    receiver.answer = () => 503;
    await placeOrder('web', 'W-DEAD');
    await receiver.waitFor((received) => received.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(2);
    expect(await sandbox.log({ kind: 'webhook.abandoned' })).toHaveLength(1);

    receiver.answer = () => 204;
    const eventId = header(receiver.received[0] as ReceivedWebhook, 'X-Event-Id');
    const redeliver = await fetch(`${sandbox.url}/_control/webhooks/${eventId}/redeliver`, { method: 'POST' });
    expect(redeliver.status).toBe(202);
    await receiver.waitFor((received) => received.some((delivery) => delivery.status === 204));
  });

  it('sends duplicates when told to, with the same event id and body', async () => {
    await sandbox.setWebhooks({ duplicateRate: 1 });
    await placeOrder('pos', 'P-DUP-1');
    await placeOrder('pos', 'P-DUP-2');
    await receiver.waitFor((received) => received.length === 4);

    const byEvent = new Map<string, string[]>();
    for (const delivery of receiver.received)
      byEvent.set(header(delivery, 'X-Event-Id'), [...(byEvent.get(header(delivery, 'X-Event-Id')) ?? []), delivery.rawBody]);
    expect([...byEvent.values()].map((bodies) => bodies.length)).toEqual([2, 2]);
    for (const bodies of byEvent.values()) expect(bodies[0]).toBe(bodies[1]);
  });

  it('delivers out of order inside the reorder window; sequence tells the receiver which is newer', async () => {
    await sandbox.setWebhooks({ reorderWindowMs: 400 });
    const placed = Array.from({ length: 10 }, (_, i) => `R-${i}`);
    for (const externalId of placed) await placeOrder('web', externalId);
    await sandbox.call('web', '/orders/R-0/customer-cancel', { method: 'POST' });
    await receiver.waitFor((received) => received.length === 11);

    const events = receiver.received.map(eventOf);
    const arrivedCreations = events.filter((event) => event.type === 'order.created').map((event) => event.order.externalId);
    expect([...arrivedCreations].sort()).toEqual([...placed].sort());
    expect(arrivedCreations).not.toEqual(placed);
    const forFirstOrder = events.filter((event) => event.order.externalId === 'R-0');
    expect(forFirstOrder.map((event) => [event.type, event.sequence]).sort()).toEqual([
      ['order.cancelled', 2],
      ['order.created', 1],
    ]);
  });
});
