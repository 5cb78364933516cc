import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createChannelAdapterSource } from '../../../activities/channels/channel-adapter-source';
import { type DemoChannel } from '../../../channels/catalog';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../../channels/sandbox/app';
import { type ChannelFaults } from '../../../channels/sandbox/channel-faults';
import { sandboxConfigSchema } from '../../../channels/sandbox/config';
import { type SandboxEvent } from '../../../channels/sandbox/event-log';
import { listenSandbox, type RunningSandbox } from '../../../channels/sandbox/server';
import { type WireListing } from '../../../channels/wire-format';
import { parseConfig } from '../../../domain/config';
import { createPrismaClient, type ChannelStatus, type PrismaClient } from '../../../prisma/client';
import { testEnv } from '../../support/env';

export interface TestChannelSpec {
  /** Suffix of the channel code; the world makes it unique per test file run. */
  name: string;
  maxBatchSize: number;
  safetyBuffer: number;
  closeListingAtOrBelow: number;
  status?: ChannelStatus;
  asyncJobs?: boolean;
}

export interface TestProductSpec {
  /** Suffix of the SKU. */
  name: string;
  /** Units per store: [on hand, reserved] in the two active stores and the inactive one. */
  stock: { first: [number, number]; second?: [number, number]; inactive?: [number, number] };
  active?: boolean;
}

/** Small budgets so a failing channel call gives up in about a second instead of minutes. */
const transport = {
  retry: { rateLimitedAttempts: 2, maxElapsedMs: 2000, baseDelayMs: 50, maxDelayMs: 200 },
  timeouts: { requestMs: 2000, jobPollIntervalMs: 50, jobMaxWaitMs: 5000 },
};

/**
 * Everything one stock-sync test file needs, isolated from other suites sharing the test database and
 * Temporal server: its own sandbox (on a free port, driven over HTTP), its own stores, products,
 * channels and listings (codes unique to this run), and cleanup of exactly those rows.
 */
export class StockSyncWorld {
  readonly prefix = `ss${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  readonly channels = createChannelAdapterSource({ prisma: this.prisma, apiKeys: { keys: {}, useSandboxDevKeys: true }, transport });
  private running: RunningSandbox | null = null;
  private storeIds: { first: string; second: string; inactive: string } | null = null;

  channelCode(name: string): string {
    return `${this.prefix}-${name}`;
  }

  sku(name: string): string {
    return `${this.prefix.toUpperCase()}-${name}`;
  }

  get sandboxUrl(): string {
    if (!this.running) throw new Error('sandbox not started');
    return this.running.url;
  }

  /** Starts a sandbox emulating exactly these channels and creates the channels, stores and products. */
  async setUp(channels: readonly TestChannelSpec[], products: readonly TestProductSpec[], options: { faultSeed: number }): Promise<void> {
    const emulated: DemoChannel[] = channels.map((channel) => ({
      code: this.channelCode(channel.name),
      name: `Stock sync test ${channel.name}`,
      kind: 'MARKETPLACE',
      rateLimit: { perSecond: 200, burst: 400, perItem: false },
      maxBatchSize: channel.maxBatchSize,
      asyncJobs: channel.asyncJobs ?? false,
      safetyBuffer: channel.safetyBuffer,
      webhookSecret: 'unused-in-stock-sync-tests',
    }));
    const config = parseConfig(sandboxConfigSchema, {
      LOG_LEVEL: 'silent',
      SANDBOX_ASYNC_JOB_DELAY_MS: '100',
      SANDBOX_FAULT_SEED: String(options.faultSeed),
    });
    const sandbox = createSandboxApp({ ...sandboxOptionsFromConfig(config, pino({ level: 'silent' })), channels: emulated });
    this.running = await listenSandbox(sandbox, { host: '127.0.0.1', port: 0 });

    const store = (suffix: string, active: boolean) => ({
      code: `${this.prefix.toUpperCase()}-${suffix}`,
      name: `Stock sync test store ${suffix}`,
      city: 'Testville',
      address: '1 Test Street',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      active,
    });
    const [first, second, inactive] = await Promise.all([
      this.prisma.store.create({ data: store('S1', true) }),
      this.prisma.store.create({ data: store('S2', true) }),
      this.prisma.store.create({ data: store('S3', false) }),
    ]);
    this.storeIds = { first: first.id, second: second.id, inactive: inactive.id };

    const createdChannels = await Promise.all(
      channels.map((channel) =>
        this.prisma.channel.create({
          data: {
            code: this.channelCode(channel.name),
            name: `Stock sync test ${channel.name}`,
            kind: 'MARKETPLACE',
            status: channel.status ?? 'ACTIVE',
            baseUrl: `${this.sandboxUrl}/channels/${this.channelCode(channel.name)}`,
            requestsPerSecond: 200,
            burst: 400,
            maxBatchSize: channel.maxBatchSize,
            asyncJobs: channel.asyncJobs ?? false,
            safetyBuffer: channel.safetyBuffer,
            closeListingAtOrBelow: channel.closeListingAtOrBelow,
            webhookSecret: 'unused-in-stock-sync-tests',
          },
        }),
      ),
    );
    for (const product of products) {
      const created = await this.prisma.product.create({
        data: {
          sku: this.sku(product.name),
          name: `Test ${product.name}`,
          description: 'stock sync test',
          category: 'test',
          basePriceMinor: 1000,
          floorPriceMinor: 500,
          currency: 'EUR',
          active: product.active ?? true,
        },
      });
      await this.setStock(product.name, product.stock);
      await this.prisma.channelListing.createMany({
        data: createdChannels.map((channel) => ({ channelId: channel.id, productId: created.id, currency: 'EUR' })),
      });
    }
  }

  /** The id of one of this world's stores. */
  storeId(name: 'first' | 'second'): string {
    if (!this.storeIds) throw new Error('world not set up');
    return this.storeIds[name];
  }

  /** Sets a product's stock per store, the way a stock count or a sale would leave it. */
  async setStock(productName: string, stock: TestProductSpec['stock']): Promise<void> {
    if (!this.storeIds) throw new Error('world not set up');
    const product = await this.prisma.product.findUniqueOrThrow({ where: { sku: this.sku(productName) } });
    const levels: [string, [number, number] | undefined][] = [
      [this.storeIds.first, stock.first],
      [this.storeIds.second, stock.second],
      [this.storeIds.inactive, stock.inactive],
    ];
    for (const [storeId, units] of levels) {
      const [onHand, reserved] = units ?? [0, 0];
      await this.prisma.inventoryLevel.upsert({
        where: { storeId_productId: { storeId, productId: product.id } },
        create: { storeId, productId: product.id, onHand, reserved },
        update: { onHand, reserved, version: { increment: 1 } },
      });
    }
  }

  async setFaults(channelName: string, faults: Partial<ChannelFaults>): Promise<void> {
    await this.control('PUT', `/channels/${this.channelCode(channelName)}/faults`, faults);
  }

  /** What the channel shows, read through the sandbox's control API (not through our adapter). */
  async channelListings(channelName: string): Promise<Map<string, WireListing>> {
    const { listings } = (await this.control('GET', `/channels/${this.channelCode(channelName)}/listings`)) as { listings: WireListing[] };
    return new Map(listings.map((listing) => [listing.sku, listing]));
  }

  async sandboxLog(channelName: string, kind: string): Promise<SandboxEvent[]> {
    const query = new URLSearchParams({ channel: this.channelCode(channelName), kind, limit: '10000' });
    const { events } = (await this.control('GET', `/log?${query.toString()}`)) as { events: SandboxEvent[] };
    return events;
  }

  /** Our side of a listing: what we published and what the last read-back saw. */
  async listing(channelName: string, productName: string) {
    return this.prisma.channelListing.findFirstOrThrow({
      where: { channel: { code: this.channelCode(channelName) }, product: { sku: this.sku(productName) } },
    });
  }

  async discrepancies(channelName: string) {
    return this.prisma.discrepancy.findMany({
      where: { channel: { code: this.channelCode(channelName) } },
      include: { product: { select: { sku: true } } },
    });
  }

  /** Removes what this world created (no ledger rows were written, so nothing append-only is touched). */
  async tearDown(syncRunIds: readonly string[]): Promise<void> {
    const channelWhere = { code: { startsWith: `${this.prefix}-` } };
    const productWhere = { sku: { startsWith: `${this.prefix.toUpperCase()}-` } };
    await this.prisma.discrepancy.deleteMany({ where: { channel: channelWhere } });
    await this.prisma.reconciliation.deleteMany({ where: { workflowId: { in: [...syncRunIds] } } });
    await this.prisma.channelListing.deleteMany({ where: { channel: channelWhere } });
    await this.prisma.inventoryLevel.deleteMany({ where: { product: productWhere } });
    await this.prisma.product.deleteMany({ where: productWhere });
    await this.prisma.channel.deleteMany({ where: channelWhere });
    const storeWhere = { code: { startsWith: `${this.prefix.toUpperCase()}-` } };
    // A store an outage named keeps its row for the outage's history (and its tasks): it is deactivated instead.
    await this.prisma.store
      .deleteMany({ where: storeWhere })
      .catch(() => this.prisma.store.updateMany({ where: storeWhere, data: { active: false } }));
    await this.running?.close();
    await this.prisma.$disconnect();
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.sandboxUrl}/_control${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox control ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
}
