import { z } from 'zod';
import { promotionInputSchema } from '../../../domain/promotions/promotion-schemas';
import { DiscountType, PromotionStatus } from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';
import { boundedText } from '../../../domain/validation/text';

export const promotionSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    discountType: z.enum(DiscountType),
    discountValue: z.number().int(),
    currency: z.string(),
    timeZone: z.string(),
    startsLocal: z.string(),
    endsLocal: z.string(),
    startsAt: z.date(),
    endsAt: z.date(),
    status: z.enum(PromotionStatus),
    version: z.number().int(),
    categories: z.array(z.string()),
    brands: z.array(z.string()).meta({ description: 'Brand rule (with categories: category AND brand)' }),
    skuCount: z.number().int(),
    channelCodes: z.array(z.string()),
    requestedByUserId: idSchema,
    approvedByUserId: idSchema.nullable(),
    rejectionReason: z.string().nullable(),
    workflowId: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Promotion' });

export const createPromotionBodySchema = promotionInputSchema.meta({ id: 'CreatePromotion' });
export const updatePromotionBodySchema = promotionInputSchema.meta({ id: 'UpdatePromotion' });

export const promotionCheckSchema = z
  .object({
    skuCount: z.number().int(),
    channelCount: z.number().int(),
    errors: z.record(z.string(), z.string()),
  })
  .meta({ id: 'PromotionCheck' });

export const promotionListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'startsAt', 'status', 'name'],
  defaultSort: { field: 'startsAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    status: z.enum(PromotionStatus).optional(),
    q: z.string().max(200).optional(),
  }),
});

export const cancelPromotionBodySchema = z.strictObject({ reason: boundedText({ max: 500 }) }).meta({ id: 'CancelPromotion' });
