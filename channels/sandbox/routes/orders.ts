import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { orderListingQuerySchema } from '../../order-listing';
import { channelOrderStatuses, currencySchema, minorUnitsSchema, type WireRefund } from '../../wire-format';
import { channelOf, sendError } from '../channel-request';
import { type SandboxOrder, type SandboxRefund } from '../channel-world';
import { InvalidCursorError, orderListingPage } from '../order-listing-page';
import { canMoveOrder } from '../order-transitions';
import { type SandboxContext } from '../sandbox-context';

const statusBodySchema = z.object({ status: z.enum(channelOrderStatuses) });
const refundBodySchema = z.object({ amount: minorUnitsSchema, currency: currencySchema, reason: z.string().max(500).optional() });

function refundView(order: SandboxOrder, refund: SandboxRefund): WireRefund {
  return {
    refundId: refund.refundId,
    externalOrderId: order.externalId,
    amount: refund.amount,
    currency: refund.currency,
    status: 'SUCCEEDED',
    createdAt: refund.createdAt,
  };
}

/** Our side's calls about orders: list them, read one, move its status, refund it. */
export function orderRoutes(context: SandboxContext): Router {
  const router = Router({ mergeParams: true });

  /** Every order the channel took in a time window, page by page: how a seller finds orders whose webhook was lost. */
  router.get('/orders', (req, res) => {
    const world = channelOf(res);
    const query = orderListingQuerySchema.parse(req.query);
    let page;
    try {
      page = orderListingPage(world.orders.values(), { ...query, createdTo: query.createdTo ?? new Date().toISOString() });
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      sendError(res, 400, 'INVALID_CURSOR', error.message);
      return;
    }
    context.log.record('order.listed', world.code, { orders: page.orders.length, more: page.nextCursor !== null });
    if (world.faults.garbleOrderListing) {
      context.log.record('fault.garbled_listing', world.code, { orders: page.orders.length });
      // What a half-deployed API answers: the envelope, and orders without the fields every client needs.
      res.json({ orders: page.orders.map(({ externalId, placedAt }) => ({ externalId, placedAt, total: 'n/a' })), nextCursor: 42 });
      return;
    }
    res.json(page);
  });

  router.get('/orders/:externalId', (req, res) => {
    const order = channelOf(res).orders.get(req.params.externalId);
    if (!order) {
      sendError(res, 404, 'ORDER_NOT_FOUND', `no order ${req.params.externalId} on this channel`);
      return;
    }
    const refundedAmount = order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
    res.json({ ...order, refunds: order.refunds.map((refund) => refundView(order, refund)), refundedAmount });
  });

  router.put('/orders/:externalId/status', (req, res) => {
    const world = channelOf(res);
    const { status } = statusBodySchema.parse(req.body);
    const order = world.orders.get(req.params.externalId);
    if (!order) {
      sendError(res, 404, 'ORDER_NOT_FOUND', `no order ${req.params.externalId} on this channel`);
      return;
    }
    // Setting the status it already has is a no-op success, so a retried update never fails.
    if (order.status !== status && !canMoveOrder(order.status, status)) {
      sendError(res, 422, 'INVALID_TRANSITION', `order ${order.externalId} cannot move from ${order.status} to ${status}`);
      return;
    }
    const previous = order.status;
    order.status = status;
    context.log.record('order.status_updated', world.code, { externalId: order.externalId, from: previous, to: status });
    res.json({ externalOrderId: order.externalId, status });
  });

  router.post('/orders/:externalId/refunds', (req, res) => {
    const world = channelOf(res);
    const key = req.get('idempotency-key');
    if (key === undefined || key === '') {
      sendError(res, 400, 'IDEMPOTENCY_KEY_REQUIRED', 'refunds need an Idempotency-Key header');
      return;
    }
    const body = refundBodySchema.parse(req.body);
    const order = world.orders.get(req.params.externalId);
    if (!order) {
      sendError(res, 404, 'ORDER_NOT_FOUND', `no order ${req.params.externalId} on this channel`);
      return;
    }
    // Kept on the order as well as in the idempotency store, so a refund stays single after a restart.
    const earlier = order.refunds.find((refund) => refund.idempotencyKey === key);
    if (earlier) {
      if (earlier.amount !== body.amount || earlier.currency !== body.currency) {
        sendError(res, 422, 'IDEMPOTENCY_KEY_REUSED', `refund key "${key}" was used for a different amount`);
        return;
      }
      res.status(201).json(refundView(order, earlier));
      return;
    }
    if (body.currency !== order.currency) {
      sendError(res, 422, 'CURRENCY_MISMATCH', `order ${order.externalId} is in ${order.currency}`);
      return;
    }
    const refundable = order.totalAmount - order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
    if (body.amount > refundable) {
      sendError(res, 422, 'REFUND_EXCEEDS_ORDER', `at most ${refundable} can still be refunded on order ${order.externalId}`);
      return;
    }
    const refund: SandboxRefund = {
      refundId: `re_${randomUUID()}`,
      idempotencyKey: key,
      amount: body.amount,
      currency: body.currency,
      reason: body.reason ?? null,
      createdAt: new Date().toISOString(),
    };
    order.refunds.push(refund);
    context.log.record('order.refunded', world.code, { externalId: order.externalId, amount: refund.amount, refundId: refund.refundId });
    res.status(201).json(refundView(order, refund));
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', channel: channelOf(res).code });
  });

  return router;
}
