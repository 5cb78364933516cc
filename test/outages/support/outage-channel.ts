import pino from 'pino';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../../channels/sandbox/app';
import { sandboxConfigSchema } from '../../../channels/sandbox/config';
import { listenSandbox, type RunningSandbox } from '../../../channels/sandbox/server';
import { type WireListing } from '../../../channels/wire-format';
import { parseConfig } from '../../../domain/config';
import { type PrismaClient } from '../../../prisma/client';

/**
 * One marketplace of an outage test's own, emulated by a sandbox on a free port, listing the given
 * products (IDR, no safety buffer), so a test can see what the outage's closing publish pushed and read
 * back. At the end the channel is DISABLED (later stock syncs of other suites skip it) and the sandbox closed.
 */
export class OutageChannel {
  private running: RunningSandbox | null = null;
  channelId = '';

  constructor(
    private readonly prisma: PrismaClient,
    readonly code: string,
  ) {}

  get sandboxUrl(): string {
    if (!this.running) throw new Error('sandbox not started');
    return this.running.url;
  }

  async setUp(productIds: readonly string[]): Promise<void> {
    const config = parseConfig(sandboxConfigSchema, { LOG_LEVEL: 'silent', SANDBOX_FAULT_SEED: '7' });
    const emulated = {
      code: this.code,
      name: `Outage test ${this.code}`,
      kind: 'MARKETPLACE' as const,
      rateLimit: { perSecond: 200, burst: 400, perItem: false },
      maxBatchSize: 50,
      asyncJobs: false,
      safetyBuffer: 0,
      webhookSecret: 'unused-in-outage-tests',
      currency: 'IDR',
    };
    this.running = await listenSandbox(
      createSandboxApp({ ...sandboxOptionsFromConfig(config, pino({ level: 'silent' })), channels: [emulated] }),
      {
        host: '127.0.0.1',
        port: 0,
      },
    );
    const channel = await this.prisma.channel.create({
      data: {
        code: this.code,
        name: emulated.name,
        kind: 'MARKETPLACE',
        status: 'ACTIVE',
        baseUrl: `${this.sandboxUrl}/channels/${this.code}`,
        requestsPerSecond: 200,
        burst: 400,
        maxBatchSize: 50,
        asyncJobs: false,
        safetyBuffer: 0,
        closeListingAtOrBelow: 0,
        webhookSecret: emulated.webhookSecret,
      },
    });
    this.channelId = channel.id;
    await this.prisma.channelListing.createMany({
      data: productIds.map((productId) => ({ channelId: channel.id, productId, currency: 'IDR' })),
    });
  }

  /** What the channel shows, through the sandbox's control API (not through our adapter). */
  async listings(): Promise<Map<string, WireListing>> {
    const response = await fetch(`${this.sandboxUrl}/_control/channels/${this.code}/listings`);
    if (!response.ok) throw new Error(`sandbox listings answered ${response.status}`);
    const { listings } = (await response.json()) as { listings: WireListing[] };
    return new Map(listings.map((listing) => [listing.sku, listing]));
  }

  async tearDown(): Promise<void> {
    if (this.channelId !== '') await this.prisma.channel.update({ where: { id: this.channelId }, data: { status: 'DISABLED' } });
    await this.running?.close();
  }
}
