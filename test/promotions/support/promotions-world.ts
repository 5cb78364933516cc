import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createChannelAdapterSource } from '../../../activities/channels/channel-adapter-source';
import { signAccessToken } from '../../../api/auth/tokens';
import { type DemoChannel } from '../../../channels/catalog';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../../channels/sandbox/app';
import { type ChannelFaults } from '../../../channels/sandbox/channel-faults';
import { sandboxConfigSchema } from '../../../channels/sandbox/config';
import { listenSandbox, type RunningSandbox } from '../../../channels/sandbox/server';
import { type WireListing } from '../../../channels/wire-format';
import { parseConfig } from '../../../domain/config';
import { createPrismaClient, type ChannelKind, type PrismaClient } from '../../../prisma/client';
import { testEnv } from '../../support/env';

export interface PromoChannelSpec {
  name: string;
  kind: ChannelKind;
  maxBatchSize: number;
  perSecond: number;
  asyncJobs?: boolean;
  rounding?: { stepMinor: number; endingMinor: number };
}

export type PromoUserKey = 'leadA' | 'leadB' | 'clerk';

export interface SandboxLogEvent {
  seq: number;
  channel: string | null;
  kind: string;
  detail: Record<string, unknown>;
}

/** Small budgets so a channel that is down gives up in seconds instead of minutes. */
const transport = {
  retry: { rateLimitedAttempts: 8, maxElapsedMs: 20_000, baseDelayMs: 50, maxDelayMs: 500 },
  timeouts: { requestMs: 3000, jobPollIntervalMs: 50, jobMaxWaitMs: 10_000 },
};

/**
 * One promotions test file's world: its own sandbox (free port, real HTTP) emulating its channels, the
 * channels and products in the shared test database under a unique prefix, two ops leads for four-eyes,
 * and every SKU listed on every channel at its base price before the promotion (what the snapshot reads).
 */
export class PromotionsWorld {
  readonly prefix = `pr${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient = createPrismaClient({ databaseUrl: testEnv.databaseUrl, poolSize: 5 });
  readonly channels = createChannelAdapterSource({ prisma: this.prisma, apiKeys: { keys: {}, useSandboxDevKeys: true }, transport });
  readonly users = {} as Record<PromoUserKey, { id: string }>;
  readonly basePriceMinor = 10_000;
  private running: RunningSandbox | null = null;
  skus: string[] = [];

  get storeCode(): string {
    return `${this.prefix.toUpperCase()}-ST`;
  }

  channelCode(name: string): string {
    return `${this.prefix}-${name}`;
  }

  get sandboxUrl(): string {
    if (!this.running) throw new Error('sandbox not started');
    return this.running.url;
  }

  async setUp(channels: readonly PromoChannelSpec[], productCount: number): Promise<void> {
    const emulated: DemoChannel[] = channels.map((channel) => ({
      code: this.channelCode(channel.name),
      name: `Promo test ${channel.name}`,
      kind: channel.kind,
      rateLimit: { perSecond: channel.perSecond, burst: channel.perSecond, perItem: false },
      maxBatchSize: channel.maxBatchSize,
      asyncJobs: channel.asyncJobs ?? false,
      safetyBuffer: 0,
      webhookSecret: 'unused-in-promotion-tests',
    }));
    const config = parseConfig(sandboxConfigSchema, {
      LOG_LEVEL: 'silent',
      SANDBOX_ASYNC_JOB_DELAY_MS: '100',
      SANDBOX_FAULT_SEED: '1212',
      SANDBOX_EVENT_LOG_CAPACITY: '200000',
    });
    const sandbox = createSandboxApp({ ...sandboxOptionsFromConfig(config, pino({ level: 'silent' })), channels: emulated });
    this.running = await listenSandbox(sandbox, { host: '127.0.0.1', port: 0 });
    for (const channel of channels) {
      const created = await this.prisma.channel.create({
        data: {
          code: this.channelCode(channel.name),
          name: `Promo test ${channel.name}`,
          kind: channel.kind,
          baseUrl: `${this.sandboxUrl}/channels/${this.channelCode(channel.name)}`,
          requestsPerSecond: channel.perSecond,
          burst: channel.perSecond,
          maxBatchSize: channel.maxBatchSize,
          asyncJobs: channel.asyncJobs ?? false,
          webhookSecret: 'unused-in-promotion-tests',
        },
      });
      if (channel.rounding !== undefined)
        await this.prisma.channelPriceRounding.create({ data: { channelId: created.id, ...channel.rounding } });
    }
    this.skus = Array.from({ length: productCount }, (_, index) => `${this.prefix.toUpperCase()}-${String(index).padStart(5, '0')}`);
    await this.prisma.product.createMany({
      data: this.skus.map((sku) => ({
        sku,
        name: `Promo test ${sku}`,
        description: 'promotion test',
        category: `${this.prefix}-cat`,
        basePriceMinor: this.basePriceMinor,
        floorPriceMinor: 6_000,
        currency: 'EUR',
      })),
    });
    for (const channel of channels) {
      const adapter = await this.channels.adapterFor(this.channelCode(channel.name));
      await adapter.pushPrices({
        idempotencyKey: `seed:${this.prefix}:${channel.name}`,
        rows: this.skus.map((sku) => ({ sku, price: this.basePriceMinor, currency: 'EUR' })),
      });
    }
    // A store of this world stocking every SKU, with a clerk: it gets the shelf-label tasks of the POS channel.
    const store = await this.prisma.store.create({
      data: {
        code: this.storeCode,
        name: `Promo test store ${this.prefix}`,
        city: 'Testville',
        address: '1 Test Street',
        timeZone: 'Europe/Amsterdam',
        currency: 'EUR',
      },
    });
    const products = await this.prisma.product.findMany({ where: { sku: { in: this.skus } }, select: { id: true } });
    await this.prisma.inventoryLevel.createMany({
      data: products.map((product) => ({ storeId: store.id, productId: product.id, onHand: 5 })),
    });
    const clerk = await this.prisma.user.create({
      data: {
        email: `clerk@${this.prefix}.test`,
        name: 'Clerk',
        role: 'STORE_STAFF',
        storeId: store.id,
        passwordHash: 'not-used-by-these-tests',
      },
    });
    this.users.clerk = { id: clerk.id };
    for (const key of ['leadA', 'leadB'] as const) {
      const created = await this.prisma.user.create({
        data: {
          email: `${key.toLowerCase()}@${this.prefix}.test`,
          name: `Lead ${key}`,
          role: 'OPS_LEAD',
          passwordHash: 'not-used-by-these-tests',
        },
      });
      this.users[key] = { id: created.id };
    }
  }

  bearer(key: PromoUserKey, secret: string): string {
    return `Bearer ${signAccessToken(this.users[key].id, { secret, ttlSeconds: 900 })}`;
  }

  /** The sandbox's event log for one channel (e.g. `idempotent_write`: every write it took, by key). */
  async sandboxLog(channelName: string, kind: string): Promise<SandboxLogEvent[]> {
    const query = `channel=${encodeURIComponent(this.channelCode(channelName))}&kind=${encodeURIComponent(kind)}&limit=10000`;
    const { events } = (await this.control('GET', `/log?${query}`)) as { events: SandboxLogEvent[] };
    return events;
  }

  /** What the outages workflow sets on a channel it declares down (channels.status). */
  async setChannelStatus(channelName: string, status: 'ACTIVE' | 'OUTAGE'): Promise<void> {
    await this.prisma.channel.update({ where: { code: this.channelCode(channelName) }, data: { status } });
  }

  async setFaults(channelName: string, faults: Partial<ChannelFaults>): Promise<void> {
    await this.control('PUT', `/channels/${this.channelCode(channelName)}/faults`, faults);
  }

  async clearFaults(channelName: string): Promise<void> {
    await this.control('DELETE', `/channels/${this.channelCode(channelName)}/faults`);
  }

  /** What the channel shows, through the sandbox's control API (not our adapter). */
  async shownPrices(channelName: string): Promise<Map<string, number | null>> {
    const { listings } = (await this.control('GET', `/channels/${this.channelCode(channelName)}/listings`)) as { listings: WireListing[] };
    return new Map(listings.map((listing) => [listing.sku, listing.price]));
  }

  /** A price someone set on the channel by hand (its own back office), not through us. */
  async setPriceByHand(channelName: string, sku: string, priceMinor: number): Promise<void> {
    const adapter = await this.channels.adapterFor(this.channelCode(channelName));
    await adapter.pushPrices({ idempotencyKey: `hand:${sku}:${priceMinor}`, rows: [{ sku, price: priceMinor, currency: 'EUR' }] });
  }

  async tearDown(): Promise<void> {
    const promotionWhere = { requestedBy: { email: { endsWith: `@${this.prefix}.test` } } };
    const promotions = await this.prisma.promotion.findMany({ where: promotionWhere, select: { id: true } });
    const ids = promotions.map((row) => row.id);
    await this.prisma.priceChange.deleteMany({ where: { promotionId: { in: ids } } });
    await this.prisma.task.deleteMany({ where: { workflowId: { in: ids.flatMap((id) => [`promo:${id}`]) } } });
    await this.prisma.task.deleteMany({ where: { workflowId: { startsWith: 'promo:' }, store: { code: this.storeCode } } });
    await this.prisma.inventoryLevel.deleteMany({ where: { store: { code: this.storeCode } } });
    await this.prisma.workflowStart.deleteMany({ where: { promotionId: { in: ids } } });
    await this.prisma.approvalSubjectEdit.deleteMany({ where: { subjectId: { in: ids } } });
    await this.prisma.approvalRequest.deleteMany({ where: { subjectId: { in: ids } } });
    await this.prisma.promotion.deleteMany({ where: { id: { in: ids } } });
    await this.prisma.channelPriceRounding.deleteMany({ where: { channelId: { in: await this.channelIds() } } });
    await this.prisma.product.deleteMany({ where: { sku: { startsWith: `${this.prefix.toUpperCase()}-` } } });
    await this.prisma.channel.deleteMany({ where: { code: { startsWith: `${this.prefix}-` } } });
    await this.prisma.user.updateMany({ where: { email: { endsWith: `@${this.prefix}.test` } }, data: { active: false } });
    await this.prisma.store.updateMany({ where: { code: this.storeCode }, data: { active: false } });
    await this.running?.close();
    await this.prisma.$disconnect();
  }

  private async channelIds(): Promise<string[]> {
    const rows = await this.prisma.channel.findMany({ where: { code: { startsWith: `${this.prefix}-` } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.sandboxUrl}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox control ${method} ${path}: ${response.status}`);
    return response.status === 204 ? null : response.json();
  }
}
