import { type ListedOrder, type OrderListingPage } from '../order-listing';
import { type SandboxOrder } from './channel-world';

/** Where the previous page stopped: the last order's placedAt and externalId (the listing's sort key). */
interface ListingPosition {
  placedAt: string;
  externalId: string;
}

export class InvalidCursorError extends Error {}

function encodeCursor(position: ListingPosition): string {
  // Only the sort key: the whole order (its customer, lines, refunds) would outgrow the listing's 500-character cursor.
  const key: ListingPosition = { placedAt: position.placedAt, externalId: position.externalId };
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): ListingPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'placedAt' in parsed &&
      'externalId' in parsed &&
      typeof parsed.placedAt === 'string' &&
      typeof parsed.externalId === 'string'
    )
      return { placedAt: parsed.placedAt, externalId: parsed.externalId };
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError('cursor is not one this channel gave out');
}

const byPosition = (a: ListingPosition, b: ListingPosition): number =>
  Date.parse(a.placedAt) - Date.parse(b.placedAt) || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);

/** The order as the listing shows it: the webhook payload's order plus its current version. */
export function listedOrderOf(order: SandboxOrder): ListedOrder {
  return {
    externalId: order.externalId,
    status: order.status,
    currency: order.currency,
    totalAmount: order.totalAmount,
    customer: { ...order.customer },
    fulfilment: order.fulfilment,
    pickupStoreCode: order.pickupStoreCode,
    lines: order.lines.map((line) => ({ ...line })),
    placedAt: order.placedAt,
    sequence: order.sequence,
  };
}

export interface OrderListingRequest {
  createdFrom: string;
  createdTo: string;
  cursor?: string | undefined;
  limit: number;
}

/**
 * One page of the channel's orders placed in [createdFrom, createdTo), oldest first. The cursor is the sort
 * key of the page's last order, so orders placed meanwhile never shift a page (keyset paging, as the
 * marketplaces' own order APIs do). Throws InvalidCursorError for a cursor this channel did not give out.
 */
export function orderListingPage(orders: Iterable<SandboxOrder>, request: OrderListingRequest): OrderListingPage {
  const from = Date.parse(request.createdFrom);
  const to = Date.parse(request.createdTo);
  const after = request.cursor === undefined ? null : decodeCursor(request.cursor);
  const matching = [...orders]
    .filter((order) => {
      const placedAt = Date.parse(order.placedAt);
      return placedAt >= from && placedAt < to && (after === null || byPosition(order, after) > 0);
    })
    .sort(byPosition);
  const page = matching.slice(0, request.limit);
  const last = page.at(-1);
  return {
    orders: page.map(listedOrderOf),
    nextCursor: matching.length > page.length && last !== undefined ? encodeCursor(last) : null,
  };
}
