import { ChannelRejectedError, ChannelUnavailableError } from '../../channels/channel-errors';
import { orderListingPageSchema } from '../../channels/order-listing';
import { orderWebhookEventSchema } from '../../channels/order-webhook';
import { type WebhookDelivery } from '../../channels/sandbox/webhook-dispatcher';
import { sandboxAdapter } from './support/adapters';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';
import { WebhookReceiver } from './support/webhook-receiver';

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
});

const placeOrder = async (externalId: string, unitPrice = 990) => {
  const placed = await sandbox.call('megamart', '/orders', {
    method: 'POST',
    body: {
      externalId,
      customer: { name: 'Eve', email: 'eve@example.com', phone: '+31612345678' },
      pickupStoreCode: 'AMS-01',
      lines: [{ sku: 'LIST-1', quantity: 2, unitPrice }],
    },
  });
  expect(placed.status).toBe(201);
  return placed.body as { order: { placedAt: string }; eventId: string };
};
const list = (query: Record<string, string>, init: { apiKey?: string | null } = {}) =>
  sandbox.call('megamart', `/orders?${new URLSearchParams(query).toString()}`, init);
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const deliveries = async (): Promise<WebhookDelivery[]> =>
  ((await (await fetch(`${sandbox.url}/_control/webhooks`)).json()) as { deliveries: WebhookDelivery[] }).deliveries;

describe('channel sandbox order listing', () => {
  it('pages through the orders of a window, oldest first, in the webhook payload format plus the sequence', async () => {
    await placeOrder('LST-1', 100);
    await placeOrder('LST-2', 200);
    await placeOrder('LST-3', 300);
    expect((await sandbox.call('megamart', '/orders/LST-2/customer-cancel', { method: 'POST' })).status).toBe(200);

    const first = await list({ createdFrom: hourAgo(), limit: '2' });
    expect(first.status).toBe(200);
    const page1 = orderListingPageSchema.parse(first.body);
    expect(page1.orders.map((o) => o.externalId)).toEqual(['LST-1', 'LST-2']);
    expect(page1.orders[1]).toMatchObject({ status: 'CANCELLED', sequence: 2, totalAmount: 400 });
    expect(page1.nextCursor).not.toBeNull();
    // Exactly the webhook's order, plus the version: nothing of the channel's own bookkeeping (refunds).
    const { sequence, ...asWebhookOrder } = page1.orders[0] ?? { sequence: 0 };
    expect(sequence).toBe(1);
    expect(orderWebhookEventSchema.shape.order.strict().safeParse(asWebhookOrder).success).toBe(true);

    const second = await list({ createdFrom: hourAgo(), limit: '2', cursor: page1.nextCursor ?? '' });
    const page2 = orderListingPageSchema.parse(second.body);
    expect(page2.orders.map((o) => o.externalId)).toEqual(['LST-3']);
    expect(page2.nextCursor).toBeNull();
  });

  it('gives a cursor of the sort key only, which a long order (a cancelled one, with refunds) does not outgrow', async () => {
    await sandbox.call('megamart', '/orders', {
      method: 'POST',
      body: {
        externalId: 'LST-LONG',
        customer: { name: 'A shopper with a rather long name for a receipt', email: 'long.name.of.a.shopper@example.com' },
        pickupStoreCode: 'AMS-01',
        lines: Array.from({ length: 8 }, (_, i) => ({ sku: 'LIST-1', quantity: 1, unitPrice: 100 + i })),
      },
    });
    await placeOrder('LST-NEXT');
    expect((await sandbox.call('megamart', '/orders/LST-LONG/customer-cancel', { method: 'POST' })).status).toBe(200);
    const page1 = orderListingPageSchema.parse((await list({ createdFrom: hourAgo(), limit: '1' })).body);
    expect(page1.orders.map((o) => o.externalId)).toEqual(['LST-LONG']);
    expect(page1.nextCursor?.length).toBeLessThan(200);
    const page2 = await list({ createdFrom: hourAgo(), limit: '1', cursor: page1.nextCursor ?? '' });
    expect(page2.status).toBe(200);
    expect(orderListingPageSchema.parse(page2.body).orders.map((o) => o.externalId)).toEqual(['LST-NEXT']);
  });

  it('lists only orders placed in [createdFrom, createdTo)', async () => {
    const { order } = await placeOrder('WIN-1');
    const placedAt = Date.parse(order.placedAt);
    const at = (offsetMs: number) => new Date(placedAt + offsetMs).toISOString();
    const ids = async (query: Record<string, string>) =>
      orderListingPageSchema.parse((await list(query)).body).orders.map((o) => o.externalId);
    expect(await ids({ createdFrom: at(0), createdTo: at(1) })).toEqual(['WIN-1']);
    expect(await ids({ createdFrom: at(1) })).toEqual([]);
    expect(await ids({ createdFrom: at(-60_000), createdTo: at(0) })).toEqual([]);
  });

  it('refuses a malformed query or cursor with 400, and a call without its API key with 401', async () => {
    expect(await list({})).toMatchObject({ status: 400, body: { error: 'INVALID_REQUEST' } });
    expect(await list({ createdFrom: 'yesterday' })).toMatchObject({ status: 400, body: { error: 'INVALID_REQUEST' } });
    expect(await list({ createdFrom: hourAgo(), limit: '101' })).toMatchObject({ status: 400, body: { error: 'INVALID_REQUEST' } });
    expect(await list({ createdFrom: hourAgo(), cursor: 'not-a-cursor' })).toMatchObject({
      status: 400,
      body: { error: 'INVALID_CURSOR' },
    });
    expect((await list({ createdFrom: hourAgo() }, { apiKey: null })).status).toBe(401);
  });

  it("honours the channel's faults like every other call", async () => {
    await placeOrder('FLT-1');
    await sandbox.setFaults('megamart', { outage: '503' });
    expect((await list({ createdFrom: hourAgo() })).status).toBe(503);
    await sandbox.setFaults('megamart', { outage: null, rateLimitStorm: true });
    const limited = await list({ createdFrom: hourAgo() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await sandbox.setFaults('megamart', { rateLimitStorm: false, garbleOrderListing: true });
    const garbled = await list({ createdFrom: hourAgo() });
    expect(garbled.status).toBe(200);
    expect(orderListingPageSchema.safeParse(garbled.body).success).toBe(false);
  });

  it('keeps the events of a channel whose webhooks are dropped, undelivered until redelivered', async () => {
    await sandbox.setFaults('megamart', { dropWebhooks: true });
    const { eventId } = await placeOrder('DRP-1');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries()).find((d) => d.eventId === eventId)).toMatchObject({ status: 'abandoned', attempts: 0 });
    // The order is on the channel all the same: the listing is how our side finds it.
    expect(orderListingPageSchema.parse((await list({ createdFrom: hourAgo() })).body).orders.map((o) => o.externalId)).toEqual(['DRP-1']);

    const redelivered = await fetch(`${sandbox.url}/_control/webhooks/${eventId}/redeliver`, { method: 'POST' });
    expect(redelivered.status).toBe(202);
    await receiver.waitFor((received) => received.length === 1);
    expect((await deliveries()).find((d) => d.eventId === eventId)).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});

describe('HTTP adapter listOrders', () => {
  it('answers typed pages and follows the cursor', async () => {
    for (const id of ['AD-1', 'AD-2', 'AD-3']) await placeOrder(id);
    const { adapter } = sandboxAdapter(sandbox.url, 'megamart');
    const window = { createdFrom: new Date(Date.now() - 60_000), createdTo: new Date(Date.now() + 1000) };
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await adapter.listOrders({ ...window, cursor, limit: 2 });
      seen.push(...page.orders.map((o) => o.externalId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(seen).toEqual(['AD-1', 'AD-2', 'AD-3']);
    expect(pages).toBe(2);
  });

  it('maps errors like the other calls: garbled body rejected, outage unavailable', async () => {
    await placeOrder('ERR-1');
    const { adapter } = sandboxAdapter(sandbox.url, 'megamart', { retry: { unavailableAttempts: 1 } });
    const window = { createdFrom: new Date(Date.now() - 60_000), createdTo: new Date(Date.now() + 1000) };
    await sandbox.setFaults('megamart', { garbleOrderListing: true });
    const garbled = await adapter.listOrders(window).catch((error: unknown) => error);
    expect(garbled).toBeInstanceOf(ChannelRejectedError);
    expect(garbled).toMatchObject({ retryable: false, channelErrorCode: 'UNEXPECTED_RESPONSE' });
    await sandbox.setFaults('megamart', { garbleOrderListing: false, outage: '503' });
    await expect(adapter.listOrders(window)).rejects.toBeInstanceOf(ChannelUnavailableError);
  });
});
