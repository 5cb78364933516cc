import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { pickupCancelledSignal } from '../../domain/pickup/pickup-messages';
import { startTestSandbox, type TestSandbox } from '../channels/support/test-sandbox';
import { eventually } from '../support/eventually';
import { type IntakeTestApi, sellableSkus, startIntakeApi, uniqueDutchMobile, uniqueId, waitForRun } from './support/intake-test-kit';

/**
 * The whole path a marketplace order takes: placed and cancelled on the channel sandbox, which signs and
 * delivers every webhook twice and holds each a random while so they overtake each other.
 */
let api: IntakeTestApi;
let server: Server;
let sandbox: TestSandbox;

beforeAll(async () => {
  api = await startIntakeApi();
  server = api.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  sandbox = await startTestSandbox({
    env: { API_URL: `http://127.0.0.1:${port}`, SANDBOX_WEBHOOK_DUPLICATE_RATE: '1', SANDBOX_WEBHOOK_REORDER_WINDOW_MS: '150' },
  });
});

afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => server.close(resolve));
  await api.close();
});

describe('orders from the channel sandbox', () => {
  it('end as one order per channel order, whatever order and however often the webhooks arrive', async () => {
    const [product] = await sellableSkus(api.prisma, 1);
    if (product === undefined) throw new Error('the seed has no products');
    const phone = uniqueDutchMobile();
    const kept = uniqueId('MMK');
    const cancelled = uniqueId('MMC');
    const place = (externalId: string) =>
      sandbox.call('megamart', '/orders', {
        method: 'POST',
        body: {
          externalId,
          customer: { name: 'Sandbox Shopper', phone: phone.national, email: null },
          pickupStoreCode: 'LIS-01',
          lines: [{ sku: product.sku, quantity: 1, unitPrice: 1234 }],
        },
      });

    expect((await place(kept)).status).toBe(201);
    expect((await place(cancelled)).status).toBe(201);
    expect((await sandbox.call('megamart', `/orders/${cancelled}/customer-cancel`, { method: 'POST' })).status).toBe(200);

    // Three events, each sent twice: six deliveries, all accepted.
    const deliveries = await eventually(
      async () => (await sandbox.log({ channel: 'megamart', kind: 'webhook.delivered' })).length,
      (count) => count >= 6,
      // The sandbox sends each webhook twice, after a delay: on a loaded machine 15 s is not always enough.
      60_000,
    );
    expect(deliveries).toBe(6);

    const orders = await api.prisma.order.findMany({ where: { externalId: { in: [kept, cancelled] } }, orderBy: { externalId: 'asc' } });
    // Sorted by external id: MMC-... (cancelled) before MMK-... (kept).
    expect(orders.map((order) => [order.externalId, order.totalMinor])).toEqual([
      [cancelled, 1234n],
      [kept, 1234n],
    ]);
    const [cancelledOrder, keptOrder] = orders;
    expect(keptOrder?.status).toBe('RECEIVED');
    // Every pickup order gets its run (to refund a cancelled one). The cancellation took one of its valid
    // paths, depending on which webhook won the race: it arrived before the pickup workflow ran, and the
    // order itself is CANCELLED (its run starts knowing it); or the workflow was running, and the
    // cancellation was handed to it (these tests run no worker for it, so the order waits in RECEIVED).
    const cancelledRun = await waitForRun(api.prisma, cancelledOrder?.id ?? 'none');
    if (cancelledOrder?.status !== 'CANCELLED') {
      expect(cancelledOrder?.status).toBe('RECEIVED');
      const history = await api.temporal.workflow.getHandle(cancelledRun).fetchHistory();
      const signals = (history.events ?? []).filter(
        (event) => event.workflowExecutionSignaledEventAttributes?.signalName === pickupCancelledSignal.name,
      );
      expect(signals.length).toBeGreaterThanOrEqual(1);
    }
    // Both orders belong to the one customer, found by the phone number read in the home region.
    expect(new Set(orders.map((order) => order.customerId)).size).toBe(1);
    expect(await api.prisma.customer.count({ where: { phone: phone.e164 } })).toBe(1);
    // Three events, each recorded once however often it came. At least the six deliveries the sandbox counts as
    // answered: on a loaded machine an answer can come after the sandbox's timeout, which it then sends again.
    const events = await api.prisma.orderWebhookEvent.aggregate({
      where: { externalOrderId: { in: [kept, cancelled] } },
      _count: true,
      _sum: { deliveries: true },
    });
    expect(events._count).toBe(3);
    expect(events._sum.deliveries).toBeGreaterThanOrEqual(6);
    expect((await api.temporal.workflow.getHandle(await waitForRun(api.prisma, keptOrder?.id ?? 'none')).describe()).status.name).toBe(
      'RUNNING',
    );
  });
});
