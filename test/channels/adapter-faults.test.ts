import { ChannelRateLimitedError, ChannelRejectedError, ChannelUnavailableError } from '../../channels/channel-errors';
import { sandboxAdapter, testRetryBudget } from './support/adapters';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const oneRow = [{ sku: 'F-1', quantity: 5 }];
const timed = async (work: () => Promise<unknown>): Promise<{ elapsedMs: number; outcome: unknown }> => {
  const startedAt = Date.now();
  const outcome = await work().catch((error: unknown) => error);
  return { elapsedMs: Date.now() - startedAt, outcome };
};

describe('HTTP channel adapter under faults', () => {
  it('waits out Retry-After during a 429 storm and succeeds when it ends', async () => {
    const { adapter, retries } = sandboxAdapter(sandbox.url, 'megamart');
    await sandbox.setFaults('megamart', { rateLimitStorm: true });
    setTimeout(() => void sandbox.setFaults('megamart', { rateLimitStorm: false }), 300);

    const { elapsedMs, outcome } = await timed(() => adapter.pushStock({ idempotencyKey: 'stock:storm:1', rows: oneRow }));

    expect(outcome).toMatchObject({ succeeded: 1, failed: 0 });
    expect(retries[0]).toMatchObject({ delayMs: 1000, reason: expect.stringContaining('429') as unknown });
    expect(elapsedMs).toBeGreaterThanOrEqual(1000);
  });

  it('gives up with ChannelRateLimitedError after its budget, never retrying before Retry-After', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'megamart');
    await sandbox.setFaults('megamart', { rateLimitStorm: true });

    const { elapsedMs, outcome } = await timed(() => adapter.pushStock({ idempotencyKey: 'stock:storm:2', rows: oneRow }));

    expect(outcome).toBeInstanceOf(ChannelRateLimitedError);
    expect(outcome).toMatchObject({
      type: 'CHANNEL_RATE_LIMITED',
      retryable: true,
      retryAfterMs: 1000,
      attempts: testRetryBudget.rateLimitedAttempts,
    });
    // Three attempts with two full Retry-After waits between them.
    expect(elapsedMs).toBeGreaterThanOrEqual(2000);
    const requests = await sandbox.log({ channel: 'megamart', kind: 'fault.rate_limit_storm' });
    expect(requests).toHaveLength(testRetryBudget.rateLimitedAttempts);
    const gaps = requests.slice(1).map((event, i) => Date.parse(event.at) - Date.parse(requests[i]?.at ?? ''));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(990);
  });

  it('stops early when Retry-After would outlast the time budget', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'megamart', { retry: { maxElapsedMs: 500 } });
    await sandbox.setFaults('megamart', { rateLimitStorm: true });
    const { elapsedMs, outcome } = await timed(() => adapter.pushStock({ idempotencyKey: 'stock:storm:3', rows: oneRow }));
    expect(outcome).toMatchObject({ type: 'CHANNEL_RATE_LIMITED', attempts: 1 });
    expect(elapsedMs).toBeLessThan(500);
  });

  it.each(['refuse', '503'] as const)('retries an outage (%s) and then throws ChannelUnavailableError', async (outage) => {
    const { adapter, retries } = sandboxAdapter(sandbox.url, 'web');
    await sandbox.setFaults('web', { outage });

    const { outcome } = await timed(() =>
      adapter.pushPrices({ idempotencyKey: `price:outage:${outage}`, rows: [{ sku: 'O-1', price: 100, currency: 'EUR' }] }),
    );

    expect(outcome).toBeInstanceOf(ChannelUnavailableError);
    expect(outcome).toMatchObject({ type: 'CHANNEL_UNAVAILABLE', retryable: true, attempts: testRetryBudget.unavailableAttempts });
    expect((outcome as Error).message).toMatch(outage === 'refuse' ? /connection failed/ : /HTTP 503/);
    expect(retries).toHaveLength(testRetryBudget.unavailableAttempts - 1);
    expect(await sandbox.log({ channel: 'web', kind: 'fault.outage' })).toHaveLength(testRetryBudget.unavailableAttempts);
  });

  it("by default tries an unavailable channel once: those retries are Temporal's", async () => {
    const { adapter, retries } = sandboxAdapter(sandbox.url, 'web', { retry: { unavailableAttempts: undefined } });
    await sandbox.setFaults('web', { outage: '503' });
    const { outcome } = await timed(() => adapter.pushStock({ idempotencyKey: 'stock:outage:default', rows: oneRow }));
    expect(outcome).toMatchObject({ type: 'CHANNEL_UNAVAILABLE', retryable: true, attempts: 1 });
    expect(retries).toHaveLength(0);
    expect(await sandbox.log({ channel: 'web', kind: 'fault.outage' })).toHaveLength(1);
  });

  it('recovers from an outage that ends within its budget', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'web', { retry: { unavailableAttempts: 10, baseDelayMs: 100 } });
    await sandbox.setFaults('web', { outage: 'refuse' });
    setTimeout(() => void sandbox.setFaults('web', { outage: null }), 300);
    await expect(
      adapter.pushPrices({ idempotencyKey: 'price:outage:recover', rows: [{ sku: 'O-2', price: 100, currency: 'EUR' }] }),
    ).resolves.toMatchObject({ succeeded: 1 });
  });

  it('treats a slow channel as unavailable after the request timeout', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'web', { retry: { unavailableAttempts: 2 }, timeouts: { requestMs: 200 } });
    await sandbox.setFaults('web', { latencyMs: 600 });
    const { outcome } = await timed(() => adapter.readBack({ skus: ['T-1'] }));
    expect(outcome).toBeInstanceOf(ChannelUnavailableError);
    expect((outcome as Error).message).toContain('no answer within 200 ms');
  });

  it('retries random 500s until they pass (seeded, so the run is repeatable)', async () => {
    await sandbox.reset(7);
    const { adapter, retries } = sandboxAdapter(sandbox.url, 'web', { retry: { unavailableAttempts: 8 } });
    await sandbox.setFaults('web', { errorRate: 0.5 });
    for (let i = 0; i < 5; i += 1)
      await expect(adapter.pushStock({ idempotencyKey: `stock:flaky:${i}`, rows: oneRow })).resolves.toMatchObject({ succeeded: 1 });
    expect(retries.length).toBe((await sandbox.log({ channel: 'web', kind: 'fault.error' })).length);
    expect(retries.length).toBeGreaterThan(0);
  });

  it('does not retry a rejection: ChannelRejectedError with the channel code', async () => {
    const { adapter, retries } = sandboxAdapter(sandbox.url, 'web');
    const outcome = await adapter
      .updateOrderStatus({ idempotencyKey: 'status:x', externalOrderId: 'NO-SUCH-ORDER', status: 'COLLECTED' })
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(ChannelRejectedError);
    expect(outcome).toMatchObject({ type: 'CHANNEL_REJECTED', retryable: false, httpStatus: 404, channelErrorCode: 'ORDER_NOT_FOUND' });
    expect(retries).toHaveLength(0);
  });

  it('reports health without throwing', async () => {
    const { adapter } = sandboxAdapter(sandbox.url, 'pos');
    expect(await adapter.health()).toMatchObject({ healthy: true, detail: null });
    await sandbox.setFaults('pos', { outage: '503' });
    expect(await adapter.health()).toMatchObject({ healthy: false, detail: expect.stringContaining('503') as unknown });
  });
});
