import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { skuSchema } from '../../wire-format';
import { channelOf, sendError } from '../channel-request';
import { type ChannelWorld, type SandboxOrder } from '../channel-world';
import { publishOrderEvent } from '../order-events';
import { isCancellableByCustomer } from '../order-transitions';
import { type SandboxContext } from '../sandbox-context';

const placeOrderSchema = z
  .object({
    externalId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .optional(),
    customer: z.object({
      name: z.string().min(1),
      email: z.email().nullable().default(null),
      phone: z.string().min(3).nullable().default(null),
    }),
    fulfilment: z.enum(['PICKUP', 'DELIVERY']).default('PICKUP'),
    pickupStoreCode: z.string().min(1).nullable().default(null),
    lines: z
      .array(z.object({ sku: skuSchema, quantity: z.number().int().positive(), unitPrice: z.number().int().min(0).optional() }))
      .min(1)
      .max(100),
  })
  .refine((order) => order.fulfilment !== 'PICKUP' || order.pickupStoreCode !== null, {
    path: ['pickupStoreCode'],
    message: 'a pickup order needs pickupStoreCode',
  });
type PlaceOrderRequest = z.infer<typeof placeOrderSchema>;

const returnRequestSchema = z
  .object({
    lines: z
      .array(z.object({ lineId: z.string().min(1), quantity: z.number().int().positive() }).strict())
      .min(1)
      .max(100),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

type LinePricing = { ok: true; unitPrices: number[] } | { ok: false; code: string; message: string };

/**
 * Prices each line the way the channel's shop would: from its own listing (which must be open and
 * show enough stock) or, for a SKU the channel does not list, from the price the caller states.
 */
function priceLines(world: ChannelWorld, lines: PlaceOrderRequest['lines']): LinePricing {
  const unitPrices: number[] = [];
  for (const line of lines) {
    const listing = world.listings.get(line.sku);
    if (!listing) {
      if (line.unitPrice === undefined) return { ok: false, code: 'UNKNOWN_SKU', message: `${line.sku} is not listed; give unitPrice` };
      unitPrices.push(line.unitPrice);
      continue;
    }
    if (!listing.open) return { ok: false, code: 'LISTING_CLOSED', message: `${line.sku} is not for sale on this channel` };
    if (listing.stock !== null && listing.stock < line.quantity)
      return { ok: false, code: 'OUT_OF_STOCK', message: `${line.sku}: ${listing.stock} shown, ${line.quantity} ordered` };
    const unitPrice = line.unitPrice ?? listing.price;
    if (unitPrice === null) return { ok: false, code: 'NO_PRICE', message: `${line.sku} has no price on this channel; give unitPrice` };
    unitPrices.push(unitPrice);
  }
  return { ok: true, unitPrices };
}

function moveListedStock(world: ChannelWorld, order: SandboxOrder, direction: -1 | 1): void {
  for (const line of order.lines) {
    const listing = world.listings.get(line.sku);
    if (listing?.stock != null) listing.stock = Math.max(0, listing.stock + direction * line.quantity);
  }
}

/**
 * The customer's side of a channel, used by tests and demos to make things happen: placing an order
 * and cancelling it. These bypass the channel's API faults, auth and rate limits: they stand for
 * shoppers on the channel's site, not for our calls to its API. Each one sends an order webhook.
 */
export function orderDriverRoutes(context: SandboxContext): Router {
  const router = Router({ mergeParams: true });

  router.post('/orders', (req, res) => {
    const world = channelOf(res);
    const request = placeOrderSchema.parse(req.body);
    const externalId = request.externalId ?? `${world.code.toUpperCase()}-${randomUUID().slice(0, 8).toUpperCase()}`;
    if (world.orders.has(externalId)) {
      sendError(res, 409, 'ORDER_EXISTS', `order ${externalId} already exists on this channel`);
      return;
    }
    const pricing = priceLines(world, request.lines);
    if (!pricing.ok) {
      sendError(res, 422, pricing.code, pricing.message);
      return;
    }
    const lines = request.lines.map((line, index) => ({
      lineId: `${externalId}-${index + 1}`,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: pricing.unitPrices[index] ?? 0,
    }));
    const order: SandboxOrder = {
      externalId,
      status: 'PLACED',
      currency: world.currency,
      totalAmount: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      customer: request.customer,
      fulfilment: request.fulfilment,
      pickupStoreCode: request.pickupStoreCode,
      lines,
      placedAt: new Date().toISOString(),
      sequence: 0,
      refunds: [],
    };
    world.orders.set(externalId, order);
    moveListedStock(world, order, -1);
    // The web store's checkout takes the money through the payment provider, referenced by the order number.
    if (world.profile.kind === 'WEB_STORE' && order.totalAmount > 0) {
      const payment = context.payments.create({
        amount: order.totalAmount,
        currency: order.currency,
        reference: externalId,
        capture: true,
      });
      context.log.record('payment.captured', context.payments.code, {
        paymentId: payment.paymentId,
        reference: externalId,
        amount: payment.amount,
      });
    }
    const event = publishOrderEvent(context, world, order, 'order.created');
    context.log.record('order.placed', world.code, { externalId, totalAmount: order.totalAmount, eventId: event.eventId });
    res.status(201).json({ order: event.order, eventId: event.eventId });
  });

  router.post('/orders/:externalId/customer-cancel', (req, res) => {
    const world = channelOf(res);
    const order = world.orders.get(req.params.externalId);
    if (!order) {
      sendError(res, 404, 'ORDER_NOT_FOUND', `no order ${req.params.externalId} on this channel`);
      return;
    }
    if (!isCancellableByCustomer(order.status)) {
      sendError(res, 422, 'INVALID_TRANSITION', `an order in status ${order.status} cannot be cancelled`);
      return;
    }
    order.status = 'CANCELLED';
    moveListedStock(world, order, 1);
    const event = publishOrderEvent(context, world, order, 'order.cancelled');
    context.log.record('order.cancelled_by_customer', world.code, { externalId: order.externalId, eventId: event.eventId });
    res.json({ order: event.order, eventId: event.eventId });
  });

  /**
   * The customer starts a return on the channel for units of a delivered or collected order: the channel
   * records it REQUESTED under its own id and sends `return.requested` to our API (signed, at least once).
   */
  router.post('/orders/:externalId/return-requests', (req, res) => {
    const world = channelOf(res);
    const order = world.orders.get(req.params.externalId);
    if (!order) {
      sendError(res, 404, 'ORDER_NOT_FOUND', `no order ${req.params.externalId} on this channel`);
      return;
    }
    if (order.status !== 'COLLECTED' && order.status !== 'SHIPPED') {
      sendError(res, 422, 'NOT_RETURNABLE', `an order in status ${order.status} has not reached the customer`);
      return;
    }
    const request = returnRequestSchema.parse(req.body);
    const lines = [];
    for (const wanted of request.lines) {
      const line = order.lines.find((candidate) => candidate.lineId === wanted.lineId);
      if (!line || wanted.quantity > line.quantity) {
        sendError(res, 422, 'INVALID_LINE', `line ${wanted.lineId} is not on the order or has fewer units`);
        return;
      }
      lines.push({ lineId: line.lineId, sku: line.sku, quantity: wanted.quantity });
    }
    const returnRef = `RR-${randomUUID().slice(0, 8).toUpperCase()}`;
    order.returns ??= [];
    order.returns.push({
      returnRef,
      externalOrderId: order.externalId,
      status: 'REQUESTED',
      lines: lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      refundedAmount: 0,
      currency: order.currency,
      updatedAt: new Date().toISOString(),
    });
    const event = {
      eventId: `evt_${randomUUID()}`,
      type: 'return.requested' as const,
      channelCode: world.code,
      occurredAt: new Date().toISOString(),
      return: { returnRef, externalOrderId: order.externalId, lines, reason: request.reason },
    };
    context.webhooks.publishReturnEvent(world.profile, event, { drop: world.faults.dropWebhooks });
    context.log.record('order.return_requested', world.code, { externalId: order.externalId, returnRef, eventId: event.eventId });
    res.status(201).json({ returnRef, eventId: event.eventId });
  });

  return router;
}
