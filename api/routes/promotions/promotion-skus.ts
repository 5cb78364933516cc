import { z } from 'zod';
import { MAX_JSON_SKUS } from '../../../domain/promotions/promotion-schemas';
import { type PrismaClient } from '../../../prisma/client';
import { type ApiRouter } from '../../http/api-router';
import { idParamsSchema } from '../../openapi/common-schemas';
import { findPromotion } from './promotion-view';

export const promotionSkusSchema = z
  .object({
    skus: z.array(z.string()).meta({ description: 'The listed SKUs (the category rule adds its own), in SKU order; empty when truncated' }),
    total: z.number().int(),
    truncated: z.boolean().meta({ description: `More than ${MAX_JSON_SKUS}: edit them by CSV upload (PUT /api/promotions/:id/sku-csv)` }),
  })
  .meta({ id: 'PromotionSkus' });

/**
 * `GET /api/promotions/:id/skus`: what the edit form needs to send the promotion back whole (PUT replaces
 * the SKUs). A promotion past the JSON limit is edited by CSV, so the answer then says so instead of
 * carrying 100k strings.
 */
export function registerPromotionSkusRoute(api: ApiRouter, { prisma }: { prisma: PrismaClient }): void {
  api.route({
    method: 'get',
    path: '/api/promotions/:id/skus',
    summary: 'The SKUs of a promotion (for its edit form)',
    tags: ['promotions'],
    access: 'authenticated',
    request: { params: idParamsSchema },
    response: { description: 'The SKUs', schema: promotionSkusSchema },
    otherResponses: [{ status: 404, description: 'No promotion with this id' }],
    handle: async ({ params }) => {
      const promotion = await findPromotion(prisma, params.id);
      const total = promotion._count.skus;
      if (total > MAX_JSON_SKUS) return { skus: [], total, truncated: true };
      const rows = await prisma.promotionSku.findMany({
        where: { promotionId: params.id },
        select: { product: { select: { sku: true } } },
        orderBy: { product: { sku: 'asc' } },
      });
      return { skus: rows.map((row) => row.product.sku), total, truncated: false };
    },
  });
}
