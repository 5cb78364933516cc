import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { type DemoChannel } from '../channels/catalog';
import { createSandboxApp, sandboxOptionsFromConfig } from '../channels/sandbox/app';
import { sandboxConfigSchema } from '../channels/sandbox/config';
import { type SandboxEvent } from '../channels/sandbox/event-log';
import { listenSandbox, type RunningSandbox } from '../channels/sandbox/server';
import { type WireListing } from '../channels/wire-format';
import { desiredListingState, needsListingStatusPush } from '../domain/channels/sellable-stock';
import { parseConfig } from '../domain/config';
import { createPrismaClient, type PrismaClient } from '../prisma/client';

export interface StockSyncWorldSpec {
  skus: number;
  /** The channel's batch size, and so the sync's page size: small, so a push takes many pages. */
  maxBatchSize: number;
  /** The channel's published rate (requests per second), enforced by the sandbox and shared by our workers. */
  perSecond: number;
}

/** The channel's rules for what it may sell: one unit held back, closed at two units or fewer. */
const SAFETY_BUFFER = 1;
const CLOSE_AT_OR_BELOW = 2;

/** What the channel must show for one SKU after a round's sync. */
export interface ExpectedListing {
  stock: number;
  open: boolean;
}

/**
 * The stock-sync row's world, in the chaos stack's scratch database: one active store stocking every SKU,
 * one marketplace channel (its own sandbox on a free port, with an event log large enough to keep every
 * write of every round) listing all of them. Each round sets every SKU's stock to a new value (on hand and
 * reserved), so a write lost in any round shows at the channel. Rows are inserted in bulk: thousands of
 * SKUs are set up in seconds.
 */
export class StockSyncChaosWorld {
  readonly prefix = `sc${randomUUID().slice(0, 6)}`;
  readonly prisma: PrismaClient;
  readonly channelCode = `${this.prefix}-mkt`;
  skus: string[] = [];
  private running: RunningSandbox | null = null;
  private storeId = '';
  private channelId = '';

  constructor(databaseUrl: string) {
    this.prisma = createPrismaClient({ databaseUrl, poolSize: 5 });
  }

  get sandboxUrl(): string {
    if (!this.running) throw new Error('sandbox not started');
    return this.running.url;
  }

  async setUp(spec: StockSyncWorldSpec): Promise<void> {
    const emulated: DemoChannel = {
      code: this.channelCode,
      name: `Stock sync chaos ${this.prefix}`,
      kind: 'MARKETPLACE',
      rateLimit: { perSecond: spec.perSecond, burst: spec.perSecond, perItem: false },
      maxBatchSize: spec.maxBatchSize,
      asyncJobs: false,
      safetyBuffer: SAFETY_BUFFER,
      webhookSecret: 'unused-in-stock-sync-chaos',
    };
    const config = parseConfig(sandboxConfigSchema, { LOG_LEVEL: 'silent', SANDBOX_EVENT_LOG_CAPACITY: '200000' });
    const sandbox = createSandboxApp({ ...sandboxOptionsFromConfig(config, pino({ level: 'silent' })), channels: [emulated] });
    this.running = await listenSandbox(sandbox, { host: '127.0.0.1', port: 0 });

    const store = await this.prisma.store.create({
      data: {
        code: `${this.prefix.toUpperCase()}-ST`,
        name: `Stock sync chaos store ${this.prefix}`,
        city: 'Testville',
        address: '1 Test Street',
        timeZone: 'Europe/Amsterdam',
        currency: 'EUR',
      },
    });
    this.storeId = store.id;
    const channel = await this.prisma.channel.create({
      data: {
        code: this.channelCode,
        name: emulated.name,
        kind: 'MARKETPLACE',
        baseUrl: `${this.sandboxUrl}/channels/${this.channelCode}`,
        requestsPerSecond: spec.perSecond,
        burst: spec.perSecond,
        maxBatchSize: spec.maxBatchSize,
        safetyBuffer: SAFETY_BUFFER,
        closeListingAtOrBelow: CLOSE_AT_OR_BELOW,
        webhookSecret: emulated.webhookSecret,
      },
    });
    this.channelId = channel.id;
    this.skus = Array.from({ length: spec.skus }, (_, index) => `${this.prefix.toUpperCase()}-${String(index).padStart(5, '0')}`);
    await this.prisma.product.createMany({
      data: this.skus.map((sku) => ({
        sku,
        name: `Stock sync chaos ${sku}`,
        description: 'stock sync chaos row',
        category: `${this.prefix}-cat`,
        basePriceMinor: 1000,
        floorPriceMinor: 500,
        currency: 'EUR',
      })),
    });
    const products = await this.prisma.product.findMany({ where: { sku: { in: this.skus } }, select: { id: true } });
    await this.prisma.inventoryLevel.createMany({ data: products.map((product) => ({ storeId: store.id, productId: product.id })) });
    await this.prisma.channelListing.createMany({
      data: products.map((product) => ({ channelId: channel.id, productId: product.id, currency: 'EUR' })),
    });
  }

  /** Round `round`'s on hand and reserved of SKU number `index`: every round moves every SKU (by 5 mod 13). */
  private static levelOf(index: number, round: number): { onHand: number; reserved: number } {
    const onHand = (index * 7 + round * 5) % 13;
    return { onHand, reserved: index % 4 === 0 && onHand > 0 ? 1 : 0 };
  }

  /** Sets every SKU's level for the round, in one statement (as a count or a day of sales would leave them). */
  async setStockForRound(round: number): Promise<void> {
    const levels = this.skus.map((_, index) => StockSyncChaosWorld.levelOf(index, round));
    await this.prisma.$executeRaw`
      UPDATE inventory_levels l
         SET on_hand = v.on_hand, reserved = v.reserved, version = l.version + 1, updated_at = now()
        FROM unnest(${this.skus}::text[], ${levels.map((level) => level.onHand)}::int[], ${levels.map((level) => level.reserved)}::int[])
             AS v(sku, on_hand, reserved)
        JOIN products p ON p.sku = v.sku
       WHERE l.product_id = p.id AND l.store_id = ${this.storeId}::uuid`;
  }

  /** What the channel must show after the round's sync (the production rules of domain/channels/sellable-stock.ts). */
  expectedListings(round: number): Map<string, ExpectedListing> {
    return new Map(
      this.skus.map((sku, index) => {
        const { onHand, reserved } = StockSyncChaosWorld.levelOf(index, round);
        const { quantity, open } = desiredListingState({
          productActive: true,
          available: onHand - reserved,
          safetyBuffer: SAFETY_BUFFER,
          closeListingAtOrBelow: CLOSE_AT_OR_BELOW,
        });
        return [sku, { stock: quantity, open }];
      }),
    );
  }

  /** Open/close rows the round's sync must send, from our listings before it: one per listing whose state changes. */
  async expectedStatusRows(round: number): Promise<number> {
    const expected = this.expectedListings(round);
    let rows = 0;
    for (const listing of await this.ourListings()) {
      const wanted = expected.get(listing.sku);
      if (wanted !== undefined && needsListingStatusPush(wanted.open, listing.open, listing.verifiedOpen)) rows += 1;
    }
    return rows;
  }

  /** Our side of every listing: what we published and what the last read-back saw. */
  async ourListings() {
    const rows = await this.prisma.channelListing.findMany({
      where: { channelId: this.channelId },
      include: { product: { select: { sku: true } } },
    });
    return rows.map(({ product, ...listing }) => ({ ...listing, sku: product.sku }));
  }

  /** What the channel shows, through the sandbox's control API (not our adapter). */
  async channelListings(): Promise<Map<string, WireListing>> {
    const { listings } = (await this.control(`/channels/${this.channelCode}/listings`)) as { listings: WireListing[] };
    return new Map(listings.map((listing) => [listing.sku, listing]));
  }

  /** The sandbox's log for the channel, kinds starting with `kind` (`idempotent_write`: every write it took, by key). */
  async sandboxLog(kind: string): Promise<SandboxEvent[]> {
    const query = new URLSearchParams({ channel: this.channelCode, kind, limit: '10000' });
    const { events } = (await this.control(`/log?${query.toString()}`)) as { events: SandboxEvent[] };
    return events;
  }

  /** Removes what the world created (it wrote no ledger rows: levels were set, not moved). */
  async tearDown(syncRunIds: readonly string[]): Promise<void> {
    const channelWhere = { code: this.channelCode };
    const productWhere = { sku: { startsWith: `${this.prefix.toUpperCase()}-` } };
    await this.prisma.discrepancy.deleteMany({ where: { channel: channelWhere } });
    await this.prisma.reconciliation.deleteMany({ where: { workflowId: { in: [...syncRunIds] } } });
    await this.prisma.channelListing.deleteMany({ where: { channel: channelWhere } });
    await this.prisma.inventoryLevel.deleteMany({ where: { product: productWhere } });
    await this.prisma.product.deleteMany({ where: productWhere });
    await this.prisma.channel.deleteMany({ where: channelWhere });
    await this.prisma.store.deleteMany({ where: { code: `${this.prefix.toUpperCase()}-ST` } });
    await this.running?.close();
    await this.prisma.$disconnect();
  }

  private async control(path: string): Promise<unknown> {
    const response = await fetch(`${this.sandboxUrl}/_control${path}`);
    if (!response.ok) throw new Error(`sandbox control GET ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
}
