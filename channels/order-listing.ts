import { z } from 'zod';
import { isoDateTime } from '../domain/validation/dates';
import { sequenceNumber } from '../domain/validation/integers';
import { orderWebhookEventSchema } from './order-webhook';

/**
 * A channel's own list of the orders it took, page by page (`GET /orders?createdFrom=&createdTo=&cursor=&limit=`),
 * the way marketplaces offer one for orders whose webhook never arrived. Each order is the webhook payload's
 * `order` (channels/order-webhook.ts) plus `sequence`: the version of the order its latest event carried, so
 * what intake takes in from the list orders against the webhooks exactly like another event of that order.
 */
export const listedOrderSchema = orderWebhookEventSchema.shape.order.extend({ sequence: sequenceNumber() });
export type ListedOrder = z.infer<typeof listedOrderSchema>;

/** Orders per page the sandbox answers at most (and by default, half of it). */
export const ORDER_LISTING_MAX_LIMIT = 100;
export const ORDER_LISTING_DEFAULT_LIMIT = 50;

export const orderListingQuerySchema = z.object({
  /** Orders placed at or after this instant (inclusive). */
  createdFrom: isoDateTime(),
  /** Orders placed before this instant (exclusive); now when absent. */
  createdTo: isoDateTime().optional(),
  /** The previous page's `nextCursor`, opaque. */
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(ORDER_LISTING_MAX_LIMIT).default(ORDER_LISTING_DEFAULT_LIMIT),
});

/** Oldest first (placedAt, then externalId); `nextCursor` null on the last page. */
export const orderListingPageSchema = z.object({
  orders: z.array(listedOrderSchema),
  nextCursor: z.string().min(1).nullable(),
});
export type OrderListingPage = z.infer<typeof orderListingPageSchema>;
