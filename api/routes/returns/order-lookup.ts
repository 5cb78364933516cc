import { z } from 'zod';
import { refundRouteFor } from '../../../domain/returns/refund-route';
import { type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { orderLookupQuerySchema, returnableOrderSchema } from './returns.validators';

/**
 * The counter's search for a purchase to take back: any channel's order, by our order id, the channel's
 * order id, or the customer's phone or e-mail (one customer across channels). Newest first, at most 20.
 */
export function registerOrderLookupRoute(api: ApiRouter, { prisma }: { prisma: PrismaClient }): void {
  api.route({
    method: 'get',
    path: '/api/returns/order-lookup',
    summary: 'Find an order to return by its number, the channel’s order id, or the customer’s phone or e-mail',
    tags: ['returns'],
    access: ['ADMIN', 'OPS_LEAD', 'STORE_STAFF'],
    request: { query: orderLookupQuerySchema },
    response: { description: 'Matching orders with their lines', schema: z.array(returnableOrderSchema) },
    handle: async ({ query }) => {
      const q = query.q;
      const isId = z.uuid().safeParse(q).success;
      // A phone as the customer says it ("06 1234 5678", "+31 6 ..."): its last nine digits, as the counter's task lookup does.
      const digits = /^[+\d\s().-]+$/.test(q) ? q.replace(/\D/g, '') : '';
      const orders = await prisma.order.findMany({
        where: {
          OR: [
            ...(isId ? [{ id: q }] : []),
            { externalId: { equals: q, mode: 'insensitive' as const } },
            { customer: { email: { equals: q, mode: 'insensitive' as const } } },
            ...(digits.length >= 6 ? [{ customer: { phone: { contains: digits.slice(-9) } } }] : []),
          ],
        },
        include: {
          channel: { select: { code: true, kind: true } },
          payments: { orderBy: { createdAt: 'asc' }, take: 1, select: { provider: true } },
          customer: { select: { name: true } },
          lines: { orderBy: { id: 'asc' }, include: { product: { select: { sku: true, name: true } } } },
        },
        orderBy: { placedAt: 'desc' },
        take: 20,
      });
      return orders.map((order) => ({
        id: order.id,
        externalId: order.externalId,
        channelCode: order.channel.code,
        status: order.status,
        placedAt: order.placedAt,
        customerName: order.customer?.name ?? null,
        currency: order.currency,
        refundRoute: refundRouteFor({ channelKind: order.channel.kind, paymentProvider: order.payments[0]?.provider ?? 'channel' }),
        lines: order.lines.map((line) => ({
          id: line.id,
          sku: line.product.sku,
          name: line.product.name,
          quantity: line.quantity,
          returnedQuantity: line.returnedQuantity,
          deliveredQuantity: order.fulfilmentType === 'PICKUP' ? line.pickedQuantity : line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          status: line.status,
        })),
      }));
    },
  });
}
