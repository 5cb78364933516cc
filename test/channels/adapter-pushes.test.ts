import { sandboxAdapter } from './support/adapters';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const stockRows = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => ({ sku: `${prefix}-${i}`, quantity: i % 7 }));

describe('HTTP channel adapter pushes', () => {
  it('splits a large push into the channel batch size and maps row results back to the caller rows', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'megamart');
    const rows: { sku: string; quantity: number }[] = stockRows(250, 'M');
    rows[170] = { sku: 'M-170', quantity: -3 };

    const result = await adapter.pushStock({ idempotencyKey: 'stock:sync-1:megamart', rows });

    expect(result).toMatchObject({ succeeded: 249, failed: 1 });
    expect(result.results.map((row) => row.index)).toEqual(rows.map((_, i) => i));
    expect(result.results[170]).toMatchObject({ sku: 'M-170', ok: false, error: { code: 'INVALID_ROW' } });
    expect(await sandbox.log({ channel: 'megamart', kind: 'request' })).toHaveLength(3);
    const shown = await adapter.readBack({ skus: ['M-0', 'M-169', 'M-170', 'M-249'] });
    expect(shown.listings.map((listing) => listing.stock)).toEqual([0, 1, null, 4]);
    expect(shown.listings[2]).toMatchObject({ listed: false });
  });

  it('submits feed jobs on async channels and polls them to per-row results', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'bazaar');
    const rows = Array.from({ length: 2500 }, (_, i) => ({ sku: `BZ-${i}`, price: 1000 + i, currency: i === 1234 ? 'GBP' : 'EUR' }));

    const result = await adapter.pushPrices({ idempotencyKey: 'price:promo-9:bazaar', rows });

    expect(result).toMatchObject({ succeeded: 2499, failed: 1 });
    expect(result.results[1234]).toMatchObject({ index: 1234, ok: false, error: { code: 'CURRENCY_MISMATCH' } });
    expect((await sandbox.log({ channel: 'bazaar', kind: 'job.submitted' })).length).toBe(3);
    expect((await adapter.readBack({ skus: ['BZ-2499'] })).listings[0]).toMatchObject({ price: 3499 });
  });

  it('paces itself to the channel limit, so the channel never has to say 429', async () => {
    // quickbuy: 200 items/s, burst 400, every row counts; the adapter uses 90% of that:
    // 1000 rows = 360 at once + 640 at 180/s = ~3.6 s.
    const { adapter, retries } = sandboxAdapter(sandbox.url, 'quickbuy');
    const startedAt = Date.now();
    const result = await adapter.pushStock({ idempotencyKey: 'stock:sync-2:quickbuy', rows: stockRows(1000, 'Q') });
    const elapsedMs = Date.now() - startedAt;

    expect(result.succeeded).toBe(1000);
    expect(await sandbox.log({ channel: 'quickbuy', kind: 'rate_limited' })).toHaveLength(0);
    expect(retries).toHaveLength(0);
    expect(elapsedMs).toBeGreaterThanOrEqual(3300);
  });

  it('passes the business key through, so a retried push is replayed, not applied twice', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'megamart');
    const rows = stockRows(150, 'R');
    const first = await adapter.pushStock({ idempotencyKey: 'stock:sync-3:megamart', rows });
    // Someone else changes R-0 in between; replaying the old push must not undo that.
    await adapter.pushStock({ idempotencyKey: 'stock:sync-4:megamart', rows: [{ sku: 'R-0', quantity: 42 }] });

    const replay = await adapter.pushStock({ idempotencyKey: 'stock:sync-3:megamart', rows });

    expect(replay).toEqual(first);
    expect(await sandbox.log({ channel: 'megamart', kind: 'idempotent_replay' })).toHaveLength(2);
    expect((await adapter.readBack({ skus: ['R-0'] })).listings[0]?.stock).toBe(42);
  });

  it('refunds once for one business key, even when called twice', async () => {
    const placed = await sandbox.call('web', '/orders', {
      method: 'POST',
      body: { customer: { name: 'Di' }, pickupStoreCode: 'AMS-01', lines: [{ sku: 'RF-1', quantity: 1, unitPrice: 4000 }] },
    });
    const externalOrderId = (placed.body as { order: { externalId: string } }).order.externalId;
    const { adapter } = sandboxAdapter(sandbox.url, 'web');
    const refund = { idempotencyKey: 'refund:ret-7:line-1', externalOrderId, amount: 4000, currency: 'EUR' };

    const [first, second] = [await adapter.refund(refund), await adapter.refund(refund)];

    expect(second).toEqual(first);
    expect((await sandbox.call('web', `/orders/${externalOrderId}`)).body).toMatchObject({ refundedAmount: 4000 });
  });

  it('cannot see "accepted but not applied" in the answer; read-back shows it', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'web');
    await adapter.pushPrices({
      idempotencyKey: 'price:base',
      rows: [
        { sku: 'D-1', price: 1000, currency: 'EUR' },
        { sku: 'D-2', price: 1000, currency: 'EUR' },
      ],
    });
    await sandbox.setFaults('web', { acceptButDropRate: 1 });

    const answer = await adapter.pushPrices({
      idempotencyKey: 'price:promo-lie',
      rows: [
        { sku: 'D-1', price: 800, currency: 'EUR' },
        { sku: 'D-2', price: 800, currency: 'EUR' },
      ],
    });

    expect(answer).toMatchObject({ succeeded: 2, failed: 0 });
    const shown = await adapter.readBack({ skus: ['D-1', 'D-2'] });
    expect(shown.listings.map((listing) => listing.price)).toEqual([1000, 1000]);
    expect(await sandbox.log({ channel: 'web', kind: 'fault.accept_but_drop' })).toHaveLength(2);
  });

  it('reads back in pages and reports SKUs the channel does not list', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'web', { readBackPageSize: 40 });
    await adapter.pushStock({ idempotencyKey: 'stock:rb', rows: stockRows(100, 'RB') });
    const skus = [...stockRows(100, 'RB').map((row) => row.sku), 'GONE-1'];

    const { listings } = await adapter.readBack({ skus });

    expect(listings).toHaveLength(101);
    expect(listings[99]).toMatchObject({ sku: 'RB-99', listed: true, stock: 99 % 7, open: true });
    expect(listings[100]).toEqual({ sku: 'GONE-1', listed: false, price: null, currency: null, stock: null, open: false });
    // One push of 100 rows, then 101 SKUs read in pages of 40.
    expect(await sandbox.log({ channel: 'web', kind: 'request' })).toHaveLength(1 + 3);
  });
});
