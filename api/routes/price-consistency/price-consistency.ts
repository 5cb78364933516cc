import { z } from 'zod';
import { NotFoundError } from '../../../domain/errors';
import { type Prisma, type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { toPrismaOrderBy } from '../../lists/list-query';
import { pageFor, type PageLimits } from '../../lists/pagination';
import { sendPage } from '../../lists/send-page';
import { idParamsSchema } from '../../openapi/common-schemas';
import { type PricePairRow, pricePairsSql } from '../../../db/promotions/price-pairs-sql';
import { priceConsistencyListQuerySchema, productPricesSchema, productPriceSummarySchema } from './price-consistency.validators';

export interface PriceConsistencyRouteDeps {
  prisma: PrismaClient;
  pageLimits: PageLimits;
}

/** Every SKU x channel pair of these products with its expected price and latest read-back, channels by code. */
export async function pricePairsOf(prisma: PrismaClient, productIds: readonly string[], now = new Date()) {
  if (productIds.length === 0) return [];
  const [pairs, channels] = await Promise.all([
    prisma.$queryRaw<PricePairRow[]>(pricePairsSql({ productIds }, now)),
    prisma.channel.findMany({ select: { id: true, code: true, name: true, kind: true, status: true } }),
  ]);
  const channelOf = new Map(channels.map((channel) => [channel.id, channel]));
  return pairs
    .flatMap((pair) => {
      const channel = channelOf.get(pair.channelId);
      if (channel === undefined) return [];
      return [
        {
          ...pair,
          channelCode: channel.code,
          channelName: channel.name,
          channelKind: channel.kind,
          channelStatus: channel.status,
        },
      ];
    })
    .sort((a, b) => a.channelCode.localeCompare(b.channelCode));
}

export async function productPrices(prisma: PrismaClient, productId: string) {
  const product = await prisma.product.findUnique({ where: { id: productId } });
  if (product === null) throw new NotFoundError('Product not found');
  const pairs = await pricePairsOf(prisma, [productId]);
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    currency: product.currency,
    basePriceMinor: product.basePriceMinor,
    channels: pairs.map(({ productId: _product, sku: _sku, productName: _name, currency: _currency, ...pair }) => pair),
  };
}

/**
 * The price consistency view (docs/promotions.md): for a SKU, the price every channel showed at its
 * latest read-back against the price we expect there now. A list of products with their counts, and one
 * product with a row per channel.
 */
export function registerPriceConsistencyRoutes(api: ApiRouter, { prisma, pageLimits }: PriceConsistencyRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/price-consistency',
    summary: 'Products with how many channels showed the expected price at their latest read-back',
    tags: ['price-consistency'],
    access: 'authenticated',
    request: { query: priceConsistencyListQuerySchema },
    response: { description: 'A page of products', schema: z.array(productPriceSummarySchema), isList: true },
    handle: async ({ query, res }) => {
      const { filter } = query;
      const where: Prisma.ProductWhereInput = {
        active: true,
        ...(filter.id !== undefined && { id: { in: filter.id } }),
        ...(filter.q !== undefined && {
          OR: [{ sku: { contains: filter.q, mode: 'insensitive' } }, { name: { contains: filter.q, mode: 'insensitive' } }],
        }),
      };
      const page = pageFor(query.range, pageLimits);
      const rows = async () => {
        const products = await prisma.product.findMany({
          where,
          orderBy: toPrismaOrderBy(query.sort),
          skip: page.skip,
          take: page.take,
        });
        const pairs = await pricePairsOf(
          prisma,
          products.map((product) => product.id),
        );
        return products.map((product) => {
          const mine = pairs.filter((pair) => pair.productId === product.id);
          const checked = mine.filter((pair) => pair.consistent !== null);
          const times = checked.flatMap((pair) => (pair.checkedAt === null ? [] : [pair.checkedAt.getTime()]));
          return {
            id: product.id,
            sku: product.sku,
            name: product.name,
            currency: product.currency,
            basePriceMinor: product.basePriceMinor,
            channelCount: mine.length,
            checked: checked.length,
            consistent: checked.filter((pair) => pair.consistent === true).length,
            differing: checked.filter((pair) => pair.consistent === false).length,
            lastCheckedAt: times.length === 0 ? null : new Date(Math.max(...times)),
          };
        });
      };
      return sendPage(res, 'price-consistency', page, { rows: rows(), total: prisma.product.count({ where }) });
    },
  });

  api.route({
    method: 'get',
    path: '/api/price-consistency/:id',
    summary: 'One product (by id): per channel, the expected price now and the price its latest read-back showed, with the time',
    tags: ['price-consistency'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The product and its channels', schema: productPricesSchema },
    otherResponses: [{ status: 404, description: 'No product with this id' }],
    handle: ({ params }) => productPrices(prisma, params.id),
  });
}
