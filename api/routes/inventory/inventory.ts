import { z } from 'zod';
import { storeFilterFor, throwIfStoreIsNotAccessible } from '../../../domain/auth/store-access';
import { NotFoundError } from '../../../domain/errors';
import { type ApiRouter } from '../../http/api-router';
import { pageFor } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type ResourceRouteDeps } from '../route-deps';
import { findInventoryLevel, findInventoryPage } from './inventory-query';
import { inventoryLevelSchema, inventoryListQuerySchema } from './inventory.validators';

export interface InventoryRouteDeps extends ResourceRouteDeps {
  /** `lowStock: true` lists rows whose available stock is at or below this. */
  lowStockThreshold: number;
}

export function registerInventoryRoutes(api: ApiRouter, { prisma, pageLimits, lowStockThreshold }: InventoryRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/inventory',
    summary: 'Stock per store and SKU (store staff: their own store only)',
    description: 'Asking for another store’s stock as store staff is a 403; without a store filter staff get their own store.',
    tags: ['inventory'],
    access: 'authenticated',
    request: { query: inventoryListQuerySchema },
    response: { description: 'A page of stock levels', schema: z.array(inventoryLevelSchema), isList: true },
    handle: ({ query, actor, res }) => {
      const { storeId, ...filter } = query.filter;
      const page = pageFor(query.range, pageLimits);
      return sendPage(
        res,
        'inventory',
        page,
        findInventoryPage(prisma, {
          filter: { ...filter, storeIds: storeFilterFor(actor, storeId) },
          sort: query.sort,
          page,
          lowStockThreshold,
        }),
      );
    },
  });

  api.route({
    method: 'get',
    path: '/api/inventory/:id',
    summary: 'Stock of one SKU in one store',
    tags: ['inventory'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The stock level', schema: inventoryLevelSchema },
    otherResponses: [{ status: 404, description: 'No stock level with this id' }],
    handle: async ({ params, actor }) => {
      const level = await findInventoryLevel(prisma, params.id);
      if (level === undefined) throw new NotFoundError('Stock level not found');
      throwIfStoreIsNotAccessible(actor, level.storeId);
      return level;
    },
  });
}
