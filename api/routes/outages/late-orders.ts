import { confinedStoreId } from '../../../domain/auth/store-access';
import { NotFoundError } from '../../../domain/errors';
import { type Prisma } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { lateOrderListQuerySchema, lateOrderSchema } from './late-orders.validators';

const include = {
  order: {
    select: {
      id: true,
      externalId: true,
      status: true,
      totalMinor: true,
      currency: true,
      placedAt: true,
      channel: { select: { code: true } },
      pickupStore: { select: { code: true } },
    },
  },
} satisfies Prisma.DiscrepancyInclude;

/**
 * A channel outage's late orders (docs/outages.md, "Late orders"): what the channel took while it was down
 * and its run fetched and took in afterwards, one ORDER_MISSING row each. Seen by whoever sees the outage;
 * store staff only the orders for their store.
 */
export function registerLateOrderRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/outages/:id/late-orders',
    summary: 'Orders the channel took during the outage that never reached us, taken in by its run',
    tags: ['outages'],
    access: 'authenticated',
    request: { params: idParamsSchema, query: lateOrderListQuerySchema },
    response: { description: 'A page of late orders', schema: lateOrderSchema.array(), isList: true },
    otherResponses: [{ status: 404, description: 'No outage with this id' }],
    handle: async ({ params, query, actor, res }) => {
      const ownStore = confinedStoreId(actor);
      const outage = await prisma.outage.findUnique({ where: { id: params.id }, select: { storeId: true } });
      if (outage === null || (ownStore !== null && outage.storeId !== null && outage.storeId !== ownStore))
        throw new NotFoundError('Outage not found');
      const where: Prisma.DiscrepancyWhereInput = {
        class: 'ORDER_MISSING',
        reconciliation: { outageId: params.id },
        orderId: { not: null },
        ...(ownStore !== null && { order: { pickupStoreId: ownStore } }),
      };
      const orderBy: Prisma.DiscrepancyOrderByWithRelationInput[] =
        query.sort.field === 'placedAt'
          ? [{ order: { placedAt: query.sort.order === 'ASC' ? 'asc' : 'desc' } }, { id: 'asc' }]
          : [{ createdAt: query.sort.order === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }];
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'late-orders', page, {
        rows: prisma.discrepancy.findMany({ where, include, orderBy, skip: page.skip, take: page.take }).then((rows) =>
          rows.flatMap((r) =>
            r.order === null
              ? []
              : [
                  {
                    id: r.order.id,
                    externalId: r.order.externalId,
                    channelCode: r.order.channel.code,
                    pickupStoreCode: r.order.pickupStore?.code ?? null,
                    status: r.order.status,
                    totalMinor: Number(r.order.totalMinor),
                    currency: r.order.currency,
                    placedAt: r.order.placedAt,
                    takenInAt: r.createdAt,
                    discrepancyId: r.id,
                  },
                ],
          ),
        ),
        total: prisma.discrepancy.count({ where }),
      });
    },
  });
}
