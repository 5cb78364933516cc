import { type DemoChannel } from '../catalog';
import { type OrderWebhookEvent, signWebhookBody, webhookHeaders } from '../order-webhook';
import { type ReturnWebhookEvent } from '../return-webhook';
import { type EventLog } from './event-log';
import { type SeededRandom } from './seeded-random';

export interface WebhookSettings {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  duplicateRate: number;
  reorderWindowMs: number;
}

export interface WebhookDelivery {
  eventId: string;
  channel: string;
  type: OrderWebhookEvent['type'] | ReturnWebhookEvent['type'];
  externalOrderId: string;
  copies: number;
  status: 'pending' | 'delivered' | 'abandoned';
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
}

export interface PublishOptions {
  /** Keep the event (abandoned, for POST /_control/webhooks/<eventId>/redeliver) without sending it. */
  drop?: boolean;
}

interface Outgoing {
  delivery: WebhookDelivery;
  url: string;
  body: string;
  signature: string;
}

/** Oldest finished deliveries are forgotten past this many, so a long run does not grow without end. */
const keptDeliveries = 2000;

/**
 * Sends order webhooks to our API the way real channels do: at least once, retrying non-2xx answers
 * and network errors with growing, jittered delays, optionally sending an event twice and holding
 * deliveries a random while so they arrive out of order. Gives up after maxAttempts and keeps the
 * event for a manual redelivery through /_control.
 */
export class WebhookDispatcher {
  private readonly deliveries = new Map<string, Outgoing>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  /** Changed at run time through /_control; back to the configured values on reset. */
  settings: WebhookSettings;

  constructor(
    private readonly apiUrl: string,
    private readonly configuredSettings: WebhookSettings,
    private readonly random: SeededRandom,
    private readonly log: EventLog,
  ) {
    this.settings = { ...configuredSettings };
  }

  /** `options.drop`: the channel's dropWebhooks fault; the event is kept for a manual redelivery and never sent. */
  publish(channel: DemoChannel, event: OrderWebhookEvent, options: PublishOptions = {}): void {
    const body = JSON.stringify(event);
    const copies = this.random.chance(this.settings.duplicateRate) ? 2 : 1;
    const outgoing: Outgoing = {
      delivery: {
        eventId: event.eventId,
        channel: channel.code,
        type: event.type,
        externalOrderId: event.order.externalId,
        copies,
        status: 'pending',
        attempts: 0,
        lastHttpStatus: null,
        lastError: null,
      },
      url: `${this.apiUrl.replace(/\/$/, '')}/api/channels/${encodeURIComponent(channel.code)}/webhooks/orders`,
      body,
      signature: signWebhookBody(body, channel.webhookSecret),
    };
    if (this.dropped(outgoing, options)) return;
    this.remember(outgoing);
    this.log.record('webhook.queued', channel.code, { eventId: event.eventId, type: event.type, copies });
    for (let copy = 0; copy < copies; copy += 1) this.schedule(outgoing, 1, this.reorderDelay());
  }

  /** A return event (return.requested) to `/api/channels/<code>/webhooks/returns`, delivered like order events. */
  publishReturnEvent(channel: DemoChannel, event: ReturnWebhookEvent, options: PublishOptions = {}): void {
    const body = JSON.stringify(event);
    const outgoing: Outgoing = {
      delivery: {
        eventId: event.eventId,
        channel: channel.code,
        type: event.type,
        externalOrderId: event.return.externalOrderId,
        copies: 1,
        status: 'pending',
        attempts: 0,
        lastHttpStatus: null,
        lastError: null,
      },
      url: `${this.apiUrl.replace(/\/$/, '')}/api/channels/${encodeURIComponent(channel.code)}/webhooks/returns`,
      body,
      signature: signWebhookBody(body, channel.webhookSecret),
    };
    if (this.dropped(outgoing, options)) return;
    this.remember(outgoing);
    this.log.record('webhook.queued', channel.code, { eventId: event.eventId, type: event.type, copies: 1 });
    this.schedule(outgoing, 1, this.reorderDelay());
  }

  /** A dropped event is remembered as abandoned with no attempt, so only a redelivery ever sends it. */
  private dropped(outgoing: Outgoing, options: PublishOptions): boolean {
    if (options.drop !== true) return false;
    outgoing.delivery.status = 'abandoned';
    outgoing.delivery.lastError = 'not sent: webhooks dropped (injected fault)';
    this.remember(outgoing);
    this.log.record('fault.webhook_dropped', outgoing.delivery.channel, {
      eventId: outgoing.delivery.eventId,
      type: outgoing.delivery.type,
    });
    return true;
  }

  redeliver(eventId: string): boolean {
    const outgoing = this.deliveries.get(eventId);
    if (!outgoing) return false;
    outgoing.delivery.status = 'pending';
    this.schedule(outgoing, 1, 0);
    return true;
  }

  list(): WebhookDelivery[] {
    return [...this.deliveries.values()].map((outgoing) => ({ ...outgoing.delivery }));
  }

  /** Stops every pending retry and in-flight delivery (sandbox shutdown or reset). */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  /** Back to a fresh start: nothing pending, nothing remembered, configured settings. */
  reset(): void {
    this.cancelAll();
    this.deliveries.clear();
    this.settings = { ...this.configuredSettings };
  }

  private reorderDelay(): number {
    return this.settings.reorderWindowMs > 0 ? Math.floor(this.random.next() * this.settings.reorderWindowMs) : 0;
  }

  /** Exponential with equal jitter: never shorter than half the nominal delay, so retries really back off. */
  private backoffDelay(attempt: number): number {
    const nominal = Math.min(this.settings.backoffMaxMs, this.settings.backoffBaseMs * 2 ** (attempt - 1));
    return Math.floor(nominal / 2 + this.random.next() * (nominal / 2));
  }

  private schedule(outgoing: Outgoing, attempt: number, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(outgoing, attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(outgoing: Outgoing, attempt: number): Promise<void> {
    const { delivery } = outgoing;
    delivery.attempts += 1;
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const response = await fetch(outgoing.url, {
        method: 'POST',
        body: outgoing.body,
        headers: {
          'Content-Type': 'application/json',
          [webhookHeaders.signature]: outgoing.signature,
          [webhookHeaders.eventId]: delivery.eventId,
          [webhookHeaders.deliveryAttempt]: String(attempt),
        },
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(this.settings.timeoutMs)]),
      });
      await response.arrayBuffer();
      delivery.lastHttpStatus = response.status;
      delivery.lastError = null;
      if (response.ok) {
        delivery.status = 'delivered';
        this.log.record('webhook.delivered', delivery.channel, { eventId: delivery.eventId, attempt, status: response.status });
        return;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      delivery.lastError = error instanceof Error ? error.message : String(error);
    } finally {
      this.inFlight.delete(controller);
    }
    this.retryOrGiveUp(outgoing, attempt);
  }

  private retryOrGiveUp(outgoing: Outgoing, attempt: number): void {
    const { delivery } = outgoing;
    const detail = { eventId: delivery.eventId, attempt, status: delivery.lastHttpStatus, error: delivery.lastError };
    if (attempt >= this.settings.maxAttempts) {
      if (delivery.status !== 'delivered') delivery.status = 'abandoned';
      this.log.record('webhook.abandoned', delivery.channel, detail);
      return;
    }
    const delayMs = this.backoffDelay(attempt);
    this.log.record('webhook.failed', delivery.channel, { ...detail, retryInMs: delayMs });
    this.schedule(outgoing, attempt + 1, delayMs);
  }

  private remember(outgoing: Outgoing): void {
    this.deliveries.set(outgoing.delivery.eventId, outgoing);
    if (this.deliveries.size <= keptDeliveries) return;
    for (const [eventId, kept] of this.deliveries) {
      if (this.deliveries.size <= keptDeliveries) break;
      if (kept.delivery.status !== 'pending') this.deliveries.delete(eventId);
    }
  }
}
