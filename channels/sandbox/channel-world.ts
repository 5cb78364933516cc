import { TokenBucket } from 'limiter';
import { type DemoChannel } from '../catalog';
import { type ChannelOrderStatus, type WireChannelReturn, type WireListing, type WireRowResult } from '../wire-format';
import { type ChannelFaults, noFaults } from './channel-faults';

export type ListingWriteKind = 'prices' | 'stock' | 'listing-status';

export interface SandboxOrder {
  externalId: string;
  status: ChannelOrderStatus;
  currency: string;
  totalAmount: number;
  customer: { name: string; email: string | null; phone: string | null };
  fulfilment: 'PICKUP' | 'DELIVERY';
  pickupStoreCode: string | null;
  lines: { lineId: string; sku: string; quantity: number; unitPrice: number }[];
  placedAt: string;
  /** Version of the order as seen in webhooks: +1 on every event. */
  sequence: number;
  refunds: SandboxRefund[];
  /** Returns of this order as the channel shows them (customer-started or told by the retailer); absent on restored orders. */
  returns?: WireChannelReturn[];
}

export interface SandboxRefund {
  refundId: string;
  /** Refunds are idempotent by this key even across a sandbox restart (it is persisted with the order). */
  idempotencyKey: string;
  amount: number;
  currency: string;
  reason: string | null;
  createdAt: string;
}

export interface AsyncJob {
  jobId: string;
  kind: ListingWriteKind;
  submittedAt: number;
  readyAt: number;
  results: WireRowResult[] | null;
}

/**
 * One emulated channel: its profile, what it shows (listings), its orders and async jobs, the faults it
 * is told to show and the token bucket it enforces. Plain in-memory state: the sandbox is the outside
 * world, and our side must survive it forgetting everything.
 */
export class ChannelWorld {
  readonly listings = new Map<string, WireListing>();
  readonly orders = new Map<string, SandboxOrder>();
  readonly jobs = new Map<string, AsyncJob>();
  faults: ChannelFaults = { ...noFaults };
  bucket: TokenBucket;

  constructor(
    readonly profile: DemoChannel,
    readonly currency: string,
  ) {
    this.bucket = ChannelWorld.fullBucket(profile);
  }

  get code(): string {
    return this.profile.code;
  }

  reset(): void {
    this.listings.clear();
    this.orders.clear();
    this.jobs.clear();
    this.faults = { ...noFaults };
    this.bucket = ChannelWorld.fullBucket(this.profile);
  }

  /** A channel starts with its whole burst available, like a client that has been idle. */
  private static fullBucket(profile: DemoChannel): TokenBucket {
    const bucket = new TokenBucket({
      bucketSize: profile.rateLimit.burst,
      tokensPerInterval: profile.rateLimit.perSecond,
      interval: 'second',
    });
    bucket.content = profile.rateLimit.burst;
    return bucket;
  }
}
