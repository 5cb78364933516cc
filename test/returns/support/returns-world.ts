import { randomInt, randomUUID } from 'node:crypto';
import pino from 'pino';
import { createChannelAdapterSource } from '../../../activities/channels/channel-adapter-source';
import { signAccessToken } from '../../../api/auth/tokens';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../../channels/sandbox/app';
import { devApiKeyFor } from '../../../channels/sandbox/channel-auth';
import { sandboxConfigSchema } from '../../../channels/sandbox/config';
import { listenSandbox, type RunningSandbox } from '../../../channels/sandbox/server';
import { parseConfig } from '../../../domain/config';
import { HttpMessageGateway } from '../../../message-gateway/http-message-gateway';
import { HttpPaymentProvider } from '../../../channels/payments/http-payment-provider';
import { createPrismaClient, type PrismaClient } from '../../../prisma/client';
import { testEnv } from '../../support/env';

export type ReturnsUserKey = 'clerkA' | 'clerkB' | 'managerB' | 'managerB2' | 'admin';

export interface CollectedOrder {
  orderId: string;
  externalId: string;
  lineIds: string[];
}

/** Small budgets so a failing channel call gives up quickly inside one activity attempt. */
const transport = {
  retry: { rateLimitedAttempts: 2, maxElapsedMs: 1000, baseDelayMs: 50, maxDelayMs: 200 },
  timeouts: { requestMs: 2000, jobPollIntervalMs: 50, jobMaxWaitMs: 5000 },
};

/**
 * What a return test needs, isolated from other suites: a sandbox of its own emulating one marketplace
 * (orders are placed there, so refunds are real HTTP calls the sandbox de-duplicates by key), two stores
 * (A sold it, B takes it back) with their staff, two SKUs with stock, a customer with a phone number, and
 * marketplace orders already collected at A as pickup leaves them. Codes are unique per run.
 */
export class ReturnsWorld {
  readonly prefix = `rt${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  readonly channels = createChannelAdapterSource({ prisma: this.prisma, apiKeys: { keys: {}, useSandboxDevKeys: true }, transport });
  readonly channelCode = `${this.prefix}-mart`;
  /** Our own web store: its checkout pays through the sandbox's payment provider. */
  readonly webChannelCode = `${this.prefix}-web`;
  readonly paymentProviderCode = 'web-psp';
  readonly storeA = `${this.prefix.toUpperCase()}-A`;
  readonly storeB = `${this.prefix.toUpperCase()}-B`;
  readonly skuOne = `${this.prefix.toUpperCase()}-ONE`;
  readonly skuTwo = `${this.prefix.toUpperCase()}-TWO`;
  readonly unitPrice = { one: 1250, two: 899 };
  readonly phone = `+3162${String(randomInt(10_000_000)).padStart(7, '0')}`;
  readonly storeIds: Record<string, string> = {};
  readonly users = {} as Record<ReturnsUserKey, { id: string; email: string }>;
  private sandbox: RunningSandbox | null = null;
  private channelId = '';
  private webChannelId = '';
  private posChannelId = '';
  private customerId = '';

  get sandboxUrl(): string {
    if (!this.sandbox) throw new Error('sandbox not started');
    return this.sandbox.url;
  }

  get messageGateway(): HttpMessageGateway {
    return new HttpMessageGateway({
      baseUrl: `${this.sandboxUrl}/gateway`,
      apiKey: 'sandbox-key-gateway',
      requestTimeoutMs: 2000,
      retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 200 },
    });
  }

  /** The payment provider adapter the worker refunds web orders through (the test sandbox's /payments). */
  get payments(): HttpPaymentProvider {
    return new HttpPaymentProvider({
      providerCode: this.paymentProviderCode,
      baseUrl: `${this.sandboxUrl}/payments`,
      apiKey: 'sandbox-key-payments',
      requestTimeoutMs: 2000,
      rateLimit: { perSecond: 200, burst: 400, perItem: false },
      retry: transport.retry,
    });
  }

  /** `apiUrl`: where the sandbox sends its webhooks (a test's own API); none by default. */
  async setUp(options: { apiUrl?: string } = {}): Promise<void> {
    const config = parseConfig(sandboxConfigSchema, {
      LOG_LEVEL: 'silent',
      API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      SANDBOX_WEBHOOK_MAX_ATTEMPTS: '1',
      SANDBOX_EVENT_LOG_CAPACITY: '100000',
    });
    const app = createSandboxApp({
      ...sandboxOptionsFromConfig(config, pino({ level: 'silent' })),
      channels: [
        {
          code: this.channelCode,
          name: 'Returns test marketplace',
          kind: 'MARKETPLACE',
          rateLimit: { perSecond: 200, burst: 400, perItem: false },
          maxBatchSize: 100,
          asyncJobs: false,
          safetyBuffer: 0,
          webhookSecret: 'returns-test-secret',
        },
        {
          code: this.webChannelCode,
          name: 'Returns test web store',
          kind: 'WEB_STORE',
          rateLimit: { perSecond: 200, burst: 400, perItem: false },
          maxBatchSize: 100,
          asyncJobs: false,
          safetyBuffer: 0,
          webhookSecret: 'returns-test-web-secret',
        },
      ],
    });
    this.sandbox = await listenSandbox(app, { host: '127.0.0.1', port: 0 });
    const channel = await this.prisma.channel.create({
      data: {
        code: this.channelCode,
        name: 'Returns test marketplace',
        kind: 'MARKETPLACE',
        baseUrl: `${this.sandboxUrl}/channels/${this.channelCode}`,
        requestsPerSecond: 200,
        burst: 400,
        maxBatchSize: 100,
        webhookSecret: 'returns-test-secret',
      },
    });
    this.channelId = channel.id;
    const web = await this.prisma.channel.create({
      data: {
        code: this.webChannelCode,
        name: 'Returns test web store',
        kind: 'WEB_STORE',
        baseUrl: `${this.sandboxUrl}/channels/${this.webChannelCode}`,
        requestsPerSecond: 200,
        burst: 400,
        maxBatchSize: 100,
        webhookSecret: 'returns-test-web-secret',
      },
    });
    this.webChannelId = web.id;
    const pos = await this.prisma.channel.create({
      data: {
        code: `${this.prefix}-pos`,
        name: 'Returns test till',
        kind: 'POS',
        baseUrl: 'http://127.0.0.1:9',
        requestsPerSecond: 10,
        burst: 10,
        maxBatchSize: 10,
        webhookSecret: 'returns-test-pos-secret',
      },
    });
    this.posChannelId = pos.id;
    for (const [code, city] of [
      [this.storeA, 'Amsterdam'],
      [this.storeB, 'Berlin'],
    ] as const) {
      const store = await this.prisma.store.create({
        data: { code, name: `Returns test ${city}`, city, address: 'Teststraat 1', timeZone: 'Europe/Amsterdam', currency: 'EUR' },
      });
      this.storeIds[code] = store.id;
    }
    for (const [sku, price] of [
      [this.skuOne, this.unitPrice.one],
      [this.skuTwo, this.unitPrice.two],
    ] as const) {
      const product = await this.prisma.product.create({
        data: {
          sku,
          name: `Returns item ${sku}`,
          description: 'returns test',
          category: 'test',
          basePriceMinor: price,
          floorPriceMinor: 1,
          currency: 'EUR',
        },
      });
      for (const storeId of Object.values(this.storeIds))
        await this.prisma.inventoryLevel.create({ data: { storeId, productId: product.id, onHand: 5 } });
    }
    const user = async (key: ReturnsUserKey, storeCode: string | null, isStoreManager: boolean) => {
      const email = `${key.toLowerCase()}@${this.prefix}.test`;
      const created = await this.prisma.user.create({
        data: {
          email,
          name: key,
          role: storeCode === null ? 'ADMIN' : 'STORE_STAFF',
          storeId: storeCode === null ? null : (this.storeIds[storeCode] ?? null),
          isStoreManager,
          passwordHash: 'not-used-by-these-tests',
        },
      });
      this.users[key] = { id: created.id, email };
    };
    await user('clerkA', this.storeA, false);
    await user('clerkB', this.storeB, false);
    await user('managerB', this.storeB, true);
    await user('managerB2', this.storeB, true);
    await user('admin', null, false);
    const customer = await this.prisma.customer.create({
      data: { name: 'Rita Return', phone: this.phone, email: `rita@${this.prefix}.test` },
    });
    this.customerId = customer.id;
  }

  bearer(key: ReturnsUserKey, secret: string): string {
    return `Bearer ${signAccessToken(this.users[key].id, { secret, ttlSeconds: 600 })}`;
  }

  /** Placed on the sandbox marketplace for pickup at A and recorded as pickup leaves it once collected. */
  async collectedOrder(lines: { sku: string; quantity: number }[], collectedAt = new Date()): Promise<CollectedOrder> {
    const priced = lines.map((line) => ({ ...line, unitPrice: line.sku === this.skuOne ? this.unitPrice.one : this.unitPrice.two }));
    const response = await fetch(`${this.sandboxUrl}/channels/${this.channelCode}/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        customer: { name: 'Rita Return', email: null, phone: null },
        fulfilment: 'PICKUP',
        pickupStoreCode: this.storeA,
        lines: priced,
      }),
    });
    if (response.status !== 201) throw new Error(`sandbox refused the order: ${response.status} ${await response.text()}`);
    const { order } = (await response.json()) as { order: { externalId: string } };
    // The marketplace shows it collected, as pickup leaves it.
    for (const status of ['READY_FOR_PICKUP', 'COLLECTED'])
      await fetch(`${this.sandboxUrl}/channels/${this.channelCode}/orders/${order.externalId}/status`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${devApiKeyFor(this.channelCode)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    const products = await this.prisma.product.findMany({ where: { sku: { in: lines.map((line) => line.sku) } } });
    const created = await this.prisma.order.create({
      data: {
        channelId: this.channelId,
        externalId: order.externalId,
        customerId: this.customerId,
        fulfilmentType: 'PICKUP',
        pickupStoreId: this.storeIds[this.storeA] ?? null,
        status: 'COLLECTED',
        currency: 'EUR',
        totalMinor: priced.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
        placedAt: collectedAt,
        collectedAt,
        lines: {
          create: priced.map((line) => ({
            productId: products.find((product) => product.sku === line.sku)?.id ?? '',
            quantity: line.quantity,
            pickedQuantity: line.quantity,
            unitPriceMinor: line.unitPrice,
            status: 'FULFILLED' as const,
          })),
        },
      },
      include: { lines: true },
    });
    const lineIds = lines.map(
      (line) =>
        created.lines.find((candidate) => candidate.productId === products.find((product) => product.sku === line.sku)?.id)?.id ?? '',
    );
    return { orderId: created.id, externalId: order.externalId, lineIds };
  }

  /**
   * Bought on our web store and delivered: the checkout captured the money at the payment provider (over
   * HTTP, as the web store does) and told us the provider's payment id, as POST /api/orders records it.
   */
  async deliveredWebOrder(lines: { sku: string; quantity: number }[]): Promise<CollectedOrder & { paymentId: string }> {
    const externalId = `WEB-${randomUUID().slice(0, 8).toUpperCase()}`;
    const priced = lines.map((line) => ({ ...line, unitPrice: line.sku === this.skuOne ? this.unitPrice.one : this.unitPrice.two }));
    const total = priced.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    const captured = await fetch(`${this.sandboxUrl}/payments/v1/payments`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sandbox-key-payments',
        'Content-Type': 'application/json',
        'Idempotency-Key': `checkout:${externalId}`,
      },
      body: JSON.stringify({ amount: total, currency: 'EUR', reference: externalId }),
    });
    if (captured.status !== 201) throw new Error(`payment provider refused the capture: ${captured.status} ${await captured.text()}`);
    const { paymentId } = (await captured.json()) as { paymentId: string };
    const products = await this.prisma.product.findMany({ where: { sku: { in: lines.map((line) => line.sku) } } });
    const created = await this.prisma.order.create({
      data: {
        channelId: this.webChannelId,
        externalId,
        customerId: this.customerId,
        fulfilmentType: 'SHIP',
        status: 'COMPLETED',
        collectedAt: new Date(),
        currency: 'EUR',
        totalMinor: total,
        placedAt: new Date(),
        lines: {
          create: priced.map((line) => ({
            productId: products.find((product) => product.sku === line.sku)?.id ?? '',
            quantity: line.quantity,
            pickedQuantity: line.quantity,
            unitPriceMinor: line.unitPrice,
            status: 'FULFILLED' as const,
          })),
        },
        payments: {
          create: {
            channelId: this.webChannelId,
            provider: this.paymentProviderCode,
            externalRef: paymentId,
            amountMinor: total,
            currency: 'EUR',
            status: 'CAPTURED',
          },
        },
      },
      include: { lines: true },
    });
    const lineIds = lines.map(
      (line) =>
        created.lines.find((candidate) => candidate.productId === products.find((product) => product.sku === line.sku)?.id)?.id ?? '',
    );
    return { orderId: created.id, externalId, lineIds, paymentId };
  }

  /** Rung up at store A's till and paid there (the POS records the payment it took). */
  async tillSale(lines: { sku: string; quantity: number }[]): Promise<CollectedOrder> {
    const externalId = `POS-${randomUUID().slice(0, 8).toUpperCase()}`;
    const priced = lines.map((line) => ({ ...line, unitPrice: line.sku === this.skuOne ? this.unitPrice.one : this.unitPrice.two }));
    const total = priced.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    const products = await this.prisma.product.findMany({ where: { sku: { in: lines.map((line) => line.sku) } } });
    const created = await this.prisma.order.create({
      data: {
        channelId: this.posChannelId,
        externalId,
        customerId: this.customerId,
        fulfilmentType: 'PICKUP',
        pickupStoreId: this.storeIds[this.storeA] ?? null,
        status: 'COMPLETED',
        currency: 'EUR',
        totalMinor: total,
        placedAt: new Date(),
        collectedAt: new Date(),
        lines: {
          create: priced.map((line) => ({
            productId: products.find((product) => product.sku === line.sku)?.id ?? '',
            quantity: line.quantity,
            pickedQuantity: line.quantity,
            unitPriceMinor: line.unitPrice,
            status: 'FULFILLED' as const,
          })),
        },
        payments: {
          create: {
            channelId: this.posChannelId,
            provider: 'pos',
            externalRef: `till:${externalId}`,
            amountMinor: total,
            currency: 'EUR',
            status: 'CAPTURED',
          },
        },
      },
      include: { lines: true },
    });
    const lineIds = lines.map(
      (line) =>
        created.lines.find((candidate) => candidate.productId === products.find((product) => product.sku === line.sku)?.id)?.id ?? '',
    );
    return { orderId: created.id, externalId, lineIds };
  }

  /** The payment provider's refund log for one web order (what it really paid back). */
  async providerRefunds(reference: string): Promise<{ refundId: string; amount: number; idempotencyKey: string }[]> {
    const response = await fetch(`${this.sandboxUrl}/_control/payments/refunds?reference=${encodeURIComponent(reference)}`);
    return ((await response.json()) as { refunds: { refundId: string; amount: number; idempotencyKey: string }[] }).refunds;
  }

  /** The sandbox's event log of the payment provider, of one kind (e.g. payment.refund_replayed). */
  async paymentEvents(kind: string): Promise<{ kind: string; detail: Record<string, unknown> }[]> {
    const response = await fetch(`${this.sandboxUrl}/_control/log?channel=payments&kind=${encodeURIComponent(kind)}&limit=10000`);
    return ((await response.json()) as { events: { kind: string; detail: Record<string, unknown> }[] }).events;
  }

  async setPaymentFaults(faults: Record<string, unknown>): Promise<void> {
    await fetch(`${this.sandboxUrl}/_control/payments/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(faults),
    });
  }

  /** What the marketplace shows for the order: every refund it made (over HTTP, with the channel's key). */
  async channelOrder(externalId: string): Promise<{
    status: string;
    refundedAmount: number;
    refunds: { amount: number; idempotencyKey?: string }[];
    returns?: { returnRef: string; status: string; refundedAmount: number; lines: { sku: string; quantity: number }[] }[];
  }> {
    const response = await fetch(`${this.sandboxUrl}/channels/${this.channelCode}/orders/${externalId}`, {
      headers: { Authorization: `Bearer ${devApiKeyFor(this.channelCode)}` },
    });
    return (await response.json()) as Awaited<ReturnType<ReturnsWorld['channelOrder']>>;
  }

  /** The marketplace refunds on its own (its back office), so our later refund exceeds what is left. */
  async refundOnChannel(externalId: string, amount: number): Promise<void> {
    const response = await fetch(`${this.sandboxUrl}/channels/${this.channelCode}/orders/${externalId}/refunds`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${devApiKeyFor(this.channelCode)}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': `backoffice-${randomUUID()}`,
      },
      body: JSON.stringify({ amount, currency: 'EUR', reason: 'refunded in the marketplace back office' }),
    });
    if (response.status !== 201) throw new Error(`sandbox refund refused: ${response.status}`);
  }

  async setChannelFaults(faults: Record<string, unknown>): Promise<void> {
    await fetch(`${this.sandboxUrl}/_control/channels/${this.channelCode}/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(faults),
    });
  }

  async onHand(storeCode: string, sku: string): Promise<number> {
    const level = await this.prisma.inventoryLevel.findFirstOrThrow({ where: { store: { code: storeCode }, product: { sku } } });
    return level.onHand;
  }

  async tearDown(): Promise<void> {
    await this.prisma.store.updateMany({ where: { code: { in: [this.storeA, this.storeB] } }, data: { active: false } });
    await this.prisma.product.updateMany({ where: { sku: { in: [this.skuOne, this.skuTwo] } }, data: { active: false } });
    await this.prisma.channel.updateMany({ where: { id: { in: [this.channelId, this.webChannelId] } }, data: { status: 'DISABLED' } });
    await this.prisma.channel.updateMany({ where: { id: this.posChannelId }, data: { status: 'DISABLED' } });
    await this.sandbox?.close();
    await this.prisma.$disconnect();
  }
}
