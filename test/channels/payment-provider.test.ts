import { ChannelRejectedError, ChannelUnavailableError } from '../../channels/channel-errors';
import { HttpPaymentProvider } from '../../channels/payments/http-payment-provider';
import { eventually } from '../support/eventually';
import { startTestSandbox, type TestSandbox } from './support/test-sandbox';

/**
 * The payment provider the sandbox emulates (`/payments`) and the adapter that refunds through it, over
 * real HTTP: capture, refunds once per Idempotency-Key, the refund log, and every fault /_control
 * switches (outage, 5xx, declined refunds, a refund answered late) arriving as the channels' typed errors.
 */
describe('payment provider emulation and adapter', () => {
  let sandbox: TestSandbox;
  let provider: HttpPaymentProvider;
  const key = 'sandbox-key-payments';

  const raw = async (path: string, init: { method?: string; body?: unknown; key?: string | null; idempotencyKey?: string } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (init.key !== null) headers.Authorization = `Bearer ${init.key ?? key}`;
    if (init.idempotencyKey !== undefined) headers['Idempotency-Key'] = init.idempotencyKey;
    const response = await fetch(`${sandbox.url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_control/payments${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const refundLog = async (query: string) => ((await control('GET', `/refunds?${query}`)) as { refunds: { amount: number }[] }).refunds;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    provider = new HttpPaymentProvider({
      providerCode: 'web-psp',
      baseUrl: `${sandbox.url}/payments`,
      apiKey: key,
      requestTimeoutMs: 500,
      rateLimit: { perSecond: 100, burst: 100, perItem: false },
      retry: { rateLimitedAttempts: 2, maxElapsedMs: 1000, baseDelayMs: 20, maxDelayMs: 50 },
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.reset();
  });

  it('captures, refunds once per key however often it is asked, and lists the refund in its log', async () => {
    const payment = await provider.capture({ reference: 'WEB-1001', amount: 5000, currency: 'EUR', idempotencyKey: 'capture:WEB-1001' });
    expect(payment).toMatchObject({ reference: 'WEB-1001', capturedAmount: 5000, refundedAmount: 0 });
    const again = await provider.capture({ reference: 'WEB-1001', amount: 5000, currency: 'EUR', idempotencyKey: 'capture:WEB-1001' });
    expect(again.paymentId).toBe(payment.paymentId);

    const refund = {
      paymentId: payment.paymentId,
      reference: 'WEB-1001',
      amount: 1250,
      currency: 'EUR',
      idempotencyKey: 'refund:return:r1:l1',
    };
    const first = await provider.refund(refund);
    const second = await provider.refund(refund);
    expect(second.refundId).toBe(first.refundId);
    expect(await refundLog('reference=WEB-1001')).toEqual([
      expect.objectContaining({ amount: 1250, idempotencyKey: 'refund:return:r1:l1' }),
    ]);

    // Found by the order number when our payment row does not name the provider's payment.
    const byReference = await provider.refund({ ...refund, paymentId: null, idempotencyKey: 'refund:return:r1:l2', amount: 750 });
    expect(byReference.paymentId).toBe(payment.paymentId);
    const shown = await raw(`/payments/v1/payments/${payment.paymentId}`);
    expect(shown.body).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 2000 });
  });

  it('refuses what a provider refuses: the same key for another amount, more than was captured, no key, no API key', async () => {
    const payment = await provider.capture({ reference: 'WEB-1002', amount: 1000, currency: 'EUR', idempotencyKey: 'capture:WEB-1002' });
    const base = { paymentId: payment.paymentId, reference: 'WEB-1002', currency: 'EUR' };
    await provider.refund({ ...base, amount: 400, idempotencyKey: 'k1' });
    await expect(provider.refund({ ...base, amount: 500, idempotencyKey: 'k1' })).rejects.toMatchObject({
      channelErrorCode: 'IDEMPOTENCY_KEY_REUSED',
    });
    await expect(provider.refund({ ...base, amount: 700, idempotencyKey: 'k2' })).rejects.toMatchObject({
      channelErrorCode: 'REFUND_EXCEEDS_CAPTURE',
      httpStatus: 422,
    });
    await expect(
      provider.refund({ ...base, paymentId: null, reference: 'WEB-NOPE', amount: 1, idempotencyKey: 'k3' }),
    ).rejects.toMatchObject({
      channelErrorCode: 'PAYMENT_NOT_FOUND',
    });
    const noKey = await raw(`/payments/v1/payments/${payment.paymentId}/refunds`, { method: 'POST', body: { amount: 1, currency: 'EUR' } });
    expect(noKey.status).toBe(400);
    const noAuth = await raw(`/payments/v1/payments/${payment.paymentId}/refunds`, {
      method: 'POST',
      key: null,
      idempotencyKey: 'k4',
      body: { amount: 1, currency: 'EUR' },
    });
    expect(noAuth.status).toBe(401);
    const malformed = await raw(`/payments/v1/payments/${payment.paymentId}/refunds`, {
      method: 'POST',
      idempotencyKey: 'k5',
      body: { amount: -1, currency: 'euro' },
    });
    expect(malformed.status).toBe(400);
    expect(await refundLog(`paymentId=${payment.paymentId}`)).toHaveLength(1);
  });

  it('shows the faults /_control switches on as typed errors, and pays once after a refund answered too late', async () => {
    const payment = await provider.capture({ reference: 'WEB-1003', amount: 3000, currency: 'EUR', idempotencyKey: 'capture:WEB-1003' });
    const refund = { paymentId: payment.paymentId, reference: 'WEB-1003', amount: 1000, currency: 'EUR', idempotencyKey: 'refund:x' };

    await control('PUT', '/faults', { outage: '503' });
    await expect(provider.refund(refund)).rejects.toBeInstanceOf(ChannelUnavailableError);
    await control('PUT', '/faults', { outage: 'refuse' });
    await expect(provider.refund(refund)).rejects.toBeInstanceOf(ChannelUnavailableError);
    await control('PUT', '/faults', { outage: null, errorRate: 1 });
    await expect(provider.refund(refund)).rejects.toBeInstanceOf(ChannelUnavailableError);
    await control('PUT', '/faults', { errorRate: 0, declineRefunds: true });
    // A refusal is a final answer: the provider replays it for its key, as real providers do.
    const declined = { ...refund, idempotencyKey: 'refund:declined' };
    await expect(provider.refund(declined)).rejects.toBeInstanceOf(ChannelRejectedError);
    await control('PUT', '/faults', { declineRefunds: false });
    await expect(provider.refund(declined)).rejects.toMatchObject({ channelErrorCode: 'REFUND_DECLINED' });
    expect(await refundLog('reference=WEB-1003')).toHaveLength(0);

    // The money moves but the answer comes after the client gave up: the retry with the key pays nothing more.
    await control('PUT', '/faults', { answerDelayMs: 1500 });
    await expect(provider.refund(refund)).rejects.toBeInstanceOf(ChannelUnavailableError);
    expect(await refundLog('reference=WEB-1003')).toHaveLength(1);
    await control('DELETE', '/faults');
    const retried = await provider.refund(refund);
    expect(await refundLog('reference=WEB-1003')).toEqual([expect.objectContaining({ refundId: retried.refundId, amount: 1000 })]);

    // Slowed past the client's timeout: the provider still makes the refund after the delay, and the
    // retry under the same key answers that one instead of paying again.
    await control('PUT', '/faults', { latencyMs: 700 });
    await expect(provider.refund({ ...refund, idempotencyKey: 'refund:y' })).rejects.toBeInstanceOf(ChannelUnavailableError);
    await control('PUT', '/faults', { latencyMs: 0 });
    await eventually(
      () => refundLog('idempotencyKey=refund:y'),
      (refunds) => refunds.length > 0,
    );
    // A retry under the same key pays nothing again, whether it is told the key is still in use (409, a
    // "try again") or given the first refund back.
    await provider.refund({ ...refund, idempotencyKey: 'refund:y' }).catch((error: unknown) => {
      if (!(error instanceof ChannelUnavailableError)) throw error;
    });
    expect(await refundLog('idempotencyKey=refund:y')).toHaveLength(1);
    expect(await refundLog('reference=WEB-1003')).toHaveLength(2);
  });

  it('captures at the provider what a shopper pays on the sandbox web store', async () => {
    const placed = await sandbox.call('web', '/orders', {
      method: 'POST',
      apiKey: null,
      body: {
        customer: { name: 'Wendy Web', phone: '+31611111111' },
        fulfilment: 'DELIVERY',
        lines: [{ sku: 'SKU-W', quantity: 2, unitPrice: 1500 }],
      },
    });
    expect(placed.status).toBe(201);
    const externalId = (placed.body as { order: { externalId: string } }).order.externalId;
    expect(await provider.findPayments({ reference: externalId })).toEqual([
      expect.objectContaining({ reference: externalId, capturedAmount: 3000, refundedAmount: 0 }),
    ]);
  });
});
