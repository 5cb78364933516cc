import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const priceOf = async (sku: string): Promise<unknown> => {
  const { body } = await sandbox.call('web', `/listings?skus=${sku}`);
  return (body as { listings: { price: number }[] }).listings[0]?.price;
};

describe('channel sandbox Idempotency-Key', () => {
  it('replays the first answer for the same key and body without applying it again', async () => {
    const first = await sandbox.call('web', '/prices/batch', {
      method: 'POST',
      idempotencyKey: 'price:promo-1:web:1',
      body: { rows: [{ sku: 'SKU-1', price: 1000, currency: 'EUR' }] },
    });
    await sandbox.call('web', '/prices/batch', {
      method: 'POST',
      idempotencyKey: 'price:promo-2:web:1',
      body: { rows: [{ sku: 'SKU-1', price: 2000, currency: 'EUR' }] },
    });

    const replay = await sandbox.call('web', '/prices/batch', {
      method: 'POST',
      idempotencyKey: 'price:promo-1:web:1',
      body: { rows: [{ sku: 'SKU-1', price: 1000, currency: 'EUR' }] },
    });

    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // Had the replay been applied, the later promotion's price would have been overwritten.
    expect(await priceOf('SKU-1')).toBe(2000);
  });

  it('refuses the same key with a different body and changes nothing', async () => {
    await sandbox.call('web', '/prices/batch', {
      method: 'POST',
      idempotencyKey: 'k-1',
      body: { rows: [{ sku: 'SKU-2', price: 1000, currency: 'EUR' }] },
    });
    const reuse = await sandbox.call('web', '/prices/batch', {
      method: 'POST',
      idempotencyKey: 'k-1',
      body: { rows: [{ sku: 'SKU-2', price: 1, currency: 'EUR' }] },
    });
    expect(reuse.status).toBe(422);
    expect(reuse.body).toMatchObject({ error: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('k-1') as unknown });
    expect(await priceOf('SKU-2')).toBe(1000);
  });

  it('keys are per channel', async () => {
    const body = { rows: [{ sku: 'SKU-3', price: 1000, currency: 'EUR' }] };
    await sandbox.call('web', '/prices/batch', { method: 'POST', idempotencyKey: 'shared', body });
    const other = await sandbox.call('pos', '/prices/batch', {
      method: 'POST',
      idempotencyKey: 'shared',
      body: { rows: [{ sku: 'SKU-3', price: 5, currency: 'EUR' }] },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });

  it('does not store injected 5xx answers, so a retry with the same key is applied', async () => {
    await sandbox.setFaults('web', { errorRate: 1 });
    const body = { rows: [{ sku: 'SKU-4', price: 700, currency: 'EUR' }] };
    expect((await sandbox.call('web', '/prices/batch', { method: 'POST', idempotencyKey: 'k-5xx', body })).status).toBe(500);
    await sandbox.setFaults('web', { errorRate: 0 });
    expect((await sandbox.call('web', '/prices/batch', { method: 'POST', idempotencyKey: 'k-5xx', body })).status).toBe(200);
    expect(await priceOf('SKU-4')).toBe(700);
  });

  it('refunds once per key, and need one', async () => {
    const placed = await sandbox.call('web', '/orders', {
      method: 'POST',
      body: { customer: { name: 'Ada' }, pickupStoreCode: 'AMS-01', lines: [{ sku: 'SKU-9', quantity: 2, unitPrice: 1500 }] },
    });
    const externalId = (placed.body as { order: { externalId: string } }).order.externalId;
    const refund = (key?: string) =>
      sandbox.call('web', `/orders/${externalId}/refunds`, {
        method: 'POST',
        idempotencyKey: key,
        body: { amount: 1500, currency: 'EUR' },
      });

    expect((await refund()).status).toBe(400);
    const first = await refund('refund:ret-1:line-1');
    const again = await refund('refund:ret-1:line-1');
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const { body: order } = await sandbox.call('web', `/orders/${externalId}`);
    expect(order).toMatchObject({ refundedAmount: 1500 });
    expect((order as { refunds: unknown[] }).refunds).toHaveLength(1);
    // A second, different refund is fine until the order total (3000) is used up.
    expect((await refund('refund:ret-2:line-1')).status).toBe(201);
    expect((await refund('refund:ret-3:line-1')).body).toMatchObject({ error: 'REFUND_EXCEEDS_ORDER' });
  });
});
