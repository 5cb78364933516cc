import { randomInt, randomUUID } from 'node:crypto';
import pino from 'pino';
import { createChannelAdapterSource } from '../../../activities/channels/channel-adapter-source';
import { HttpMessageGateway } from '../../../message-gateway/http-message-gateway';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../../channels/sandbox/app';
import { sandboxConfigSchema } from '../../../channels/sandbox/config';
import { listenSandbox, type RunningSandbox } from '../../../channels/sandbox/server';
import { parseConfig } from '../../../domain/config';
import { type PickupSettings } from '../../../domain/pickup/pickup-settings';
import { createPrismaClient, type PrismaClient } from '../../../prisma/client';
import { testEnv } from '../../support/env';

export interface WorldUser {
  id: string;
  email: string;
  storeId: string;
  isStoreManager: boolean;
}

export interface PlacedOrder {
  orderId: string;
  externalId: string;
  lineIds: string[];
}

/** Seconds, not hours: every duration of a pickup comes from its input. */
export const fastSettings: PickupSettings = {
  pickSlaMs: 60_000,
  pickEscalationDelayMs: 60_000,
  pickupReminderOffsetsMs: [],
  pickupExpiryMs: 120_000,
  unfulfillablePolicy: 'OFFER_OTHER_STORE',
  maxWrongCodeAttempts: 3,
};

/** Small budgets so a failing channel call gives up in about a second. */
const transport = {
  retry: { rateLimitedAttempts: 2, maxElapsedMs: 2000, baseDelayMs: 50, maxDelayMs: 200 },
  timeouts: { requestMs: 2000, jobPollIntervalMs: 50, jobMaxWaitMs: 5000 },
};

/**
 * What a pickup test needs, isolated from other suites sharing the database and Temporal: a sandbox of
 * its own emulating one marketplace (orders are placed there, so refunds and status updates are real
 * HTTP calls), two stores with their staff, two SKUs with stock, and orders written as intake writes
 * them. Codes are unique per run. Stores and SKUs are deactivated at the end, not deleted: the stock
 * ledger is append-only and keeps them.
 */
export class PickupWorld {
  readonly prefix = `pu${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  readonly channels = createChannelAdapterSource({ prisma: this.prisma, apiKeys: { keys: {}, useSandboxDevKeys: true }, transport });
  readonly channelCode = `${this.prefix}-shop`;
  readonly storeA = `${this.prefix.toUpperCase()}-A`;
  readonly storeB = `${this.prefix.toUpperCase()}-B`;
  readonly skuOne = `${this.prefix.toUpperCase()}-ONE`;
  readonly skuTwo = `${this.prefix.toUpperCase()}-TWO`;
  readonly unitPrice = { one: 1250, two: 899 };
  private sandbox: RunningSandbox | null = null;
  private channelId = '';
  private customerId = '';
  readonly storeIds: Record<string, string> = {};
  readonly users: Record<'staffA' | 'managerA' | 'staffB', WorldUser> = {} as never;

  get sandboxUrl(): string {
    if (!this.sandbox) throw new Error('sandbox not started');
    return this.sandbox.url;
  }

  /** The message gateway of this world's sandbox (its dev key), with the same small budgets as the channel. */
  get messageGateway(): HttpMessageGateway {
    return new HttpMessageGateway({
      baseUrl: `${this.sandboxUrl}/gateway`,
      apiKey: 'sandbox-key-gateway',
      requestTimeoutMs: transport.timeouts.requestMs,
      retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 200 },
    });
  }

  async setUp(stock: { storeA: [number, number]; storeB: [number, number] } = { storeA: [10, 10], storeB: [10, 10] }): Promise<void> {
    // Webhooks go nowhere: these tests play intake themselves.
    const config = parseConfig(sandboxConfigSchema, {
      LOG_LEVEL: 'silent',
      API_URL: 'http://127.0.0.1:9',
      SANDBOX_WEBHOOK_MAX_ATTEMPTS: '1',
    });
    const app = createSandboxApp({
      ...sandboxOptionsFromConfig(config, pino({ level: 'silent' })),
      channels: [
        {
          code: this.channelCode,
          name: 'Pickup test shop',
          kind: 'MARKETPLACE',
          rateLimit: { perSecond: 200, burst: 400, perItem: false },
          maxBatchSize: 100,
          asyncJobs: false,
          safetyBuffer: 0,
          webhookSecret: 'pickup-test-secret',
        },
      ],
    });
    this.sandbox = await listenSandbox(app, { host: '127.0.0.1', port: 0 });

    const channel = await this.prisma.channel.create({
      data: {
        code: this.channelCode,
        name: 'Pickup test shop',
        kind: 'MARKETPLACE',
        baseUrl: `${this.sandboxUrl}/channels/${this.channelCode}`,
        requestsPerSecond: 200,
        burst: 400,
        maxBatchSize: 100,
        webhookSecret: 'pickup-test-secret',
      },
    });
    this.channelId = channel.id;
    for (const [code, city] of [
      [this.storeA, 'Utrecht'],
      [this.storeB, 'Leiden'],
    ] as const) {
      const store = await this.prisma.store.create({
        data: { code, name: `Pickup test ${city}`, city, address: 'Teststraat 1', timeZone: 'Europe/Amsterdam', currency: 'EUR' },
      });
      this.storeIds[code] = store.id;
    }
    const products = await Promise.all(
      [
        [this.skuOne, this.unitPrice.one],
        [this.skuTwo, this.unitPrice.two],
      ].map(([sku, price]) =>
        this.prisma.product.create({
          data: {
            sku: String(sku),
            name: `Test item ${String(sku)}`,
            description: 'pickup test',
            category: 'test',
            basePriceMinor: Number(price),
            floorPriceMinor: 1,
            currency: 'EUR',
          },
        }),
      ),
    );
    for (const [storeCode, quantities] of [
      [this.storeA, stock.storeA],
      [this.storeB, stock.storeB],
    ] as const) {
      for (const [index, product] of products.entries()) {
        await this.prisma.inventoryLevel.create({
          data: { storeId: this.storeIds[storeCode] ?? '', productId: product.id, onHand: quantities[index] ?? 0 },
        });
      }
    }
    const passwordHash = 'not-used-by-these-tests';
    const user = async (key: 'staffA' | 'managerA' | 'staffB', storeCode: string, isStoreManager: boolean) => {
      const email = `${key.toLowerCase()}@${this.prefix}.test`;
      const created = await this.prisma.user.create({
        data: { email, name: key, role: 'STORE_STAFF', storeId: this.storeIds[storeCode] ?? null, isStoreManager, passwordHash },
      });
      this.users[key] = { id: created.id, email, storeId: this.storeIds[storeCode] ?? '', isStoreManager };
    };
    await user('staffA', this.storeA, false);
    await user('managerA', this.storeA, true);
    await user('staffB', this.storeB, false);
    const customer = await this.prisma.customer.create({
      data: { name: 'Pat Pickup', phone: `+3161${String(randomInt(10_000_000)).padStart(7, '0')}`, email: `pat@${this.prefix}.test` },
    });
    this.customerId = customer.id;
  }

  /** Places the order on the sandbox channel (as a shopper would) and records it as intake does. */
  async placeOrder(lines: { sku: string; quantity: number }[], storeCode = this.storeA): Promise<PlacedOrder> {
    const priced = lines.map((line) => ({ ...line, unitPrice: line.sku === this.skuOne ? this.unitPrice.one : this.unitPrice.two }));
    const response = await fetch(`${this.sandboxUrl}/channels/${this.channelCode}/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        customer: { name: 'Pat Pickup', email: null, phone: null },
        fulfilment: 'PICKUP',
        pickupStoreCode: storeCode,
        lines: priced,
      }),
    });
    if (response.status !== 201) throw new Error(`sandbox refused the order: ${response.status} ${await response.text()}`);
    const { order } = (await response.json()) as { order: { externalId: string } };
    const products = await this.prisma.product.findMany({ where: { sku: { in: lines.map((line) => line.sku) } } });
    const created = await this.prisma.order.create({
      data: {
        channelId: this.channelId,
        externalId: order.externalId,
        customerId: this.customerId,
        fulfilmentType: 'PICKUP',
        pickupStoreId: this.storeIds[storeCode] ?? null,
        currency: 'EUR',
        totalMinor: priced.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
        placedAt: new Date(),
        lines: {
          create: priced.map((line) => ({
            productId: products.find((product) => product.sku === line.sku)?.id ?? '',
            quantity: line.quantity,
            unitPriceMinor: line.unitPrice,
          })),
        },
      },
      include: { lines: { orderBy: { id: 'asc' } } },
    });
    // In the order the caller listed the lines, so tests can address them by position.
    const lineIds = lines.map(
      (line) =>
        created.lines.find((candidate) => candidate.productId === products.find((product) => product.sku === line.sku)?.id)?.id ?? '',
    );
    return { orderId: created.id, externalId: order.externalId, lineIds };
  }

  /** What the channel shows for the order: its status and every refund (over HTTP, with the API key). */
  async channelOrder(externalId: string): Promise<{ status: string; refundedAmount: number; refunds: { amount: number }[] }> {
    const adapterKey = (await import('../../../channels/sandbox/channel-auth')).devApiKeyFor(this.channelCode);
    const response = await fetch(`${this.sandboxUrl}/channels/${this.channelCode}/orders/${externalId}`, {
      headers: { Authorization: `Bearer ${adapterKey}` },
    });
    return (await response.json()) as { status: string; refundedAmount: number; refunds: { amount: number }[] };
  }

  async stock(storeCode: string, sku: string): Promise<{ onHand: number; reserved: number }> {
    const level = await this.prisma.inventoryLevel.findFirstOrThrow({ where: { store: { code: storeCode }, product: { sku } } });
    return { onHand: level.onHand, reserved: level.reserved };
  }

  async tearDown(): Promise<void> {
    await this.prisma.store.updateMany({ where: { code: { in: [this.storeA, this.storeB] } }, data: { active: false } });
    await this.prisma.product.updateMany({ where: { sku: { in: [this.skuOne, this.skuTwo] } }, data: { active: false } });
    await this.prisma.channel.updateMany({ where: { id: this.channelId }, data: { status: 'DISABLED' } });
    await this.sandbox?.close();
    await this.prisma.$disconnect();
  }
}
