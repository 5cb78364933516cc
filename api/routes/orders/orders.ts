import { z } from 'zod';
import { type Actor } from '../../../domain/auth/roles';
import { storeFilterFor, throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../domain/errors';
import { needsPickupWorkflow } from '../../../domain/orders/intake-rules';
import { type PrismaClient } from '../../../prisma/client';
import { recordAudit } from '../../../db/audit/record-audit';
import { type ApiRouter } from '../../http/api-router';
import { type OrderFulfilment } from '../../intake/order-fulfilment';
import { placeWebOrder, type WebOrderRules } from '../../intake/place-web-order';
import { toPrismaOrderBy } from '../../lists/list-query';
import { type PageLimits, pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { orderDetailSelect, orderListWhere, orderSummarySelect, toOrderDetail, toOrderSummary } from './order-views';
import { createWebOrderBodySchema, orderDetailSchema, orderListQuerySchema, orderSummarySchema } from './orders.validators';

export interface OrderRouteDeps {
  prisma: PrismaClient;
  pageLimits: PageLimits;
  fulfilment: OrderFulfilment;
  /** Where new orders' runs start comes from `fulfilment`. */
  webOrderRules: Omit<WebOrderRules, 'starts'>;
}

const headOffice = ['ADMIN', 'OPS_LEAD'] as const;

export function registerOrderRoutes(api: ApiRouter, { prisma, pageLimits, fulfilment, webOrderRules }: OrderRouteDeps): void {
  /** The order as the show page needs it, or NOT_FOUND; staff only see orders for their own store. */
  async function readOrder(id: string, actor: Actor) {
    const order = await prisma.order.findUnique({ where: { id }, select: orderDetailSelect });
    if (order === null) throw new NotFoundError('Order not found');
    if (order.pickupStoreId === null) {
      if (actor.role === 'STORE_STAFF') throw new ForbiddenError('This order is not collected at a store');
    } else {
      throwIfStoreIsNotAccessible(actor, order.pickupStoreId);
    }
    return toOrderDetail(order);
  }

  api.route({
    method: 'get',
    path: '/api/orders',
    summary: 'List orders',
    description: 'Store staff see the orders to be collected at their store only.',
    tags: ['orders'],
    access: 'authenticated',
    request: { query: orderListQuerySchema },
    response: { description: 'A page of orders', schema: z.array(orderSummarySchema), isList: true },
    handle: async ({ query, actor, res }) => {
      const { storeId, ...filter } = query.filter;
      const where = orderListWhere({ ...filter, storeIds: storeFilterFor(actor, storeId) });
      const page = pageFor(query.range, pageLimits);
      const rows = await sendPage(res, 'orders', page, {
        rows: prisma.order.findMany({
          where,
          select: orderSummarySelect,
          orderBy: toPrismaOrderBy(query.sort),
          skip: page.skip,
          take: page.take,
        }),
        total: prisma.order.count({ where }),
      });
      return rows.map(toOrderSummary);
    },
  });

  api.route({
    method: 'get',
    path: '/api/orders/:id',
    summary: 'One order with its lines, customer, channel, store and payments',
    tags: ['orders'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The order', schema: orderDetailSchema },
    otherResponses: [{ status: 404, description: 'No order with this id' }],
    handle: ({ params, actor }) => readOrder(params.id, actor),
  });

  api.route({
    method: 'post',
    path: '/api/orders',
    summary: 'Take a web store order',
    description: [
      'Idempotent on `externalId`: the first request creates the order (201), a repeat returns the same order (200) and changes nothing.',
      'Prices come from the catalogue unless given; the customer is matched across channels by phone, then e-mail.',
      'A PICKUP order is stored together with the start of its pickup workflow (`startStatus` PENDING), which is attempted right after the answer',
      'and retried automatically until it runs: an accepted order always reaches its workflow, and `workflowId` is set once it has.',
    ].join(' '),
    tags: ['orders'],
    access: headOffice,
    request: { body: createWebOrderBodySchema },
    response: { status: 201, description: 'The order (201 created, 200 when it already existed)', schema: orderDetailSchema },
    otherResponses: [
      { status: 409, description: 'The pickup store is paused by an outage: nothing was written; choose another store' },
      { status: 503, description: 'Overloaded or the database is busy: nothing was written; retry after Retry-After' },
    ],
    handle: async ({ body, actor, requestId, res }) => {
      const { created, order, start } = await placeWebOrder(prisma, actor, requestId, body, {
        ...webOrderRules,
        starts: fulfilment.policy,
      });
      if (!created) res.status(200);
      // Committed: the order and the promise of its run are stored, so the order is accepted. Its answer
      // does not wait for Temporal (a slow Temporal must not hold checkouts); the start goes out right after.
      const answer = await readOrder(order.id, actor);
      if (start !== null) fulfilment.startInBackground(start);
      return answer;
    },
  });

  api.route({
    method: 'post',
    path: '/api/orders/:id/start-fulfilment',
    summary: 'Start (or join) the pickup workflow of a received pickup order now',
    description:
      "Attempts the order's pending or FAILED workflow start now instead of waiting for the automatic retry (see `startStatus`). Idempotent: an order whose workflow already runs is returned as it is.",
    tags: ['orders'],
    access: headOffice,
    request: { params: idParamsSchema },
    response: { description: 'The order, its workflow running', schema: orderDetailSchema },
    otherResponses: [
      { status: 404, description: 'No order with this id' },
      { status: 409, description: 'Not a pickup order, or no longer waiting to start (e.g. cancelled)' },
      {
        status: 503,
        description:
          'Temporal refused or did not answer; the order (with `fulfilmentStartError`) stays pending and is retried automatically',
        schema: orderDetailSchema,
      },
    ],
    handle: async ({ params, actor, requestId, res }) => {
      const order = await prisma.order.findUnique({
        where: { id: params.id },
        select: { id: true, fulfilmentType: true, status: true, workflowId: true },
      });
      if (order === null) throw new NotFoundError('Order not found');
      if (order.fulfilmentType !== 'PICKUP') throw new ConflictError('Only pickup orders have a pickup workflow');
      if (order.workflowId !== null) return readOrder(order.id, actor);
      if (!needsPickupWorkflow(order)) throw new ConflictError(`An order that is ${order.status} cannot start fulfilment`);

      const { workflowId, outcome } = await fulfilment.retryPickupStart(order.id);
      const started = outcome === null || outcome.status === 'STARTED';
      await prisma.$transaction((tx) =>
        recordAudit(tx, {
          actor,
          action: 'order.start-fulfilment',
          entityType: 'Order',
          entityId: order.id,
          after: started ? { workflowId } : { error: outcome.error },
          ...(started && { workflowId }),
          requestId,
        }),
      );
      if (!started) res.status(503);
      return readOrder(order.id, actor);
    },
  });
}
