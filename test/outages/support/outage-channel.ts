import pino from 'pino';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../../channels/sandbox/app';
import { type ChannelFaults } from '../../../channels/sandbox/channel-faults';
import { sandboxConfigSchema } from '../../../channels/sandbox/config';
import { listenSandbox, type RunningSandbox } from '../../../channels/sandbox/server';
import { type WebhookDelivery } from '../../../channels/sandbox/webhook-dispatcher';
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

  /** `apiUrl`: where the channel sends its order webhooks (a listening API); nowhere reachable by default. */
  constructor(
    private readonly prisma: PrismaClient,
    readonly code: string,
    private readonly options: { apiUrl?: string; webhookSecret?: string } = {},
  ) {}

  get sandboxUrl(): string {
    if (!this.running) throw new Error('sandbox not started');
    return this.running.url;
  }

  async setUp(productIds: readonly string[]): Promise<void> {
    const config = parseConfig(sandboxConfigSchema, {
      LOG_LEVEL: 'silent',
      SANDBOX_FAULT_SEED: '7',
      SANDBOX_WEBHOOK_BACKOFF_BASE_MS: '50',
      SANDBOX_WEBHOOK_BACKOFF_MAX_MS: '500',
      ...(this.options.apiUrl !== undefined && { API_URL: this.options.apiUrl }),
    });
    const emulated = {
      code: this.code,
      name: `Outage test ${this.code}`,
      kind: 'MARKETPLACE' as const,
      rateLimit: { perSecond: 200, burst: 400, perItem: false },
      maxBatchSize: 50,
      asyncJobs: false,
      safetyBuffer: 0,
      webhookSecret: this.options.webhookSecret ?? 'unused-in-outage-tests',
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

  async setFaults(faults: Partial<ChannelFaults>): Promise<void> {
    await this.control('PUT', `/channels/${this.code}/faults`, faults);
  }

  /** Places an order as a shopper on the channel would (it sends its webhook, unless the channel drops them). */
  async placeOrder(order: Record<string, unknown>): Promise<{ order: { externalId: string; totalAmount: number }; eventId: string }> {
    const response = await fetch(`${this.sandboxUrl}/channels/${this.code}/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(order),
    });
    if (response.status !== 201) throw new Error(`placing an order answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { order: { externalId: string; totalAmount: number }; eventId: string };
  }

  /** The customer cancels the order in the channel's own shop (it sends `order.cancelled`, unless it drops webhooks). */
  async customerCancel(externalId: string): Promise<{ eventId: string }> {
    const response = await fetch(`${this.sandboxUrl}/channels/${this.code}/orders/${externalId}/customer-cancel`, { method: 'POST' });
    if (response.status !== 200) throw new Error(`cancelling an order answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { eventId: string };
  }

  /** The channel's delivery state of its webhook events. */
  async webhookDeliveries(): Promise<WebhookDelivery[]> {
    return ((await this.control('GET', '/webhooks')) as { deliveries: WebhookDelivery[] }).deliveries;
  }

  async redeliver(eventId: string): Promise<void> {
    await this.control('POST', `/webhooks/${eventId}/redeliver`);
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

  async tearDown(): Promise<void> {
    if (this.channelId !== '') await this.prisma.channel.update({ where: { id: this.channelId }, data: { status: 'DISABLED' } });
    await this.running?.close();
  }
}
