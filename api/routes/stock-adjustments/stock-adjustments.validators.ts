import { z } from 'zod';
import { skuSchema } from '../../../domain/inventory/stock-requests';
import { MAX_LINE_QUANTITY } from '../../../domain/validation/integers';
import { boundedText } from '../../../domain/validation/text';
import { StockAdjustmentStatus } from '../../../prisma/client';
import { idFilterSchema, listQuerySchema } from '../../lists/list-query';
import { idSchema } from '../../openapi/common-schemas';

const deltaSchema = z
  .number()
  .int()
  .min(-MAX_LINE_QUANTITY)
  .max(MAX_LINE_QUANTITY)
  .refine((delta) => delta !== 0, 'must not be zero');

export const stockAdjustmentSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    productId: idSchema,
    sku: z.string(),
    delta: z.number().int(),
    reason: z.string(),
    valueMinor: z.number().int(),
    currency: z.string(),
    requestedByUserId: idSchema,
    status: z.enum(StockAdjustmentStatus),
    version: z.number().int(),
    workflowId: z.string().nullable(),
    decisionReason: z.string().nullable(),
    appliedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'StockAdjustment' });

export const createStockAdjustmentBodySchema = z
  .strictObject({ storeId: idSchema, sku: skuSchema, delta: deltaSchema, reason: boundedText({ max: 500 }) })
  .meta({ id: 'CreateStockAdjustment' });

export const updateStockAdjustmentBodySchema = z
  .strictObject({ delta: deltaSchema.optional(), reason: boundedText({ max: 500 }).optional() })
  .meta({ id: 'UpdateStockAdjustment' });

export const stockAdjustmentListQuerySchema = listQuerySchema({
  sortable: ['createdAt', 'status'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  filter: z.strictObject({
    id: idFilterSchema.optional(),
    storeId: idFilterSchema.optional(),
    status: z.enum(StockAdjustmentStatus).optional(),
  }),
});
