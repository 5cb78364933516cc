import { z } from 'zod';
import { type PrismaClient } from '../../prisma/client';
import { type ApiRouter } from '../http/api-router';

const facetSchema = z.object({ name: z.string(), count: z.number().int().meta({ description: 'Active products' }) });

export const productFacetsSchema = z
  .object({
    categories: z.array(facetSchema).meta({ description: 'Every category of an active product, by name' }),
    brands: z.array(facetSchema).meta({ description: 'Every brand of an active product, by name' }),
    withoutBrand: z.number().int().meta({ description: 'Active products that have no brand' }),
  })
  .meta({ id: 'ProductFacets' });

/**
 * `GET /api/products/facets`: the distinct categories and brands of the active catalogue with their
 * product counts, counted by PostgreSQL (GROUP BY over the indexed columns), never from a page of
 * products: the SKU picker's category and brand choices and the promotions' rule.
 */
export function registerProductFacetsRoute(api: ApiRouter, { prisma }: { prisma: PrismaClient }): void {
  api.route({
    method: 'get',
    path: '/api/products/facets',
    summary: 'Categories and brands of the active products, with counts',
    tags: ['products'],
    access: 'authenticated',
    response: { description: 'The categories and brands, each with its active product count', schema: productFacetsSchema },
    handle: async () => {
      const [categories, brands] = await Promise.all([
        prisma.product.groupBy({ by: ['category'], where: { active: true }, _count: { _all: true }, orderBy: { category: 'asc' } }),
        prisma.product.groupBy({ by: ['brand'], where: { active: true }, _count: { _all: true }, orderBy: { brand: 'asc' } }),
      ]);
      return {
        categories: categories.map((row) => ({ name: row.category, count: row._count._all })),
        brands: brands.flatMap((row) => (row.brand === null ? [] : [{ name: row.brand, count: row._count._all }])),
        withoutBrand: brands.find((row) => row.brand === null)?._count._all ?? 0,
      };
    },
  });
}
