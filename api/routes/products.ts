import { z } from 'zod';
import { NotFoundError } from '../../domain/errors';
import { type Prisma } from '../../prisma/client';
import { type ApiRouter } from '../http/api-router';
import { toPrismaOrderBy } from '../lists/list-query';
import { pageFor } from '../lists/pagination';
import { sendPage } from '../lists/send-page';
import { idParamsSchema } from '../openapi/common-schemas';
import { registerProductFacetsRoute } from './product-facets';
import { productListQuerySchema, productSchema } from './products.validators';
import { type ResourceRouteDeps } from './route-deps';

export function registerProductRoutes(api: ApiRouter, { prisma, pageLimits }: ResourceRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/products',
    summary: 'List products (SKUs)',
    tags: ['products'],
    access: 'authenticated',
    request: { query: productListQuerySchema },
    response: { description: 'A page of products', schema: z.array(productSchema), isList: true },
    handle: ({ query, res }) => {
      const { filter } = query;
      const where: Prisma.ProductWhereInput = {
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.sku !== undefined && { sku: filter.sku }),
        ...(filter.category !== undefined && { category: filter.category }),
        ...(filter.brand !== undefined && { brand: filter.brand }),
        ...(filter.active !== undefined && { active: filter.active }),
        ...(filter.q !== undefined && {
          OR: [{ sku: { contains: filter.q, mode: 'insensitive' } }, { name: { contains: filter.q, mode: 'insensitive' } }],
        }),
      };
      const page = pageFor(query.range, pageLimits);
      return sendPage(res, 'products', page, {
        rows: prisma.product.findMany({ where, orderBy: toPrismaOrderBy(query.sort), skip: page.skip, take: page.take }),
        total: prisma.product.count({ where }),
      });
    },
  });

  // Before `/:id`, which would take "facets" for an id.
  registerProductFacetsRoute(api, { prisma });

  api.route({
    method: 'get',
    path: '/api/products/:id',
    summary: 'One product',
    tags: ['products'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The product', schema: productSchema },
    otherResponses: [{ status: 404, description: 'No product with this id' }],
    handle: async ({ params }) => {
      const product = await prisma.product.findUnique({ where: { id: params.id } });
      if (product === null) throw new NotFoundError('Product not found');
      return product;
    },
  });
}
