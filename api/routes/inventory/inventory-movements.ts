import { z } from 'zod';
import { storeFilterFor, throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { NotFoundError } from '../../../domain/errors';
import { type Prisma } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { inventoryMovementListQuerySchema, inventoryMovementSchema } from './inventory-movements.validators';

export function registerInventoryMovementRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/inventory-movements',
    summary: 'The stock ledger (store staff: their own store only)',
    tags: ['inventory'],
    access: 'authenticated',
    request: { query: inventoryMovementListQuerySchema },
    response: { description: 'A page of stock movements', schema: z.array(inventoryMovementSchema), isList: true },
    handle: ({ query, actor, res }) => {
      const { filter } = query;
      const storeIds = storeFilterFor(actor, filter.storeId);
      const where: Prisma.InventoryMovementWhereInput = {
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(storeIds !== undefined && { storeId: { in: [...storeIds] } }),
        ...(filter.productId !== undefined && { productId: { in: filter.productId } }),
        ...(filter.kind !== undefined && { kind: filter.kind }),
        ...(filter.workflowId !== undefined && { workflowId: filter.workflowId }),
        ...(filter.actorUserId !== undefined && { actorUserId: filter.actorUserId }),
        ...((filter.createdAfter !== undefined || filter.createdBefore !== undefined) && {
          createdAt: {
            ...(filter.createdAfter !== undefined && { gte: new Date(filter.createdAfter) }),
            ...(filter.createdBefore !== undefined && { lt: new Date(filter.createdBefore) }),
          },
        }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'inventory-movements', page, {
        rows: prisma.inventoryMovement.findMany({ where, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take }),
        total: prisma.inventoryMovement.count({ where }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/inventory-movements/:id',
    summary: 'One stock movement',
    tags: ['inventory'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The movement', schema: inventoryMovementSchema },
    otherResponses: [{ status: 404, description: 'No movement with this id' }],
    handle: async ({ params, actor }) => {
      const movement = await prisma.inventoryMovement.findUnique({ where: { id: params.id } });
      if (movement === null) throw new NotFoundError('Stock movement not found');
      throwIfStoreIsNotAccessible(actor, movement.storeId);
      return movement;
    },
  });
}
