import { type ListedOrder } from './order-listing';
import { type ChannelOrderStatus, type ChannelReturnStatus } from './wire-format';

/**
 * The one interface every channel implementation fulfils (the HTTP adapter for our sandbox dialect
 * today, a vendor-specific adapter for a real marketplace tomorrow). Every call takes one object and
 * returns one object; every write carries the caller's business idempotency key (for example
 * `price:<promotionId>:<channel>:<batch>`) so a retried activity never applies a change twice.
 * Failures are ChannelRateLimitedError, ChannelUnavailableError or ChannelRejectedError
 * (channels/channel-errors.ts); a row the channel refused inside a batch is not a failure of the call,
 * it is a `ok: false` row result.
 */
export interface ChannelAdapter {
  readonly channelCode: string;
  pushPrices(input: PushPricesInput): Promise<PushResult>;
  pushStock(input: PushStockInput): Promise<PushResult>;
  setListingOpen(input: SetListingOpenInput): Promise<PushResult>;
  /** What the channel currently shows; the only way to catch a write it accepted but never applied. */
  readBack(input: ReadBackInput): Promise<ReadBackResult>;
  refund(input: RefundInput): Promise<RefundResult>;
  updateOrderStatus(input: UpdateOrderStatusInput): Promise<UpdateOrderStatusResult>;
  /** The channel's record of a return on one of its orders (status, units, money back); idempotent per return and status. */
  updateReturnStatus(input: UpdateReturnStatusInput): Promise<UpdateReturnStatusResult>;
  /**
   * One page of the orders the channel took in a window, oldest first: how orders whose webhook never reached
   * us are found after an outage. A page the adapter cannot parse is a ChannelRejectedError (UNEXPECTED_RESPONSE).
   */
  listOrders(input: ListOrdersInput): Promise<ListOrdersResult>;
  /** Never throws: a health probe answers "unhealthy" with the reason instead. */
  health(input?: CallOptions): Promise<ChannelHealth>;
}

export type { ChannelOrderStatus, ChannelReturnStatus };

export interface CallOptions {
  /** Aborts waiting and in-flight requests, e.g. when Temporal cancels the activity. */
  signal?: AbortSignal;
}

export interface WriteCallOptions extends CallOptions {
  /** Business key of this write; large pushes derive one key per batch from it deterministically. */
  idempotencyKey: string;
}

export interface PriceRow {
  sku: string;
  /** Integer minor units (cents). */
  price: number;
  currency: string;
}

export interface StockRow {
  sku: string;
  /** Sellable units to publish (already net of the channel's safety buffer). */
  quantity: number;
}

export interface ListingStatusRow {
  sku: string;
  open: boolean;
}

export interface PushPricesInput extends WriteCallOptions {
  rows: readonly PriceRow[];
}

export interface PushStockInput extends WriteCallOptions {
  rows: readonly StockRow[];
}

export interface SetListingOpenInput extends WriteCallOptions {
  rows: readonly ListingStatusRow[];
}

/** Per-row outcome; `index` is the row's position in the caller's input. */
export type RowResult =
  { index: number; sku: string; ok: true } | { index: number; sku: string; ok: false; error: { code: string; message: string } };

export interface PushResult {
  results: RowResult[];
  succeeded: number;
  failed: number;
}

export interface ReadBackInput extends CallOptions {
  skus: readonly string[];
}

export interface ListingSnapshot {
  sku: string;
  /** False when the channel has no listing for the SKU at all (e.g. it lost its state). */
  listed: boolean;
  price: number | null;
  currency: string | null;
  stock: number | null;
  open: boolean;
}

export interface ReadBackResult {
  /** One entry per requested SKU, in the requested order. */
  listings: ListingSnapshot[];
}

export interface RefundInput extends WriteCallOptions {
  /** The order's id on the channel (our orders' `externalId`). */
  externalOrderId: string;
  amount: number;
  currency: string;
  reason?: string;
}

export interface RefundResult {
  refundId: string;
  externalOrderId: string;
  amount: number;
  currency: string;
}

export interface UpdateOrderStatusInput extends WriteCallOptions {
  externalOrderId: string;
  status: ChannelOrderStatus;
}

export interface UpdateOrderStatusResult {
  externalOrderId: string;
  status: ChannelOrderStatus;
}

export interface UpdateReturnStatusInput extends WriteCallOptions {
  externalOrderId: string;
  /** The channel's own id of a return it started (return.requested), else ours (the return's id). */
  returnRef: string;
  status: ChannelReturnStatus;
  lines: readonly { sku: string; quantity: number }[];
  /** What has been refunded for the return so far, minor units. */
  refundedAmount: number;
  currency: string;
}

export interface UpdateReturnStatusResult {
  externalOrderId: string;
  returnRef: string;
  status: ChannelReturnStatus;
}

export interface ListOrdersInput extends CallOptions {
  /** Orders placed at or after this instant. */
  createdFrom: Date;
  /** Orders placed before this instant. */
  createdTo: Date;
  /** The previous page's `nextCursor`; absent for the first page. */
  cursor?: string | null;
  /** Orders per page; the channel's default when absent. */
  limit?: number;
}

export type { ListedOrder };

export interface ListOrdersResult {
  /** In the order webhook's shape (channels/order-webhook.ts) plus the order's current `sequence`. */
  orders: ListedOrder[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export interface ChannelHealth {
  healthy: boolean;
  latencyMs: number;
  /** Why the probe failed, when it did. */
  detail: string | null;
}
